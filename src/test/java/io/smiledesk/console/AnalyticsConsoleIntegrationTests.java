package io.smiledesk.console;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.smiledesk.scheduling.Booking;
import io.smiledesk.scheduling.CreatedFrom;
import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffRole;
import io.smiledesk.test.ConsoleStaff;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The analytics page and the integrators' endpoint; the figures themselves are checked in
 * PracticeAnalyticsIntegrationTests.
 */
@IntegrationTest
class AnalyticsConsoleIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Clock clock;

	@Autowired
	Booking booking;

	@Autowired
	TestData data;

	@BeforeEach
	@AfterEach
	void reset() {
		data.reset();
		data.jdbc().update("delete from analytics_appointment");
	}

	@Test
	void showsTheChartsDataAndTablesOfTheLastTwelveWeeks() throws Exception {
		// booked on Monday 4 August at 08:00 for 15:00 the same day, New York time
		Booking.Outcome booked = booking.book(new Booking.BookRequest("Chart Patient", "chart@example.com", null, null,
				null, "filling", Instant.parse("2025-08-04T19:00:00Z"), Optional.empty(), Optional.empty(), null,
				CreatedFrom.MANUAL_ADMIN, null, null, null, null));
		assertThat(booked).isInstanceOf(Booking.Done.class);
		data.awaitEvents();

		String page = mvc
			.perform(get("/console/analytics").with(ConsoleStaff.signedIn(accounts, clock, StaffRole.OFFICE_MANAGER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<script type=\"application/json\" id=\"analytics-data\">")))
			.andExpect(content().string(containsString("<canvas id=\"chart-bookings\"")))
			.andExpect(content().string(containsString("id=\"table-hours\"")))
			.andExpect(content().string(containsString("value=\"2025-05-19\"")))
			.andExpect(content().string(containsString("value=\"2025-08-04\"")))
			.andExpect(content().string(not(containsString("<script>"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// the data block: twelve weeks, the staff booking in the last one
		String json = page.substring(page.indexOf("id=\"analytics-data\">") + 20,
				page.indexOf("</script>", page.indexOf("id=\"analytics-data\">")));
		assertThat(json).startsWith("{\"weeks\":[\"2025-05-19\",");
		assertThat(json).contains("\"label\":\"Staff\",\"data\":[0,0,0,0,0,0,0,0,0,0,0,1]");
		assertThat(json).contains("\"labels\":[\"15:00\"]").contains("{\"label\":\"Monday\",\"data\":[1]}");
		assertThat(page).contains("<th scope=\"row\">2025-08-04</th>");
	}

	@Test
	void aBadRangeIsShownNextToTheDatesWithTheTypedValue() throws Exception {
		mvc.perform(get("/console/analytics").param("from", "2025-08-10")
			.param("to", "2025-08-01")
			.with(ConsoleStaff.signedIn(accounts, clock, StaffRole.ADMIN)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"from-error\"")))
			.andExpect(content().string(containsString("must not be after the end date")))
			.andExpect(content().string(containsString("value=\"2025-08-10\"")));
		mvc.perform(get("/console/analytics").param("from", "last week")
			.with(ConsoleStaff.signedIn(accounts, clock, StaffRole.ADMIN)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("must be a date like 2025-08-04")));
	}

	@Test
	@WithMockUser(roles = "OFFICE_MANAGER")
	void theApiAnswersTheReportAsJson() throws Exception {
		mvc.perform(get("/api/v1/admin/analytics").param("from", "2025-07-28").param("to", "2025-08-10"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value("2025-07-28"))
			.andExpect(jsonPath("$.time_zone").value("America/New_York"))
			.andExpect(jsonPath("$.weeks", hasSize(2)))
			.andExpect(jsonPath("$.weeks[1].starts_on").value("2025-08-04"))
			.andExpect(jsonPath("$.weeks[1].bookings_by_source.chat").value(0));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void theApiRefusesABadRangeWithAProblem() throws Exception {
		mvc.perform(get("/api/v1/admin/analytics").param("from", "2025-08-10").param("to", "2025-08-01"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("from"));
		mvc.perform(get("/api/v1/admin/analytics").param("from", "2020-01-01").param("to", "2025-08-01"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"));
		mvc.perform(get("/api/v1/admin/analytics").param("from", "yesterday"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void theApiIsForManagersOnly() throws Exception {
		for (String role : new String[] { "FRONT_DESK", "DENTIST", "HYGIENIST", "NURSE" }) {
			mvc.perform(get("/api/v1/admin/analytics").with(user("someone").roles(role)))
				.andExpect(status().isForbidden());
		}
		mvc.perform(get("/api/v1/admin/analytics")).andExpect(status().isUnauthorized());
	}

}
