package io.smiledesk.system;

import org.junit.jupiter.api.Test;
import io.smiledesk.test.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ErrorHandlingIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void anonymousCallersLearnNothingAboutNonPublicPaths() throws Exception {
		mvc.perform(get("/api/v1/nothing-here"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(put("/api/v1/clinic")).andExpect(status().isUnauthorized());
	}

	@Test
	@WithMockUser(roles = "FRONT_DESK")
	void unknownPathsAreProblemDetails() throws Exception {
		mvc.perform(get("/api/v1/nothing-here"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	@WithMockUser(roles = "FRONT_DESK")
	void wrongMethodsAndMediaTypesAreProblemDetails() throws Exception {
		mvc.perform(put("/api/v1/clinic"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(post("/api/v1/appointments/book").contentType(MediaType.APPLICATION_XML).content("<a/>"))
			.andExpect(status().isUnsupportedMediaType());
	}

	@Test
	void invalidUtf8IsABadRequest() throws Exception {
		byte[] body = { '{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' };
		mvc.perform(post("/api/v1/appointments/book").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type", endsWith("/invalid-request")));
	}

	@Test
	void errorsCarryNoStackTraceOrInternalNames() throws Exception {
		MvcResult result = mvc
			.perform(post("/api/v1/appointments/book").contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": [\"a\"], \"appointment_date\": 5}"))
			.andExpect(status().isBadRequest())
			.andReturn();

		String body = result.getResponse().getContentAsString();
		assertThat(body).doesNotContain("Exception", "tools.jackson", "at io.smiledesk", "java.");
	}

}
