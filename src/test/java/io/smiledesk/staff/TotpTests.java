package io.smiledesk.staff;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTests {

	/**
	 * RFC 6238 appendix B, SHA-1 key "12345678901234567890", last six of the eight-digit
	 * codes.
	 */
	private static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

	@Test
	void matchesTheRfc6238TestVectors() {
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(20000000000L)))).isEqualTo("353130");
	}

	@Test
	void acceptsOneStepOfDriftAndNoMore() {
		Instant now = Instant.ofEpochSecond(1234567890);
		long step = Totp.step(now);

		assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now)).hasValue(step - 1);
		assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now)).hasValue(step + 1);
		assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step + 2), now)).isEmpty();
		assertThat(Totp.match(RFC_SECRET, "12345", now)).isEmpty();
		assertThat(Totp.match(RFC_SECRET, null, now)).isEmpty();
	}

	@Test
	void base32RoundTripsAndSecretsAreLongAndDifferent() {
		byte[] bytes = { 0, 1, 2, (byte) 0xfe, (byte) 0xff, 42, 7 };
		assertThat(Totp.unbase32(Totp.base32(bytes))).isEqualTo(bytes);
		String secret = Totp.newSecret();
		assertThat(secret).hasSize(32).matches("[A-Z2-7]+").isNotEqualTo(Totp.newSecret());
	}

}
