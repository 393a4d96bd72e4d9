package io.smiledesk.staff;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's session sign-in: CSRF-protected forms, the same accounts, lockout and
 * second factor as the API.
 */
@IntegrationTest
class ConsoleSecurityIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	StaffAuthentication authentication;

	@Test
	void theConsoleNeedsASignedInSession() throws Exception {
		mvc.perform(get("/console")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void signsInWithACsrfTokenAndOutAgain() throws Exception {
		String email = account(StaffRole.FRONT_DESK);

		MockHttpSession session = (MockHttpSession) mvc
			.perform(post("/login").param("email", email).param("password", Logins.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/console"))
			.andReturn()
			.getRequest()
			.getSession();
		mvc.perform(get("/console").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Signed in as Console FRONT_DESK (front desk)")));

		mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
		mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?signed-out"));
		mvc.perform(get("/console").session(session)).andExpect(status().is3xxRedirection());
	}

	@Test
	void aConsoleSessionEndsWhenTheAccountIsSignedOutEverywhere() throws Exception {
		String email = account(StaffRole.FRONT_DESK);
		MockHttpSession session = (MockHttpSession) mvc
			.perform(post("/login").param("email", email).param("password", Logins.PASSWORD).with(csrf()))
			.andReturn()
			.getRequest()
			.getSession();
		mvc.perform(get("/console").session(session)).andExpect(status().isOk());

		clock.advance(java.time.Duration.ofSeconds(1));
		authentication.logoutEverywhere(
				accounts.list().stream().filter(member -> member.email().equals(email)).findFirst().orElseThrow().id());

		mvc.perform(get("/console").session(session)).andExpect(status().is3xxRedirection());
	}

	@Test
	void refusesASignInWithoutTheCsrfToken() throws Exception {
		String email = account(StaffRole.FRONT_DESK);

		mvc.perform(post("/login").param("email", email).param("password", Logins.PASSWORD))
			.andExpect(status().isForbidden());
	}

	@Test
	void refusesWrongPasswordsAndAsksAdministratorsForTheirSecondFactorOnASecondPage() throws Exception {
		String email = account(StaffRole.NURSE);
		mvc.perform(post("/login").param("email", email).param("password", "Wrong-Password-42!").with(csrf()))
			.andExpect(redirectedUrl("/login?error"));

		Logins.Session admin = new Logins(mvc, accounts, clock).signIn(StaffRole.ADMIN);
		MockHttpSession session = (MockHttpSession) mvc
			.perform(post("/login").param("email", admin.email()).param("password", Logins.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/login/code"))
			.andReturn()
			.getRequest()
			.getSession();
		mvc.perform(get("/console").session(session)).andExpect(status().is3xxRedirection());
		mvc.perform(post("/login/code").session(session)
			.param("code", Totp.code(admin.totpSecret(), Totp.step(clock.instant())))
			.with(csrf())).andExpect(redirectedUrl("/console"));
	}

	String account(StaffRole role) {
		String email = "console-" + UUID.randomUUID() + "@test.example";
		accounts.create("Console " + role, email, role, Logins.PASSWORD);
		return email;
	}

}
