package io.smiledesk.channel;

import java.util.Locale;

import io.smiledesk.conversation.ConversationChannel;
import io.smiledesk.patient.ContactDetails;
import io.smiledesk.system.FieldCipher;
import io.smiledesk.system.InvalidInputException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Patients' addresses on each channel, normalised (E.164 phones, lower-case emails) and
 * hashed for lookups, so that a phone number is never stored or searched in clear.
 */
@Component
class Addresses {

	private static final String WHATSAPP_PREFIX = "whatsapp:";

	private final String defaultRegion;

	private final FieldCipher cipher;

	Addresses(@Value("${smiledesk.patients.default-phone-region:US}") String defaultRegion, FieldCipher cipher) {
		this.defaultRegion = defaultRegion;
		this.cipher = cipher;
	}

	/**
	 * The address in its normal form: a phone in E.164 for SMS, WhatsApp and voice
	 * (Twilio's "whatsapp:" prefix removed), an email in lower case.
	 * @throws InvalidInputException when it is not an address of that channel
	 */
	String normalise(ConversationChannel channel, String raw) {
		String value = raw == null ? "" : raw.strip();
		// not through Patients: a refused address must not doom the caller's transaction
		if (channel == ConversationChannel.EMAIL) {
			return ContactDetails.email(emailPart(value)).orElseThrow(() -> missing());
		}
		if (value.toLowerCase(Locale.ROOT).startsWith(WHATSAPP_PREFIX)) {
			value = value.substring(WHATSAPP_PREFIX.length());
		}
		return ContactDetails.phone(value, defaultRegion).orElseThrow(() -> missing());
	}

	String hash(String normalised) {
		return cipher.blindIndex(normalised);
	}

	/** The thread of an arrival: the provider's, or else the sender's address. */
	String threadKey(Arrival arrival, String normalisedSender) {
		return arrival.thread() != null && !arrival.thread().isBlank() ? arrival.thread().strip()
				: "address:" + hash(normalisedSender);
	}

	private static InvalidInputException missing() {
		return new InvalidInputException("from", "is required");
	}

	/** "Ana Ruiz <ana@example.com>" → "ana@example.com". */
	private static String emailPart(String value) {
		int open = value.lastIndexOf('<');
		int close = value.lastIndexOf('>');
		return open >= 0 && close > open ? value.substring(open + 1, close) : value;
	}

}
