package io.smiledesk.scheduling;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static io.smiledesk.test.Json.booking;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AvailabilityApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void answersAMonthInTheShapeTheBookingSiteExpects() throws Exception {
		mvc.perform(month("8", "2025", "teeth_whitening"))
			.andExpect(status().isOk())
			// Wednesday 20 August: first dentist starts at 08:00, whitening takes 60
			// minutes
			.andExpect(jsonPath("$['2025-08-20'][0]").value("08:00"))
			.andExpect(jsonPath("$['2025-08-20']", hasItem("14:00")))
			.andExpect(jsonPath("$['2025-08-20']", everyItem(matchesPattern("\\d\\d:\\d\\d"))))
			// Sundays are closed; today (08:00 now) starts after the two hours of booking
			// notice
			.andExpect(jsonPath("$", not(hasKey("2025-08-24"))))
			.andExpect(jsonPath("$['2025-08-04'][0]").value("10:00"))
			.andExpect(jsonPath("$", not(hasKey("2025-08-01"))))
			// Saturday mornings only
			.andExpect(jsonPath("$['2025-08-23'][-1:]", contains("12:00")));
	}

	@Test
	void aBookedTimeDisappearsForThatProvider() throws Exception {
		mvc.perform(MockMvcRequestBuilders.post("/api/v1/appointments/book")
			.contentType(MediaType.APPLICATION_JSON)
			.content(booking("Ana", "ana@example.com", null, "2025-08-20T18:00:00Z", "teeth_whitening",
					"dr-aisha-patel")))
			.andExpect(status().isCreated());

		// Dr. Patel: Wednesdays 08:00-16:00, break 12:30-13:15; now busy 14:00-15:15 (60
		// minutes plus buffer)
		mvc.perform(month("8", "2025", "teeth_whitening").param("provider_id", "dr-aisha-patel"))
			.andExpect(jsonPath("$['2025-08-20']", hasItem("11:30")))
			.andExpect(jsonPath("$['2025-08-20']", not(hasItem("14:00"))))
			// 13:15 would end at 14:15 and its buffer at 14:30
			.andExpect(jsonPath("$['2025-08-20']", not(hasItem("13:15"))))
			.andExpect(jsonPath("$['2025-08-21']", hasItem("14:00")));
		mvc.perform(month("8", "2025", "teeth_whitening")).andExpect(jsonPath("$['2025-08-20']", hasItem("14:00")));
	}

	@Test
	void listsSlotsWithProviderAndOperatory() throws Exception {
		mvc.perform(get("/api/v1/availability/slots").param("service", "Annual Cleaning")
			.param("from", "2025-08-23")
			.param("to", "2025-08-23"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.service_id").value("annual_cleaning"))
			.andExpect(jsonPath("$.time_zone").value("America/New_York"))
			.andExpect(jsonPath("$.slots[0].start").value("2025-08-23T13:00:00Z"))
			.andExpect(jsonPath("$.slots[0].local_time").value("09:00"))
			.andExpect(jsonPath("$.slots[0].provider_id").isNotEmpty())
			.andExpect(jsonPath("$.slots[0].provider_name").isNotEmpty())
			.andExpect(jsonPath("$.slots[0].operatory_id").isNotEmpty())
			// Saturday: Dr. Chen and the hygienist Sam work
			.andExpect(jsonPath("$.slots[*].provider_id", hasItem("sam-oneill")))
			.andExpect(jsonPath("$.slots[*].provider_id", hasItem("dr-james-chen")));
	}

	@Test
	void refusesBadQueries() throws Exception {
		mvc.perform(month("13", "2025", "teeth_whitening")).andExpect(status().isBadRequest());
		mvc.perform(month("august", "2025", "teeth_whitening"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("month"));
		mvc.perform(month("8", "2025", "tattoo")).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/availability").param("month", "8").param("year", "2025"))
			.andExpect(status().isBadRequest());
		mvc.perform(month("8", "2025", "teeth_whitening").param("provider_id", "dr-who"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/availability/slots").param("service", "filling").param("from", "tomorrow"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/availability/slots").param("service", "filling")
			.param("from", "2025-08-20")
			.param("to", "2025-08-10")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/availability/slots").param("service", "filling")
			.param("from", "2025-08-01")
			.param("to", "2026-08-01")).andExpect(status().isBadRequest());
	}

	static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder month(String month, String year,
			String service) {
		return get("/api/v1/availability").param("month", month).param("year", year).param("service_id", service);
	}

}
