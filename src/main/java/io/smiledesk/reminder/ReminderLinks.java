package io.smiledesk.reminder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.system.FieldCipher;

import org.springframework.stereotype.Component;

/**
 * The links in a reminder: the appointment's id, when the link stops working, and a keyed
 * hash of both, so a link can be neither made up, pointed at another appointment, nor
 * stretched past its end.
 */
@Component
class ReminderLinks {

	private static final int MAC_HEX = 32;

	private final FieldCipher cipher;

	private final ReminderProperties properties;

	ReminderLinks(FieldCipher cipher, ReminderProperties properties) {
		this.cipher = cipher;
		this.properties = properties;
	}

	/** What a genuine token names. */
	record Target(UUID appointmentId, Instant expiresAt) {
	}

	/** The reason a token is refused. */
	enum Refusal {

		NOT_GENUINE, EXPIRED

	}

	String token(UUID appointmentId, Instant expiresAt) {
		String body = appointmentId + "." + Long.toString(expiresAt.getEpochSecond(), 36);
		return body + "." + mac(body);
	}

	String url(UUID appointmentId, Instant expiresAt) {
		return properties.publicBaseUrl().replaceAll("/+$", "") + "/r/" + token(appointmentId, expiresAt);
	}

	/** The target, or why not. */
	Result verify(String token, Instant now) {
		if (token == null) {
			return new Result(null, Refusal.NOT_GENUINE);
		}
		int mac = token.lastIndexOf('.');
		int expiry = mac < 0 ? -1 : token.lastIndexOf('.', mac - 1);
		if (expiry < 0) {
			return new Result(null, Refusal.NOT_GENUINE);
		}
		String body = token.substring(0, mac);
		if (!MessageDigest.isEqual(mac(body).getBytes(StandardCharsets.US_ASCII),
				token.substring(mac + 1).getBytes(StandardCharsets.US_ASCII))) {
			return new Result(null, Refusal.NOT_GENUINE);
		}
		Target target;
		try {
			target = new Target(UUID.fromString(token.substring(0, expiry)),
					Instant.ofEpochSecond(Long.parseLong(token.substring(expiry + 1, mac), 36)));
		}
		catch (IllegalArgumentException ex) {
			return new Result(null, Refusal.NOT_GENUINE);
		}
		return now.isBefore(target.expiresAt()) ? new Result(target, null) : new Result(null, Refusal.EXPIRED);
	}

	/** Either a target or a refusal. */
	record Result(Target target, Refusal refusal) {

		Optional<Target> genuine() {
			return Optional.ofNullable(target);
		}

	}

	private String mac(String body) {
		return cipher.blindIndex("reminder link " + body).substring(0, MAC_HEX);
	}

}
