package io.smiledesk.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestTemplate;

/**
 * Whether a push comes from the clinic's Pub/Sub subscription: the OIDC token Pub/Sub
 * sends as a bearer token (signed with Google's keys, issued by Google, for our audience,
 * as the subscription's service account with a verified email), or the secret
 * {@code token} query parameter, compared in constant time.
 */
@Component
class GmailPushAuthentication {

	private static final Logger log = LoggerFactory.getLogger(GmailPushAuthentication.class);

	/** Google issues ID tokens under either name. */
	private static final Set<String> ISSUERS = Set.of("https://accounts.google.com", "accounts.google.com");

	private final GmailProperties.Push push;

	private final Clock clock;

	private volatile JwtDecoder decoder;

	GmailPushAuthentication(GmailProperties properties, Clock clock) {
		this.push = properties.push();
		this.clock = clock;
	}

	/** Why the push is refused, or null when it is authentic. */
	String refusal(String authorization, String token) {
		if (!push.oidc() && !push.secret()) {
			return "Gmail push is not configured on this server (SMILEDESK_GMAIL_PUSH_AUDIENCE and"
					+ " SMILEDESK_GMAIL_PUSH_SERVICE_ACCOUNT, or SMILEDESK_GMAIL_PUSH_TOKEN).";
		}
		String bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
				? authorization.substring(7).strip() : null;
		boolean checked = false;
		if (push.secret() && token != null) {
			if (!sameSecret(token, push.token())) {
				return "The push token does not match.";
			}
			checked = true;
		}
		if (push.oidc() && bearer != null && !bearer.isEmpty()) {
			try {
				decoder().decode(bearer);
			}
			catch (JwtException ex) {
				log.info("Gmail push refused: {}", ex.getMessage());
				return "The Pub/Sub OIDC token is not valid for this endpoint.";
			}
			checked = true;
		}
		if (checked) {
			return null;
		}
		return push.oidc() ? "A Pub/Sub OIDC bearer token is required." : "The token query parameter is required.";
	}

	/**
	 * Built on first use: Google's keys are fetched (and cached) only when a push comes.
	 */
	private JwtDecoder decoder() {
		JwtDecoder built = decoder;
		if (built == null) {
			SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
			timeouts.setConnectTimeout(Duration.ofSeconds(5));
			timeouts.setReadTimeout(Duration.ofSeconds(5));
			NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSetUri(push.jwkSetUri())
				.restOperations(new RestTemplate(timeouts))
				.build();
			JwtTimestampValidator timestamps = new JwtTimestampValidator();
			timestamps.setClock(clock);
			nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps,
					new JwtClaimValidator<Object>(JwtClaimNames.ISS,
							issuer -> issuer != null && ISSUERS.contains(issuer.toString())),
					new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
							audience -> audience != null && audience.contains(push.audience())),
					new JwtClaimValidator<Object>("email",
							email -> email != null && push.serviceAccountEmail().equalsIgnoreCase(email.toString())),
					new JwtClaimValidator<Object>("email_verified",
							verified -> verified != null && "true".equals(verified.toString()))));
			decoder = nimbus;
			built = nimbus;
		}
		return built;
	}

	/**
	 * Compares digests, so that neither the content nor the length leaks through timing.
	 */
	private static boolean sameSecret(String given, String expected) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			byte[] a = sha256.digest(given.getBytes(StandardCharsets.UTF_8));
			byte[] b = sha256.digest(expected.getBytes(StandardCharsets.UTF_8));
			return MessageDigest.isEqual(a, b);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
