package io.smiledesk.scheduling;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static io.smiledesk.test.Json.booking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A clinic that takes online bookings from registered patients only. */
@IntegrationTest
@WithMockUser(roles = "ADMIN")
@TestPropertySource(properties = "smiledesk.booking.allow-new-patients=false")
class ClosedRegistrationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void unknownPatientsAreNotFoundAndNothingIsWritten() throws Exception {
		book(booking("New Person", "new@example.com", null, "2025-08-20T14:00:00Z", "filling"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.reason").value("patient-unknown"));

		assertThat(data.count("patient")).isZero();
		assertThat(data.count("appointment")).isZero();
	}

	@Test
	void registeredPatientsStillBookAndStaffStillRegister() throws Exception {
		mvc.perform(MockMvcRequestBuilders.post("/api/v1/admin/appointments")
			.contentType(MediaType.APPLICATION_JSON)
			.content(AdminAppointmentsIntegrationTests.manual("2025-08-20T14:00:00Z", 45, "known@example.com")))
			.andExpect(status().isCreated());

		book(booking("Known", "known@example.com", null, "2025-08-21T14:00:00Z", "filling"))
			.andExpect(status().isCreated());
		assertThat(data.count("patient")).isEqualTo(1);
	}

	org.springframework.test.web.servlet.ResultActions book(String json) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.post("/api/v1/appointments/book")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

}
