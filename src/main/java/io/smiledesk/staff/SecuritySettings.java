package io.smiledesk.staff;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param jwtSecret HMAC key for access tokens (SMILEDESK_JWT_SECRET), at least 32 bytes
 * @param accessTokenTtl lifetime of an access token
 * @param refreshTokenTtl lifetime of a refresh token (each refresh issues a new one)
 * @param maxFailedLogins failures in a row before the account locks
 * @param lockout first lock duration; doubles with each further failure, capped at a day
 * @param issuer the JWT issuer and the name shown in authenticator apps
 * @param passwordHashCost bcrypt cost factor (12 = 4,096 rounds); prod refuses less than
 * 12
 */
@ConfigurationProperties("smiledesk.security")
record SecuritySettings(String jwtSecret, @DefaultValue("PT15M") Duration accessTokenTtl,
		@DefaultValue("P14D") Duration refreshTokenTtl, @DefaultValue("5") int maxFailedLogins,
		@DefaultValue("PT15M") Duration lockout, @DefaultValue("SmileDesk") String issuer,
		@DefaultValue("12") int passwordHashCost) {

	/** Marks the built-in development secret, which production refuses. */
	static final String DEMO_MARKER = "demo-only";

	SecuritySettings {
		if (jwtSecret == null || jwtSecret.getBytes(StandardCharsets.UTF_8).length < 32) {
			throw new IllegalArgumentException(
					"smiledesk.security.jwt-secret (SMILEDESK_JWT_SECRET) must be at least 32 bytes");
		}
	}

	byte[] jwtKey() {
		return jwtSecret.getBytes(StandardCharsets.UTF_8);
	}

	boolean usesDemoSecret() {
		return jwtSecret.contains(DEMO_MARKER);
	}

}
