package io.smiledesk.staff;

import java.time.Duration;
import java.util.UUID;

import io.smiledesk.test.MutableClock;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.smiledesk.test.Json.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Real sign-ins through the API for tests: a fresh account per call, second factor set up
 * where the role needs it.
 */
final class Logins {

	static final String PASSWORD = "Correct-Horse-42!";

	private final MockMvc mvc;

	private final StaffAccounts accounts;

	private final MutableClock clock;

	Logins(MockMvc mvc, StaffAccounts accounts, MutableClock clock) {
		this.mvc = mvc;
		this.accounts = accounts;
		this.clock = clock;
	}

	record Session(String email, String accessToken, String refreshToken, String totpSecret) {

		String bearer() {
			return "Bearer " + accessToken;
		}

	}

	Session signIn(StaffRole role) throws Exception {
		String email = role.name().toLowerCase().replace('_', '-') + "-" + UUID.randomUUID() + "@test.example";
		accounts.create("Test " + role, email, role, PASSWORD);
		String body = login(email, PASSWORD, null);
		if (!role.requiresTotp()) {
			return new Session(email, field(body, "access_token"), field(body, "refresh_token"), null);
		}
		String limited = "Bearer " + field(body, "access_token");
		String enrolment = mvc.perform(post("/api/v1/users/me/totp").header("Authorization", limited))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String secret = field(enrolment, "secret");
		String confirmed = mvc
			.perform(post("/api/v1/users/me/totp/confirm").header("Authorization", limited)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\":\"" + Totp.code(secret, Totp.step(clock.instant())) + "\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// the code just used cannot be used again: later sign-ins need the next time step
		clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
		return new Session(email, field(confirmed, "access_token"), field(confirmed, "refresh_token"), secret);
	}

	String login(String email, String password, String totp) throws Exception {
		MvcResult result = mvc
			.perform(post("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\":\"" + email + "\",\"password\":\"" + password + "\""
						+ (totp == null ? "" : ",\"totp_code\":\"" + totp + "\"") + "}"))
			.andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

}
