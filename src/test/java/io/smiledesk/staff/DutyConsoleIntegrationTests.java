package io.smiledesk.staff;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import io.smiledesk.test.ConsoleStaff;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Managers see and edit staff duty hours in the console's settings; bad input is refused
 * on its field with nothing written, other roles are refused, and a change is audited as
 * through the API.
 */
@IntegrationTest
class DutyConsoleIntegrationTests {

	static final List<DutyHours> MORNINGS = List
		.of(new DutyHours(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.NOON));

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	DutyRoster roster;

	@Autowired
	MutableClock clock;

	@Autowired
	TestData data;

	StaffMember member;

	@BeforeEach
	void reset() {
		data.reset();
		// accounts outlive the reset: a name of its own
		member = accounts.create("Duty Desk " + UUID.randomUUID().toString().substring(0, 8),
				"duty-desk-" + UUID.randomUUID() + "@test.example", StaffRole.FRONT_DESK, ConsoleStaff.PASSWORD);
		roster.replace(member.id(), MORNINGS);
	}

	@Test
	void aManagerSeesEachActiveMembersWeek() throws Exception {
		StaffMember gone = accounts.create("Gone Hygienist " + UUID.randomUUID().toString().substring(0, 8),
				"gone-" + UUID.randomUUID() + "@test.example", StaffRole.HYGIENIST, ConsoleStaff.PASSWORD);
		accounts.update(gone.id(), gone.name(), gone.role(), false);

		String page = mvc.perform(get("/console/settings/duty").with(manager()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

		String row = page.substring(page.indexOf(member.name()));
		assertThat(row.substring(0, row.indexOf("</tr>"))).contains("front desk", "Mon", "08:00–12:00");
		assertThat(page).contains("Never on duty", "href=\"/console/settings/duty\"").doesNotContain(gone.name());
	}

	@Test
	void aManagerEditsOneMembersWeekAndTheChangeIsAudited() throws Exception {
		mvc.perform(get("/console/settings/duty/{id}", member.id()).with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"duty-form\"")))
			.andExpect(content().string(containsString("value=\"08:00\"")));

		mvc.perform(week(post("/console/settings/duty/{id}", member.id()), "09:00", "17:00", "", "").with(manager()))
			.andExpect(redirectedUrl("/console/settings/duty"))
			.andExpect(flash().attribute("saved", "duty.saved"));

		assertThat(roster.hours(member.id()))
			.containsExactly(new DutyHours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0)));
		assertThat(audited()).contains("MON 09:00-17:00");
	}

	@Test
	void htmxGetsTheSectionBackAndADayLeftEmptyIsOff() throws Exception {
		mvc.perform(week(post("/console/settings/duty/{id}", member.id()), "", "", "10:00", "14:00")
			.header("HX-Request", "true")
			.with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Duty hours saved.")))
			.andExpect(content().string(not(containsString("<html"))));

		assertThat(roster.hours(member.id()))
			.containsExactly(new DutyHours(DayOfWeek.TUESDAY, LocalTime.of(10, 0), LocalTime.of(14, 0)));
	}

	@ParameterizedTest
	@CsvSource({ "8am, 12:00, duty-0-start-error", "12:00, 08:00, duty-0-end-error", "08:00, '', duty-0-end-error",
			"'', 12:00, duty-0-start-error", "08:00, 24:30, duty-0-end-error" })
	void badInputIsRefusedOnItsFieldWithNothingWritten(String start, String end, String errorId) throws Exception {
		int auditedBefore = audited().size();

		mvc.perform(week(post("/console/settings/duty/{id}", member.id()), start, end, "", "").with(manager()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"" + errorId + "\"")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
		mvc.perform(
				week(post("/console/settings/duty/{id}", member.id()), start, end, "", "").header("HX-Request", "true")
					.with(manager()))
			.andExpect(status().isBadRequest());

		assertThat(roster.hours(member.id())).isEqualTo(MORNINGS);
		assertThat(audited()).hasSize(auditedBefore);
	}

	@Test
	void overlappingStretchesAreRefusedForTheWeekWithNothingWritten() throws Exception {
		mvc.perform(post("/console/settings/duty/{id}", member.id()).param("day", "MONDAY", "MONDAY")
			.param("start", "08:00", "11:00")
			.param("end", "12:00", "13:00")
			.with(manager())
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"hours-error\"")))
			.andExpect(content().string(containsString("overlaps")));

		assertThat(roster.hours(member.id())).isEqualTo(MORNINGS);
	}

	@Test
	void otherRolesAreRefusedAndNothingIsWritten() throws Exception {
		for (StaffRole role : List.of(StaffRole.FRONT_DESK, StaffRole.DENTIST, StaffRole.HYGIENIST, StaffRole.NURSE)) {
			RequestPostProcessor staff = ConsoleStaff.signedIn(accounts, (Clock) clock, role);
			mvc.perform(get("/console/settings/duty").with(staff)).andExpect(status().isForbidden());
			mvc.perform(get("/console/settings/duty/{id}", member.id()).with(staff)).andExpect(status().isForbidden());
			mvc.perform(week(post("/console/settings/duty/{id}", member.id()), "09:00", "17:00", "", "").with(staff))
				.andExpect(status().isForbidden());
		}
		assertThat(roster.hours(member.id())).isEqualTo(MORNINGS);
	}

	@Test
	void anUnknownMemberIsNotFound() throws Exception {
		mvc.perform(get("/console/settings/duty/{id}", UUID.randomUUID()).with(manager()))
			.andExpect(status().isNotFound());
		mvc.perform(
				week(post("/console/settings/duty/{id}", UUID.randomUUID()), "09:00", "17:00", "", "").with(manager()))
			.andExpect(status().isNotFound());
	}

	/** Monday's and Tuesday's rows as the page posts them. */
	private static MockHttpServletRequestBuilder week(MockHttpServletRequestBuilder request, String mondayStart,
			String mondayEnd, String tuesdayStart, String tuesdayEnd) {
		return request.param("day", "MONDAY", "TUESDAY")
			.param("start", mondayStart, tuesdayStart)
			.param("end", mondayEnd, tuesdayEnd)
			.with(csrf());
	}

	private List<String> audited() {
		return data.jdbc()
			.queryForList(
					"select detail from (select action, resource_id, detail from audit_pending union all"
							+ " select action, resource_id, detail from audit_entry) entries"
							+ " where action = 'staff.duty-hours-changed' and resource_id = ?",
					String.class, member.id().toString());
	}

	private RequestPostProcessor manager() {
		return ConsoleStaff.signedIn(accounts, (Clock) clock, StaffRole.OFFICE_MANAGER);
	}

}
