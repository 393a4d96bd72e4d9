package io.smiledesk.calendar;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffRole;
import io.smiledesk.test.ConsoleStaff;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The calendar settings page, without Google credentials (connecting against the fake is
 * in {@link GoogleCalendarSyncIntegrationTests}): managers make a feed and see its
 * address once, revoke it, and disconnect a calendar; others are refused.
 */
@IntegrationTest
class CalendarConsoleIntegrationTests {

	static final java.util.regex.Pattern FEED_URL = java.util.regex.Pattern
		.compile("value=\"http://localhost(/calendar/[A-Za-z0-9_-]{43}\\.ics)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	CalendarLinks links;

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void managersMakeAFeedSeeItsAddressOnceAndRevokeIt() throws Exception {
		String made = mvc
			.perform(post("/console/settings/calendars/feeds").with(csrf())
				.with(as(StaffRole.OFFICE_MANAGER))
				.param("providerId", "dr-maria-lopez"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		java.util.regex.Matcher url = FEED_URL.matcher(made);
		assertThat(url.find()).as(made).isTrue();
		assertThat(made).contains("id=\"feed-created\"", "Dr. Maria Lopez");
		mvc.perform(get(url.group(1))).andExpect(status().isOk());

		// the list has the feed, never its address
		String page = body(get("/console/settings/calendars"), StaffRole.ADMIN);
		assertThat(page)
			.contains("id=\"calendar-feeds\"", "data-active=\"true\"", "href=\"/console/settings/calendars\"")
			.doesNotContain(url.group(1))
			.doesNotContain("id=\"feed-created\"");

		UUID feed = data.jdbc().queryForObject("select id from calendar_feed", UUID.class);
		mvc.perform(post("/console/settings/calendars/feeds/{id}/revoke", feed).with(csrf()).with(as(StaffRole.ADMIN)))
			.andExpect(redirectedUrl("/console/settings/calendars"));
		mvc.perform(get(url.group(1))).andExpect(status().isNotFound());
		assertThat(body(get("/console/settings/calendars"), StaffRole.ADMIN)).contains("data-active=\"false\"");
		mvc.perform(post("/console/settings/calendars/feeds/{id}/revoke", UUID.randomUUID()).with(csrf())
			.with(as(StaffRole.ADMIN))).andExpect(status().isNotFound());
	}

	@Test
	void aClinicFeedNeedsNoProviderAndAnUnknownOneIsRefused() throws Exception {
		mvc.perform(post("/console/settings/calendars/feeds").with(csrf())
			.with(as(StaffRole.ADMIN))
			.param("providerId", "dr-nobody"))
			.andExpect(status().isBadRequest())
			.andExpect(result -> assertThat(result.getResponse().getContentAsString())
				.contains("id=\"providerId-error\"", "There is no such provider.")
				.doesNotContain("id=\"feed-created\""));
		assertThat(data.count("calendar_feed")).isZero();

		assertThat(mvc
			.perform(post("/console/settings/calendars/feeds").with(csrf())
				.with(as(StaffRole.ADMIN))
				.param("providerId", ""))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("A feed of the whole clinic");
		assertThat(data.jdbc().queryForObject("select provider_id from calendar_feed", String.class)).isNull();
	}

	@Test
	void withoutGoogleCredentialsNothingIsConnectedButALinkCanBeRemoved() throws Exception {
		assertThat(body(get("/console/settings/calendars"), StaffRole.OFFICE_MANAGER))
			.contains("id=\"sync-not-configured\"", "data-provider=\"dr-maria-lopez\"");
		mvc.perform(post("/console/settings/calendars/sync/{id}", "dr-maria-lopez").with(csrf())
			.with(as(StaffRole.OFFICE_MANAGER))
			.param("calendarId", "maria@example.com"))
			.andExpect(status().isConflict())
			.andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("id=\"sync-problem\""));
		assertThat(data.count("google_calendar_link")).isZero();
		mvc.perform(post("/console/settings/calendars/sync/{id}", "dr-nobody").with(csrf())
			.with(as(StaffRole.OFFICE_MANAGER))
			.param("calendarId", "x@example.com")).andExpect(status().isNotFound());

		// a link made while credentials were set
		links.link("dr-maria-lopez", "maria@example.com");
		assertThat(body(get("/console/settings/calendars"), StaffRole.OFFICE_MANAGER)).contains("maria@example.com",
				"data-linked=\"true\"");
		mvc.perform(post("/console/settings/calendars/sync/{id}/now", "dr-maria-lopez").with(csrf())
			.with(as(StaffRole.OFFICE_MANAGER))).andExpect(status().isConflict());
		mvc.perform(post("/console/settings/calendars/sync/{id}/disconnect", "dr-maria-lopez").with(csrf())
			.with(as(StaffRole.OFFICE_MANAGER))).andExpect(redirectedUrl("/console/settings/calendars"));
		assertThat(data.count("google_calendar_link")).isZero();
		mvc.perform(post("/console/settings/calendars/sync/{id}/disconnect", "dr-maria-lopez").with(csrf())
			.with(as(StaffRole.OFFICE_MANAGER))).andExpect(status().isNotFound());
	}

	@Test
	void otherRolesAreRefused() throws Exception {
		links.link("dr-maria-lopez", "maria@example.com");
		mvc.perform(get("/console/settings/calendars").with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/console/settings/calendars/feeds").with(csrf())
			.with(as(StaffRole.FRONT_DESK))
			.param("providerId", "")).andExpect(status().isForbidden());
		mvc.perform(post("/console/settings/calendars/sync/{id}/disconnect", "dr-maria-lopez").with(csrf())
			.with(as(StaffRole.DENTIST))).andExpect(status().isForbidden());
		assertThat(data.count("calendar_feed")).isZero();
		assertThat(data.count("google_calendar_link")).isEqualTo(1);
	}

	String body(MockHttpServletRequestBuilder request, StaffRole role) throws Exception {
		return mvc.perform(request.with(as(role)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	RequestPostProcessor as(StaffRole role) {
		return ConsoleStaff.signedIn(accounts, clock, role);
	}

}
