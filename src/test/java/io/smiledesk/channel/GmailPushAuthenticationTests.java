package io.smiledesk.channel;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import io.smiledesk.test.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The push's two ways in, each configured alone (the integration tests configure both).
 */
class GmailPushAuthenticationTests {

	final MutableClock clock = new MutableClock(MutableClock.DEFAULT);

	@Test
	void withOnlyASecretTheTokenParameterIsRequiredAndABearerTokenIsNotEnough() {
		GmailPushAuthentication secret = new GmailPushAuthentication(properties(null, null, "s3cret-value"), clock);
		assertThat(secret.refusal(null, "s3cret-value")).isNull();
		assertThat(secret.refusal(null, "s3cret-valuf")).contains("does not match");
		assertThat(secret.refusal(null, "s3cret")).contains("does not match");
		assertThat(secret.refusal("Bearer eyJhbGciOiJSUzI1NiJ9.e30.x", null)).contains("token query parameter");
		assertThat(secret.refusal(null, null)).contains("token query parameter");
	}

	@Test
	void withOnlyOidcATokenParameterIsNotEnough() {
		GmailPushAuthentication oidc = new GmailPushAuthentication(
				properties("https://desk.example/api/v1/webhooks/gmail", "push@p.iam.gserviceaccount.com", null),
				clock);
		assertThat(oidc.refusal(null, "anything")).contains("OIDC bearer token is required");
		assertThat(oidc.refusal("Basic dXNlcjpwYXNz", null)).contains("OIDC bearer token is required");
	}

	@Test
	void anAudienceWithoutTheServiceAccountIsNotConfigured() {
		// any Google account can get a token for any audience: the email is what proves
		// the sender
		GmailPushAuthentication half = new GmailPushAuthentication(properties("https://desk.example", null, null),
				clock);
		assertThat(half.refusal("Bearer x", null)).contains("not configured");
	}

	private static GmailProperties properties(String audience, String email, String token) {
		return new GmailProperties("me", null, null, null, null, null, "https://oauth2.googleapis.com/token",
				"https://gmail.googleapis.com", null, true,
				new GmailProperties.Push(audience, email, "http://127.0.0.1:9/certs", token),
				new GmailProperties.Sync(Duration.ofSeconds(1), "newer_than:2d", 100, Duration.ofSeconds(30),
						Duration.ofHours(1), Duration.ofDays(6)));
	}

}
