package io.smiledesk.staff;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Staff passwords: long, varied, and not the obvious. Returns what is wrong, or empty
 * when acceptable.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	private static final Set<String> COMMON = Set.of("password", "passw0rd", "123456", "qwerty", "letmein", "welcome",
			"admin", "dental", "smiledesk", "clinic", "iloveyou", "monkey", "dragon");

	private PasswordPolicy() {
	}

	static Optional<String> problem(String password, String email) {
		if (password == null || password.length() < MIN_LENGTH) {
			return Optional.of("must be at least " + MIN_LENGTH + " characters");
		}
		if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
			// bcrypt uses only the first 72 bytes
			return Optional.of("must be at most 72 bytes (about 72 letters, fewer with accents or emoji)");
		}
		int classes = 0;
		classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
		classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
		if (classes < 3) {
			return Optional.of("must mix at least three of: lower case, upper case, digits, symbols");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (email != null) {
			String local = email.toLowerCase(Locale.ROOT).split("@")[0];
			if (local.length() >= 4 && lower.contains(local)) {
				return Optional.of("must not contain your email name");
			}
		}
		for (String common : COMMON) {
			if (lower.contains(common) && lower.length() - common.length() < 6) {
				return Optional.of("is too close to a common password");
			}
		}
		return Optional.empty();
	}

}
