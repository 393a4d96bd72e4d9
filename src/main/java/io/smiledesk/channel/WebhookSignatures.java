package io.smiledesk.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * The generic webhook's signature: {@code sha256=<hex HMAC-SHA256 of "<timestamp>.<raw
 * body>">} under the shared secret, with at most five minutes between the timestamp and
 * now, so that a captured request cannot be replayed later.
 */
@Component
class WebhookSignatures {

	static final Duration MAX_SKEW = Duration.ofMinutes(5);

	private final ChannelProperties properties;

	private final Clock clock;

	WebhookSignatures(ChannelProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/** Why the request is refused, or null when it is genuine. */
	String refusal(String timestamp, String signature, byte[] body) {
		if (!ChannelProperties.present(properties.webhookSecret())) {
			return "The incoming-message webhook is not configured on this server (SMILEDESK_WEBHOOK_SECRET).";
		}
		if (timestamp == null || signature == null) {
			return "X-SmileDesk-Timestamp and X-SmileDesk-Signature are required.";
		}
		long seconds;
		try {
			seconds = Long.parseLong(timestamp.strip());
		}
		catch (NumberFormatException ex) {
			return "X-SmileDesk-Timestamp must be Unix seconds.";
		}
		Instant sent = Instant.ofEpochSecond(Math.max(-31557014167219200L, Math.min(31556889864403199L, seconds)));
		if (Duration.between(sent, clock.instant()).abs().compareTo(MAX_SKEW) > 0) {
			return "The timestamp is more than 5 minutes from the server's time.";
		}
		byte[] expected = ("sha256=" + sign(properties.webhookSecret(), timestamp.strip(), body))
			.getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII)) ? null
				: "The signature does not match the body.";
	}

	static String sign(String secret, String timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every JDK has HmacSHA256", ex);
		}
	}

}
