package io.smiledesk.staff;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Managers set each member of staff's weekly duty hours; bad input is refused whole, as
 * problem details, and every change is audited.
 */
@IntegrationTest
class StaffDutyIntegrationTests {

	static final String WEEK = """
			{"hours":[{"day":"tuesday","start":"13:00","end":"17:00"},
			          {"day":"MONDAY","start":"08:00","end":"12:00"},
			          {"day":"monday","start":"13:00","end":"17:30"}]}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	DutyRoster roster;

	@Autowired
	TestData data;

	UUID member;

	@BeforeEach
	void reset() {
		data.reset();
		member = accounts
			.create("Duty Hygienist", "duty-" + UUID.randomUUID() + "@test.example", StaffRole.HYGIENIST,
					Logins.PASSWORD)
			.id();
	}

	@Test
	void aManagerSetsTheWeekAndReadsItBackInWeekOrder() throws Exception {
		mvc.perform(put(duty(member)).with(as("OFFICE_MANAGER")).contentType(MediaType.APPLICATION_JSON).content(WEEK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.staff_id").value(member.toString()))
			.andExpect(jsonPath("$.hours.length()").value(3))
			.andExpect(jsonPath("$.hours[0].day").value("MONDAY"))
			.andExpect(jsonPath("$.hours[0].start").value("08:00"))
			.andExpect(jsonPath("$.hours[1].end").value("17:30"))
			.andExpect(jsonPath("$.hours[2].day").value("TUESDAY"));

		mvc.perform(get(duty(member)).with(as("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.hours.length()").value(3))
			.andExpect(jsonPath("$.hours[2].start").value("13:00"));
		assertThat(roster.onDuty(DayOfWeek.MONDAY, LocalTime.of(12, 30))).isEmpty();
		assertThat(roster.onDuty(DayOfWeek.MONDAY, LocalTime.of(13, 0))).extracting(StaffMember::id)
			.containsExactly(member);
		assertThat(roster.onDuty(DayOfWeek.MONDAY, LocalTime.of(17, 30))).isEmpty();
	}

	@Test
	void aChangeIsAudited() throws Exception {
		mvc.perform(put(duty(member)).with(as("ADMIN")).contentType(MediaType.APPLICATION_JSON).content(WEEK))
			.andExpect(status().isOk());

		assertThat(data.jdbc()
			.queryForList(
					"select detail from (select action, resource_id, detail from audit_pending union all"
							+ " select action, resource_id, detail from audit_entry) entries"
							+ " where action = 'staff.duty-hours-changed' and resource_id = ?",
					String.class, member.toString()))
			.containsExactly("MON 08:00-12:00, MON 13:00-17:30, TUE 13:00-17:00");
	}

	@Test
	void anEmptyWeekTakesSomeoneOffDuty() throws Exception {
		roster.replace(member, java.util.List.of(new DutyHours(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.NOON)));

		mvc.perform(
				put(duty(member)).with(as("ADMIN")).contentType(MediaType.APPLICATION_JSON).content("{\"hours\":[]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.hours.length()").value(0));
		assertThat(roster.onDuty(DayOfWeek.MONDAY, LocalTime.of(9, 0))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"hours\":[{\"day\":\"someday\",\"start\":\"08:00\",\"end\":\"12:00\"}]}",
			"{\"hours\":[{\"start\":\"08:00\",\"end\":\"12:00\"}]}",
			"{\"hours\":[{\"day\":\"monday\",\"start\":\"8am\",\"end\":\"12:00\"}]}",
			"{\"hours\":[{\"day\":\"monday\",\"start\":\"08:00\",\"end\":\"25:00\"}]}",
			"{\"hours\":[{\"day\":\"monday\",\"start\":\"12:00\",\"end\":\"08:00\"}]}",
			"{\"hours\":[{\"day\":\"monday\",\"start\":\"08:00\",\"end\":\"08:00\"}]}",
			"{\"hours\":[{\"day\":\"monday\",\"start\":\"08:00\",\"end\":\"12:00\"},{\"day\":\"monday\",\"start\":\"11:00\",\"end\":\"13:00\"}]}",
			"{\"hours\":[null]}", "{}", "{\"hours\":\"monday\"}", "{\"hours\":[" })
	void badInputIsAProblemAndChangesNothing(String body) throws Exception {
		roster.replace(member, java.util.List.of(new DutyHours(DayOfWeek.FRIDAY, LocalTime.of(8, 0), LocalTime.NOON)));

		mvc.perform(put(duty(member)).with(as("ADMIN")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

		assertThat(roster.hours(member))
			.containsExactly(new DutyHours(DayOfWeek.FRIDAY, LocalTime.of(8, 0), LocalTime.NOON));
	}

	@Test
	void moreStretchesThanAWeekNeedsAreRefused() throws Exception {
		StringBuilder body = new StringBuilder("{\"hours\":[");
		for (int i = 0; i <= DutyRoster.MAX_STRETCHES; i++) {
			body.append(i == 0 ? "" : ",")
				.append("{\"day\":\"%s\",\"start\":\"%02d:00\",\"end\":\"%02d:30\"}".formatted(DayOfWeek.of(i % 7 + 1),
						i / 7 + 6, i / 7 + 6));
		}
		body.append("]}");

		mvc.perform(
				put(duty(member)).with(as("ADMIN")).contentType(MediaType.APPLICATION_JSON).content(body.toString()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("hours"));
		assertThat(roster.hours(member)).isEmpty();
	}

	@Test
	void anUnknownMemberOfStaffIsNotFound() throws Exception {
		String missing = duty(UUID.randomUUID());
		mvc.perform(get(missing).with(as("ADMIN")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(put(missing).with(as("ADMIN")).contentType(MediaType.APPLICATION_JSON).content(WEEK))
			.andExpect(status().isNotFound());
	}

	@ParameterizedTest
	@ValueSource(strings = { "FRONT_DESK", "DENTIST", "HYGIENIST", "NURSE" })
	void onlyManagersSetOrReadDutyHours(String role) throws Exception {
		mvc.perform(put(duty(member)).with(as(role)).contentType(MediaType.APPLICATION_JSON).content(WEEK))
			.andExpect(status().isForbidden());
		mvc.perform(get(duty(member)).with(as(role))).andExpect(status().isForbidden());
		assertThat(roster.hours(member)).isEmpty();
	}

	private static String duty(UUID id) {
		return "/api/v1/admin/staff/" + id + "/duty";
	}

	private static RequestPostProcessor as(String role) {
		return jwt().jwt(token -> token.subject(UUID.randomUUID().toString()))
			.authorities(new SimpleGrantedAuthority("ROLE_" + role));
	}

}
