package io.smiledesk.console;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffRole;
import io.smiledesk.test.ConsoleStaff;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The booking form's repeat option books a series and shows what did not fit. */
@IntegrationTest
class SeriesConsoleIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	TestData data;

	@Autowired
	Booking booking;

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void theRepeatOptionBooksWhatFitsAndOffersOtherTimesForTheRest() throws Exception {
		AppointmentView ana = Bookings.book(booking, "Ana Silva", "ana@example.com",
				Instant.parse("2025-08-05T14:00:00Z"), "filling", "dr-maria-lopez");
		// Dr. Lopez is taken on Tuesday 2 September at 10:00
		Bookings.book(booking, "Ben Ode", "ben@example.com", Instant.parse("2025-09-02T14:00:00Z"), "filling",
				"dr-maria-lopez");
		mvc.perform(get("/console/calendar/new").with(as(StaffRole.FRONT_DESK)))
			.andExpect(content().string(containsString("formaction=\"/console/calendar/series\"")));

		mvc.perform(post("/console/calendar/series").param("patientId", ana.patientId().toString())
			.param("service", "filling")
			.param("provider", "dr-maria-lopez")
			.param("slot", "2025-08-19T14:00:00Z|dr-maria-lopez")
			.param("repeatEvery", "P2W")
			.param("repeatCount", "3")
			.with(csrf())
			.with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("2 of 3 visits booked."),
					containsString("data-status=\"unavailable\""), containsString("Not available"),
					containsString("/console/calendar/new?date=2025-09-"), containsString("provider=dr-maria-lopez"))));
		assertThat(data.count("appointment")).isEqualTo(4);
		assertThat(data.count("appointment_series_occurrence")).isEqualTo(3);
	}

	@Test
	void aSeriesNeedsARegisteredPatientAndTheFrontOffice() throws Exception {
		mvc.perform(post("/console/calendar/series").param("service", "filling")
			.param("slot", "2025-08-19T14:00:00Z|dr-maria-lopez")
			.param("repeatEvery", "P2W")
			.param("repeatCount", "3")
			.with(csrf())
			.with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose a registered patient")));
		mvc.perform(post("/console/calendar/series").param("patientId", java.util.UUID.randomUUID().toString())
			.param("service", "filling")
			.param("slot", "2025-08-19T14:00:00Z|dr-maria-lopez")
			.param("repeatEvery", "P2W")
			.param("repeatCount", "99")
			.with(csrf())
			.with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose how often to repeat")));
		mvc.perform(post("/console/calendar/series").param("patientId", java.util.UUID.randomUUID().toString())
			.param("service", "filling")
			.param("slot", "2025-08-19T14:00:00Z|dr-maria-lopez")
			.param("repeatEvery", "P2W")
			.param("repeatCount", "3")
			.with(csrf())
			.with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("No patient with that id.")));
		mvc.perform(post("/console/calendar/series").param("service", "filling")
			.param("slot", "2025-08-19T14:00:00Z|dr-maria-lopez")
			.param("repeatEvery", "P2W")
			.param("repeatCount", "3")
			.with(csrf())
			.with(as(StaffRole.DENTIST))).andExpect(status().isForbidden());
		assertThat(data.count("appointment")).isZero();
		assertThat(data.count("appointment_series")).isZero();
	}

	private RequestPostProcessor as(StaffRole role) {
		return ConsoleStaff.signedIn(accounts, clock, role);
	}

}
