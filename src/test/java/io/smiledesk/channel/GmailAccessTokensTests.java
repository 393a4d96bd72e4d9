package io.smiledesk.channel;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.test.FakeGmailServer;
import io.smiledesk.test.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Access tokens from a refresh token, against the fake Google token endpoint. */
class GmailAccessTokensTests {

	final FakeGmailServer google = FakeGmailServer.shared();

	final MutableClock clock = new MutableClock(MutableClock.DEFAULT);

	@BeforeEach
	void reset() {
		google.reset();
	}

	@Test
	void fetchesATokenWithTheRefreshTokenAndKeepsItUntilShortlyBeforeItExpires() {
		GmailAccessTokens tokens = new GmailAccessTokens(properties(null, FakeGmailServer.REFRESH_TOKEN), clock);

		assertThat(tokens.current()).isEqualTo(FakeGmailServer.ACCESS_TOKEN);
		assertThat(tokens.current()).isEqualTo(FakeGmailServer.ACCESS_TOKEN);
		assertThat(google.calls("/token")).singleElement().satisfies(call -> {
			assertThat(call.param("grant_type")).isEqualTo("refresh_token");
			assertThat(call.param("client_id")).isEqualTo(FakeGmailServer.CLIENT_ID);
		});

		// expires_in 3599 s: renewed in its last minute
		clock.advance(Duration.ofSeconds(3599 - 61));
		tokens.current();
		assertThat(google.calls("/token")).hasSize(1);
		clock.advance(Duration.ofSeconds(2));
		tokens.current();
		assertThat(google.calls("/token")).hasSize(2);

		// a token Gmail refused is fetched again at once
		tokens.refused();
		tokens.current();
		assertThat(google.calls("/token")).hasSize(3);
	}

	@Test
	void aRevokedRefreshTokenIsAFailureAndAStaticTokenNeedsNoEndpoint() {
		GmailAccessTokens revoked = new GmailAccessTokens(properties(null, "revoked"), clock);
		assertThatExceptionOfType(GmailApi.Failure.class).isThrownBy(revoked::current)
			.withMessageContaining("invalid_grant");

		GmailAccessTokens fixed = new GmailAccessTokens(properties("static-token", null), clock);
		assertThat(fixed.current()).isEqualTo("static-token");
		assertThat(google.calls("/token")).hasSize(1);
	}

	private GmailProperties properties(String accessToken, String refreshToken) {
		return new GmailProperties("me", null, accessToken, FakeGmailServer.CLIENT_ID, FakeGmailServer.CLIENT_SECRET,
				refreshToken, google.tokenUrl(), google.baseUrl(), null, true,
				new GmailProperties.Push(null, null, google.jwkSetUri(), null),
				new GmailProperties.Sync(Duration.ofSeconds(1), "newer_than:2d", 100, Duration.ofSeconds(30),
						Duration.ofHours(1), Duration.ofDays(6)));
	}

}
