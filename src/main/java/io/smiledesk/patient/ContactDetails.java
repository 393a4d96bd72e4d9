package io.smiledesk.patient;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.smiledesk.system.InvalidInputException;

/**
 * Normalises contact details so that the same person is always found under the same key.
 */
public final class ContactDetails {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	private ContactDetails() {
	}

	/**
	 * Lower-cased and trimmed; empty when blank. Throws {@link InvalidContactException}
	 * when not an address.
	 */
	public static Optional<String> email(String raw) {
		if (raw == null || raw.isBlank()) {
			return Optional.empty();
		}
		String email = raw.trim().toLowerCase(Locale.ROOT);
		if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
			throw new InvalidContactException("email", "is not a valid email address");
		}
		return Optional.of(email);
	}

	/**
	 * E.164 ("+12125550123"); numbers without a country code are read in the default
	 * region.
	 */
	public static Optional<String> phone(String raw, String defaultRegion) {
		if (raw == null || raw.isBlank()) {
			return Optional.empty();
		}
		try {
			Phonenumber.PhoneNumber number = PHONES.parse(raw.trim(), defaultRegion);
			if (!PHONES.isPossibleNumber(number) || !PHONES.isValidNumber(number)) {
				throw new InvalidContactException("phone", "is not a valid phone number");
			}
			return Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
		}
		catch (NumberParseException ex) {
			throw new InvalidContactException("phone", "is not a valid phone number");
		}
	}

	public static class InvalidContactException extends InvalidInputException {

		InvalidContactException(String field, String message) {
			super(field, message);
		}

	}

}
