package io.smiledesk.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Signs access tokens (HS256) and mints opaque refresh tokens, of which only a hash is
 * stored.
 */
@Component
class Tokens {

	static final String SCOPE_STAFF = "staff";

	/**
	 * A signed-in ADMIN or OFFICE_MANAGER without a second factor may only set one up.
	 */
	static final String SCOPE_TOTP_ENROLMENT = "totp_enrolment";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JwtEncoder encoder;

	private final SecuritySettings settings;

	private final Clock clock;

	Tokens(SecuritySettings settings, Clock clock) {
		this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key(settings)));
		this.settings = settings;
		this.clock = clock;
	}

	static SecretKey key(SecuritySettings settings) {
		return new SecretKeySpec(settings.jwtKey(), "HmacSHA256");
	}

	String accessToken(StaffUser user, String scope) {
		Instant now = clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(settings.issuer())
			.subject(user.id().toString())
			.id(UUID.randomUUID().toString())
			.issuedAt(now)
			.expiresAt(now.plus(settings.accessTokenTtl()))
			.claim("name", user.name())
			.claim("email", user.email())
			.claim("role", user.role().name())
			.claim("scope", scope)
			.build();
		return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
	}

	static String newRefreshToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
