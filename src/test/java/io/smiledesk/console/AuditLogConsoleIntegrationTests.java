package io.smiledesk.console;

import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffMember;
import io.smiledesk.staff.StaffRole;
import io.smiledesk.test.ConsoleStaff;
import io.smiledesk.test.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.smiledesk.test.Json.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AuditLogConsoleIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Clock clock;

	@Test
	void onlyAdministratorsReadTheAuditLogAndTheRefusalIsInIt() throws Exception {
		StaffMember manager = member("Morgan Manager", StaffRole.OFFICE_MANAGER);
		mvc.perform(get("/console/audit").with(ConsoleStaff.as(manager, clock))).andExpect(status().isForbidden());
		mvc.perform(get("/console/audit/verify").with(ConsoleStaff.as(manager, clock)))
			.andExpect(status().isForbidden());

		RequestPostProcessor admin = ConsoleStaff.signedIn(accounts, clock, StaffRole.ADMIN);
		String page = body(mvc
			.perform(get("/console/audit").param("action", "access.denied")
				.param("actor", manager.id().toString())
				.with(admin))
			.andExpect(status().isOk()));
		assertThat(page).contains("id=\"audit-entries\"")
			.contains("Morgan Manager")
			.contains("GET /console/audit")
			.contains("2 entries, newest first");

		String someoneElse = body(mvc
			.perform(get("/console/audit").param("action", "access.denied")
				.param("actor", UUID.randomUUID().toString())
				.with(admin))
			.andExpect(status().isOk()));
		assertThat(someoneElse).contains("0 entries").doesNotContain("Morgan Manager</span>");
	}

	@Test
	void theChainIsCheckedOnRequest() throws Exception {
		mvc.perform(get("/console/audit/verify").header("HX-Request", "true")
			.with(ConsoleStaff.signedIn(accounts, clock, StaffRole.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The chain is intact")));
	}

	@Test
	void badFiltersAreShownNextToTheirFields() throws Exception {
		RequestPostProcessor admin = ConsoleStaff.signedIn(accounts, clock, StaffRole.ADMIN);

		mvc.perform(get("/console/audit").param("from", "2025-13-45").param("action", "staff.login").with(admin))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"from-error\"")))
			.andExpect(content().string(containsString("value=\"2025-13-45\"")))
			.andExpect(content().string(containsString("value=\"staff.login\"")));
		mvc.perform(get("/console/audit").param("from", "2025-08-20").param("to", "2025-08-01").with(admin))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The last day is before the first.")));
		mvc.perform(get("/console/audit").param("outcome", "MAYBE").with(admin)).andExpect(status().isBadRequest());
		mvc.perform(get("/console/audit").param("page", "-1").with(admin)).andExpect(status().isBadRequest());
		mvc.perform(get("/console/audit").param("page", "abc").with(admin)).andExpect(status().isBadRequest());
	}

	private StaffMember member(String name, StaffRole role) {
		return accounts.create(name, "audit-" + UUID.randomUUID() + "@test.example", role, ConsoleStaff.PASSWORD);
	}

}
