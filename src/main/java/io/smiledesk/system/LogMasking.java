package io.smiledesk.system;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what must never reach a log: email addresses and phone numbers (patients' and
 * staff's), bearer tokens and JWTs, and password fields. Applied to every message and
 * stack trace by the logback converters.
 */
public final class LogMasking {

	private static final Pattern EMAIL = Pattern
		.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)");

	private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]+");

	private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}");

	private static final Pattern SECRET_FIELD = Pattern.compile(
			"(?i)(\"?(?:password|current_password|new_password|refresh_token|access_token|totp_code|secret)\"?\\s*[:=]\\s*\"?)[^\",\\s}&]+");

	/** Seven or more digits, optionally with a leading + and the usual separators. */
	private static final Pattern PHONE = Pattern.compile("(?<![\\w-])\\+?\\d(?:[\\s().-]{0,2}\\d){6,14}(?![\\w-])");

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private LogMasking() {
	}

	public static String mask(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		String masked = SECRET_FIELD.matcher(text).replaceAll("$1[redacted]");
		masked = JWT.matcher(masked).replaceAll("[token]");
		masked = BEARER.matcher(masked).replaceAll("$1[token]");
		masked = EMAIL.matcher(masked).replaceAll("$1***@$2");
		Matcher phones = PHONE.matcher(masked);
		StringBuilder out = new StringBuilder();
		while (phones.find()) {
			if (DATE.matcher(phones.group()).matches()) {
				phones.appendReplacement(out, Matcher.quoteReplacement(phones.group()));
				continue;
			}
			String digits = phones.group().replaceAll("\\D", "");
			phones.appendReplacement(out, Matcher.quoteReplacement("***" + digits.substring(digits.length() - 2)));
		}
		phones.appendTail(out);
		return out.toString();
	}

}
