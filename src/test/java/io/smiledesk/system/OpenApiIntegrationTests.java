package io.smiledesk.system;

import org.junit.jupiter.api.Test;
import io.smiledesk.test.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasKey;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class OpenApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void documentsTheApiInSnakeCase() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.info.title").value("SmileDesk API"))
			.andExpect(jsonPath("$.paths", hasKey("/api/v1/appointments/book")))
			.andExpect(jsonPath("$.paths", hasKey("/api/v1/availability")))
			.andExpect(jsonPath("$.paths", hasKey("/api/v1/nlu/parse")))
			.andExpect(jsonPath("$.paths", hasKey("/api/v1/admin/appointments")))
			.andExpect(jsonPath("$.components.schemas.BookRequestJson.properties", hasKey("appointment_date")))
			.andExpect(jsonPath("$.components.schemas.BookRequestJson.properties", hasKey("service_name")));
	}

	@Test
	void servesSwaggerUi() throws Exception {
		mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
	}

}
