package io.smiledesk.console;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffRole;
import io.smiledesk.test.ConsoleStaff;
import io.smiledesk.test.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ConsoleLayoutIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Clock clock;

	@Test
	void theNavigationLeavesOutWhatTheRoleCannotOpen() throws Exception {
		mvc.perform(get("/console").with(ConsoleStaff.signedIn(accounts, clock, StaffRole.NURSE)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/console/handoffs\"")))
			.andExpect(content().string(not(containsString("href=\"/console/settings\""))))
			.andExpect(content().string(not(containsString("href=\"/console/audit\""))));
		mvc.perform(get("/console").with(ConsoleStaff.signedIn(accounts, clock, StaffRole.ADMIN)))
			.andExpect(content().string(containsString("href=\"/console/settings\"")))
			.andExpect(content().string(containsString("href=\"/console/audit\"")));
	}

	@Test
	void unknownConsolePagesAreAConsolePageNotAProblemDocument() throws Exception {
		mvc.perform(get("/console/no-such-page").with(ConsoleStaff.signedIn(accounts, clock, StaffRole.FRONT_DESK)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("text/html"));
	}

}
