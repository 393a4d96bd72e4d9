package io.smiledesk.waitlist;

import java.util.Locale;
import java.util.regex.Pattern;

/** Whether a short reply to an offer is a yes or a no. */
final class OfferReplies {

	enum Answer {

		YES, NO, OTHER

	}

	private static final Pattern YES = Pattern.compile(
			"^(yes|y|yeah|yep|yup|ok|okay|sure|1|accept|book it|i'?ll take it|take it|please do|si|sí|oui|ja)\\b.*");

	private static final Pattern NO = Pattern
		.compile("^(no|n|nope|2|decline|pass|not? (now|thanks|this time)|can'?t|cannot)\\b.*");

	private OfferReplies() {
	}

	static Answer read(String text) {
		String line = text.strip().toLowerCase(Locale.ROOT).replaceAll("[!.,;:]+", " ").strip();
		if (NO.matcher(line).matches()) {
			return Answer.NO;
		}
		return YES.matcher(line).matches() ? Answer.YES : Answer.OTHER;
	}

}
