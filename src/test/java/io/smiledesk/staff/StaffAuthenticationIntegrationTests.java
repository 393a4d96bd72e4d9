package io.smiledesk.staff;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.smiledesk.test.Json.body;
import static io.smiledesk.test.Json.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class StaffAuthenticationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	TestData data;

	Logins logins;

	@BeforeEach
	void setUp() {
		data.reset();
		logins = new Logins(mvc, accounts, clock);
	}

	@Test
	void signsInWithABearerTokenAndTellsWhoIsSignedIn() throws Exception {
		String frankie = unique("frankie");
		accounts.create("Frankie Desk", frankie, StaffRole.FRONT_DESK, Logins.PASSWORD);

		String tokens = body(login(frankie.toUpperCase() + " ", Logins.PASSWORD, null).andExpect(status().isOk())
			.andExpect(jsonPath("$.token_type").value("bearer"))
			.andExpect(jsonPath("$.expires_in").value(900))
			.andExpect(jsonPath("$.refresh_token").isNotEmpty()));

		mvc.perform(get("/api/v1/users/me").header("Authorization", "Bearer " + field(tokens, "access_token")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.user_id").isNotEmpty())
			.andExpect(jsonPath("$.name").value("Frankie Desk"))
			.andExpect(jsonPath("$.email").value(frankie))
			.andExpect(jsonPath("$.role").value("FRONT_DESK"));
		assertThat(data.jdbc()
			.queryForObject("select count(*) from staff_user where email = ? and last_login_at is not null",
					Integer.class, frankie))
			.isEqualTo(1);
	}

	@Test
	void refusesUnknownAccountsAndWrongPasswordsAlike() throws Exception {
		String frankie = unique("frankie");
		accounts.create("Frankie Desk", frankie, StaffRole.FRONT_DESK, Logins.PASSWORD);

		String unknown = body(login("nobody@test.example", Logins.PASSWORD, null).andExpect(status().isUnauthorized()));
		String wrong = body(login(frankie, "Wrong-Password-42!", null).andExpect(status().isUnauthorized()));

		assertThat(unknown).isEqualTo(wrong).contains("invalid-credentials").doesNotContain(frankie);
		login(frankie, "", null).andExpect(status().isBadRequest());
	}

	@Test
	void locksTheAccountAfterRepeatedFailuresAndBacksOff() throws Exception {
		String frankie = unique("frankie");
		accounts.create("Frankie Desk", frankie, StaffRole.FRONT_DESK, Logins.PASSWORD);
		for (int i = 0; i < 5; i++) {
			login(frankie, "Wrong-Password-42!", null).andExpect(status().isUnauthorized());
		}

		String locked = body(login(frankie, Logins.PASSWORD, null).andExpect(status().isUnauthorized()));
		String unknown = body(login("nobody@test.example", Logins.PASSWORD, null));
		assertThat(locked).as("a locked account looks like any refusal").isEqualTo(unknown);

		clock.advance(Duration.ofMinutes(16));
		login(frankie, "Wrong-Password-42!", null).andExpect(status().isUnauthorized());
		// the sixth failure in a row locks for twice as long
		clock.advance(Duration.ofMinutes(16));
		login(frankie, Logins.PASSWORD, null).andExpect(status().isUnauthorized());
		clock.advance(Duration.ofMinutes(15));
		login(frankie, Logins.PASSWORD, null).andExpect(status().isOk());
	}

	@Test
	void rotatesRefreshTokensAndRevokesTheFamilyWhenAnOldOneIsReplayed() throws Exception {
		Logins.Session session = logins.signIn(StaffRole.FRONT_DESK);

		String refreshed = body(refresh(session.refreshToken()).andExpect(status().isOk()));
		String next = field(refreshed, "refresh_token");
		assertThat(next).isNotEqualTo(session.refreshToken());

		refresh(session.refreshToken()).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type", endsWith("/invalid-refresh-token")));
		refresh(next).andExpect(status().isUnauthorized());
	}

	@Test
	void signingOutStopsTheRefreshTokenAndSigningOutEverywhereStopsAccessTokens() throws Exception {
		Logins.Session session = logins.signIn(StaffRole.FRONT_DESK);

		mvc.perform(post("/api/v1/auth/logout").contentType(MediaType.APPLICATION_JSON)
			.content("{\"refresh_token\":\"" + session.refreshToken() + "\"}")).andExpect(status().isNoContent());
		refresh(session.refreshToken()).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/users/me").header("Authorization", session.bearer())).andExpect(status().isOk());

		clock.advance(Duration.ofSeconds(1));
		mvc.perform(delete("/api/v1/users/me/sessions").header("Authorization", session.bearer()))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/users/me").header("Authorization", session.bearer()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\"")));
	}

	@Test
	void accessTokensExpire() throws Exception {
		Logins.Session session = logins.signIn(StaffRole.DENTIST);

		// 15 minutes plus the validator's 60 seconds of allowed clock skew
		clock.advance(Duration.ofMinutes(16).plusSeconds(1));

		mvc.perform(get("/api/v1/users/me").header("Authorization", session.bearer()))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/users/me").header("Authorization", "Bearer not.a.token"))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/users/me"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type", endsWith("/unauthenticated")));
	}

	@Test
	void changesThePasswordAndEndsOtherSessions() throws Exception {
		Logins.Session session = logins.signIn(StaffRole.NURSE);

		changePassword(session, "Wrong-Password-42!", "Another-Strong-Pass-7").andExpect(status().isForbidden());
		changePassword(session, Logins.PASSWORD, "short").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("new_password"));
		clock.advance(Duration.ofSeconds(1));
		changePassword(session, Logins.PASSWORD, "Another-Strong-Pass-7").andExpect(status().isNoContent());

		mvc.perform(get("/api/v1/users/me").header("Authorization", session.bearer()))
			.andExpect(status().isUnauthorized());
		login(session.email(), Logins.PASSWORD, null).andExpect(status().isUnauthorized());
		login(session.email(), "Another-Strong-Pass-7", null).andExpect(status().isOk());
	}

	@Test
	void administratorsMustSetUpASecondFactorBeforeDoingAnything() throws Exception {
		String alex = unique("alex");
		accounts.create("Alex Admin", alex, StaffRole.ADMIN, Logins.PASSWORD);

		String first = body(login(alex, Logins.PASSWORD, null).andExpect(status().isOk())
			.andExpect(jsonPath("$.second_factor_setup_required").value(true)));
		String limited = "Bearer " + field(first, "access_token");
		mvc.perform(get("/api/v1/admin/staff").header("Authorization", limited)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/admin/clinic").header("Authorization", limited)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/users/me").header("Authorization", limited))
			.andExpect(jsonPath("$.second_factor_setup_required").value(true));

		String enrolment = body(mvc.perform(post("/api/v1/users/me/totp").header("Authorization", limited))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.otpauth_uri",
					startsWith("otpauth://totp/SmileDesk%3A" + alex.replace("@", "%40") + "?secret="))));
		String secret = field(enrolment, "secret");
		confirm(limited, "000000").andExpect(status().isBadRequest());
		String full = body(confirm(limited, Totp.code(secret, Totp.step(clock.instant()))).andExpect(status().isOk()));
		mvc.perform(get("/api/v1/admin/staff").header("Authorization", "Bearer " + field(full, "access_token")))
			.andExpect(status().isOk());

		clock.advance(Duration.ofSeconds(30));
		login(alex, Logins.PASSWORD, null).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type", endsWith("/second-factor-required")));
		String code = Totp.code(secret, Totp.step(clock.instant()));
		login(alex, Logins.PASSWORD, code).andExpect(status().isOk())
			.andExpect(jsonPath("$.second_factor_setup_required").value(false));
		// a code works once
		login(alex, Logins.PASSWORD, code).andExpect(status().isUnauthorized());
		login(alex, "Wrong-Password-42!", Totp.code(secret, Totp.step(clock.instant()) + 1))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type", endsWith("/invalid-credentials")));
		mvc.perform(post("/api/v1/users/me/totp").header("Authorization", "Bearer " + field(full, "access_token")))
			.andExpect(status().isConflict());
	}

	@Test
	void settingUpTheSecondFactorEndsTheSetUpOnlySignIn() throws Exception {
		String alex = unique("alex");
		accounts.create("Alex Admin", alex, StaffRole.ADMIN, Logins.PASSWORD);
		String first = body(login(alex, Logins.PASSWORD, null));
		String limited = "Bearer " + field(first, "access_token");
		String secret = field(body(mvc.perform(post("/api/v1/users/me/totp").header("Authorization", limited))),
				"secret");
		clock.advance(Duration.ofSeconds(1));

		confirm(limited, Totp.code(secret, Totp.step(clock.instant()))).andExpect(status().isOk());

		// the refresh token from before the second factor must not turn into a full
		// sign-in
		refresh(field(first, "refresh_token")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/users/me").header("Authorization", limited)).andExpect(status().isUnauthorized());
	}

	@Test
	void guessingTheCurrentPasswordLocksTheAccount() throws Exception {
		Logins.Session session = logins.signIn(StaffRole.FRONT_DESK);
		for (int i = 0; i < 5; i++) {
			changePassword(session, "Wrong-Password-4" + i + "!", "Another-Strong-Pass-7")
				.andExpect(status().isForbidden());
		}

		changePassword(session, Logins.PASSWORD, "Another-Strong-Pass-7").andExpect(status().isForbidden());
		login(session.email(), Logins.PASSWORD, null).andExpect(status().isUnauthorized());
	}

	@Test
	void passwordsLongerThanBcryptReadsAreRefusedNotCrashed() throws Exception {
		Logins.Session admin = logins.signIn(StaffRole.ADMIN);

		mvc.perform(post("/api/v1/admin/staff").header("Authorization", admin.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Long\",\"email\":\"" + unique("long") + "\",\"role\":\"NURSE\",\"password\":\"Aa1!"
					+ "x".repeat(80) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("password"));
	}

	@Test
	void theLastActiveAdministratorCannotBeDemotedOrDeactivated() {
		java.util.List<StaffMember> admins = accounts.list()
			.stream()
			.filter(member -> member.role() == StaffRole.ADMIN && member.active())
			.toList();
		StaffMember last = admins.get(0);
		java.util.List<StaffMember> others = admins.subList(1, admins.size());
		others.forEach(other -> accounts.update(other.id(), other.name(), StaffRole.ADMIN, false));
		try {
			org.assertj.core.api.Assertions
				.assertThatThrownBy(() -> accounts.update(last.id(), last.name(), StaffRole.NURSE, true))
				.hasMessageContaining("last active administrator");
			org.assertj.core.api.Assertions
				.assertThatThrownBy(() -> accounts.update(last.id(), last.name(), StaffRole.ADMIN, false))
				.hasMessageContaining("last active administrator");
		}
		finally {
			others.forEach(other -> accounts.update(other.id(), other.name(), StaffRole.ADMIN, true));
		}
	}

	@Test
	void otherRolesMayOptIntoASecondFactor() throws Exception {
		Logins.Session session = logins.signIn(StaffRole.HYGIENIST);

		String enrolment = body(mvc.perform(post("/api/v1/users/me/totp").header("Authorization", session.bearer()))
			.andExpect(status().isCreated()));
		confirm(session.bearer(), Totp.code(field(enrolment, "secret"), Totp.step(clock.instant())))
			.andExpect(status().isOk());

		clock.advance(Duration.ofSeconds(30));
		login(session.email(), Logins.PASSWORD, null).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type", endsWith("/second-factor-required")));
	}

	@Test
	void theDemoSeedsOneAccountPerRole() {
		for (StaffBootstrap.DemoAccount account : StaffBootstrap.DEMO_ACCOUNTS) {
			assertThat(accounts.exists(account.email())).as(account.email()).isTrue();
		}
		assertThat(StaffBootstrap.DEMO_ACCOUNTS).extracting(StaffBootstrap.DemoAccount::role)
			.containsExactlyInAnyOrder(StaffRole.values());
	}

	// --- helpers

	static String unique(String name) {
		return name + "-" + java.util.UUID.randomUUID() + "@test.example";
	}

	ResultActions login(String email, String password, String totp) throws Exception {
		return mvc.perform(post("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"" + email + "\",\"password\":\"" + password + "\""
					+ (totp == null ? "" : ",\"totp_code\":\"" + totp + "\"") + "}"));
	}

	ResultActions refresh(String token) throws Exception {
		return mvc.perform(post("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
			.content("{\"refresh_token\":\"" + token + "\"}"));
	}

	ResultActions confirm(String bearer, String code) throws Exception {
		return mvc.perform(post("/api/v1/users/me/totp/confirm").header("Authorization", bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + code + "\"}"));
	}

	ResultActions changePassword(Logins.Session session, String current, String replacement) throws Exception {
		return mvc.perform(post("/api/v1/users/me/password").header("Authorization", session.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"current_password\":\"" + current + "\",\"new_password\":\"" + replacement + "\"}"));
	}

}
