package io.smiledesk.staff;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's sign-in in two steps: the code on its own page without the password typed
 * again, and first-time set-up of the authenticator for the roles that need one.
 */
@IntegrationTest
class ConsoleSecondFactorIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	MutableClock clock;

	@Test
	void aCodeIsAskedForOnItsOwnPageAndAWrongOneIsRefused() throws Exception {
		Logins.Session admin = new Logins(mvc, accounts, clock).signIn(StaffRole.ADMIN);
		MockHttpSession session = password(admin.email(), "/login/code");

		mvc.perform(get("/login/code").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"code\"")))
			.andExpect(content().string(not(containsString("name=\"password\""))));
		mvc.perform(post("/login/code").session(session).param("code", "12345").with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"code-error\"")));
		mvc.perform(post("/login/code").session(session).param("code", wrong(admin.totpSecret())).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("That code is not right")));
		mvc.perform(post("/login/code").session(session).param("code", current(admin.totpSecret())))
			.andExpect(status().isForbidden());

		MockHttpSession signedIn = signedIn(mvc
			.perform(post("/login/code").session(session).param("code", current(admin.totpSecret())).with(csrf()))
			.andExpect(redirectedUrl("/console"))
			.andReturn());
		assertThat(signedIn.getId()).isNotEqualTo(session.getId());
		mvc.perform(get("/console/audit").session(signedIn)).andExpect(status().isOk());
	}

	@Test
	void aCodeThatWasUsedIsRefusedTheSecondTime() throws Exception {
		Logins.Session admin = new Logins(mvc, accounts, clock).signIn(StaffRole.OFFICE_MANAGER);
		String code = current(admin.totpSecret());
		MockHttpSession first = password(admin.email(), "/login/code");
		signedIn(mvc.perform(post("/login/code").session(first).param("code", code).with(csrf()))
			.andExpect(redirectedUrl("/console"))
			.andReturn());

		MockHttpSession second = password(admin.email(), "/login/code");
		mvc.perform(post("/login/code").session(second).param("code", code).with(csrf()))
			.andExpect(status().isUnprocessableContent());

		clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
		mvc.perform(post("/login/code").session(second).param("code", current(admin.totpSecret())).with(csrf()))
			.andExpect(redirectedUrl("/console"));
	}

	@Test
	void wrongCodesLockTheAccountLikeWrongPasswords() throws Exception {
		Logins.Session admin = new Logins(mvc, accounts, clock).signIn(StaffRole.ADMIN);
		MockHttpSession session = password(admin.email(), "/login/code");
		for (int i = 1; i < ConsoleController.MAX_CODE_TRIES; i++) {
			mvc.perform(post("/login/code").session(session).param("code", wrong(admin.totpSecret())).with(csrf()))
				.andExpect(status().isUnprocessableContent());
		}
		mvc.perform(post("/login/code").session(session).param("code", wrong(admin.totpSecret())).with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(post("/login/code").session(session).param("code", current(admin.totpSecret())).with(csrf()))
			.andExpect(redirectedUrl("/login?expired"));

		// five failures in a row: locked, and the refusal looks like any other
		mvc.perform(post("/login").param("email", admin.email()).param("password", Logins.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void aPendingSignInExpiresAndCannotBeReachedWithoutThePassword() throws Exception {
		mvc.perform(get("/login/code")).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(post("/login/code").param("code", "123456").with(csrf()))
			.andExpect(redirectedUrl("/login?expired"));
		mvc.perform(get("/login/setup")).andExpect(redirectedUrl("/login?expired"));

		Logins.Session admin = new Logins(mvc, accounts, clock).signIn(StaffRole.ADMIN);
		MockHttpSession session = password(admin.email(), "/login/code");
		clock.advance(ConsoleController.PENDING_FOR);
		mvc.perform(post("/login/code").session(session).param("code", current(admin.totpSecret())).with(csrf()))
			.andExpect(redirectedUrl("/login?expired"));
	}

	@Test
	void anAdministratorWithoutASecondFactorSetsItUpAndIsSignedIn() throws Exception {
		String email = "first-admin-" + UUID.randomUUID() + "@test.example";
		StaffMember member = accounts.create("First Admin", email, StaffRole.ADMIN, Logins.PASSWORD);
		MockHttpSession session = password(email, "/login/setup");

		String page = mvc.perform(get("/login/setup").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher secret = java.util.regex.Pattern.compile("id=\"totp-secret\"[^>]*>([A-Z2-7]+)<").matcher(page);
		assertThat(secret.find()).as(page).isTrue();
		assertThat(page).contains("otpauth://totp/");
		assertThat(accounts.list()
			.stream()
			.filter(m -> m.id().equals(member.id()))
			.findFirst()
			.orElseThrow()
			.totpEnabled()).isFalse();

		mvc.perform(post("/login/setup").session(session).param("code", wrong(secret.group(1))).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString(secret.group(1))));
		String code = current(secret.group(1));
		MockHttpSession signedIn = signedIn(
				mvc.perform(post("/login/setup").session(session).param("code", code).with(csrf()))
					.andExpect(redirectedUrl("/console"))
					.andReturn());
		mvc.perform(get("/console").session(signedIn)).andExpect(status().isOk());
		assertThat(accounts.list()
			.stream()
			.filter(m -> m.id().equals(member.id()))
			.findFirst()
			.orElseThrow()
			.totpEnabled()).isTrue();

		// from now on the code is asked for, and the set-up code cannot be used again
		MockHttpSession next = password(email, "/login/code");
		mvc.perform(post("/login/code").session(next).param("code", code).with(csrf()))
			.andExpect(status().isUnprocessableContent());
	}

	private MockHttpSession password(String email, String next) throws Exception {
		return (MockHttpSession) mvc
			.perform(post("/login").param("email", email).param("password", Logins.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl(next))
			.andReturn()
			.getRequest()
			.getSession();
	}

	private static MockHttpSession signedIn(MvcResult result) {
		return (MockHttpSession) result.getRequest().getSession();
	}

	private String current(String secret) {
		return Totp.code(secret, Totp.step(clock.instant()));
	}

	/** A code that is not valid now, nor one step either side. */
	private String wrong(String secret) {
		long step = Totp.step(clock.instant());
		for (int candidate = 0;; candidate++) {
			String code = "%06d".formatted(candidate);
			if (!code.equals(Totp.code(secret, step)) && !code.equals(Totp.code(secret, step - 1))
					&& !code.equals(Totp.code(secret, step + 1))) {
				return code;
			}
		}
	}

}
