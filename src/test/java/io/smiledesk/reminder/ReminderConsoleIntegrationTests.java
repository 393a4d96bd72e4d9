package io.smiledesk.reminder;

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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The reminder rules in the console's settings: managers see the defaults, change them
 * and get a clear message for settings that cannot work, with nothing saved; other roles
 * are refused.
 */
@IntegrationTest
class ReminderConsoleIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	ReminderSettingsStore settings;

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void managersSeeTheDefaultsAndChangeThem() throws Exception {
		mvc.perform(get("/console/settings/reminders").with(as(StaffRole.OFFICE_MANAGER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"7d\"")))
			.andExpect(content().string(containsString("value=\"2h\"")));
		mvc.perform(post("/console/settings/reminders").with(csrf())
			.with(as(StaffRole.ADMIN))
			.param("code", "3d", "1h", "")
			.param("amount", "3", "1", "")
			.param("unit", "days", "hours", "days")
			.param("asks", "0")
			.param("enabled", "0", "1")
			.param("channel", "email", "sms", "")
			.param("withinHours", "6")
			.param("missedYou", "true")).andExpect(redirectedUrl("/console/settings/reminders"));
		ReminderSettings saved = settings.load();
		assertThat(saved.rules()).extracting(ReminderRule::code, ReminderRule::asksConfirmation)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("3d", true),
					org.assertj.core.groups.Tuple.tuple("1h", false));
		assertThat(saved.channels()).containsExactly(ReminderChannel.EMAIL, ReminderChannel.SMS);
		assertThat(saved.missedYou()).isTrue();
	}

	@Test
	void settingsThatCannotWorkAreExplainedAndNotSaved() throws Exception {
		for (String[] bad : new String[][] { { "3d", "x", "days", "sms" }, { "Bad Name", "3", "days", "sms" },
				{ "3d", "3", "weeks", "sms" }, { "3d", "3", "days", "" } }) {
			mvc.perform(post("/console/settings/reminders").with(csrf())
				.with(as(StaffRole.ADMIN))
				.param("code", bad[0])
				.param("amount", bad[1])
				.param("unit", bad[2])
				.param("channel", bad[3]))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"reminders-problem\"")));
		}
		assertThat(data.count("reminder_settings")).isZero();
	}

	@Test
	void otherRolesAreRefused() throws Exception {
		mvc.perform(get("/console/settings/reminders").with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/console/settings/reminders").with(csrf()).with(as(StaffRole.DENTIST)).param("code", "1d"))
			.andExpect(status().isForbidden());
	}

	RequestPostProcessor as(StaffRole role) {
		return ConsoleStaff.signedIn(accounts, clock, role);
	}

}
