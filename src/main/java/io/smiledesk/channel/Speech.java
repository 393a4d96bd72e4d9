package io.smiledesk.channel;

import java.util.List;
import java.util.Locale;

import io.smiledesk.conversation.Reply;

/**
 * The assistant's reply as a caller hears it: no links or markup, choices read as "press
 * 1 for ...", and short, because a caller cannot scroll back.
 */
final class Speech {

	static final int MAX_OPTIONS = 5;

	private static final int MAX_CHARS = 600;

	private Speech() {
	}

	static String of(Reply reply) {
		String text = plain(reply.text());
		List<Reply.Option> options = reply.options().stream().limit(MAX_OPTIONS).toList();
		StringBuilder spoken = new StringBuilder(shorten(text));
		for (int i = 0; i < options.size(); i++) {
			spoken.append(' ').append(press(reply.language(), i + 1, plain(options.get(i).label())));
		}
		return spoken.toString().strip();
	}

	/** Twilio's voice for the conversation's language. */
	static String voiceLanguage(String language) {
		return switch (language == null ? "en" : language.toLowerCase(Locale.ROOT)) {
			case "es" -> "es-US";
			case "fr" -> "fr-FR";
			default -> "en-US";
		};
	}

	private static String press(String language, int digit, String label) {
		return switch (language == null ? "en" : language) {
			case "es" -> "Pulse " + digit + " para " + label + ".";
			case "fr" -> "Appuyez sur " + digit + " pour " + label + ".";
			default -> "Press " + digit + " for " + label + ".";
		};
	}

	private static String plain(String text) {
		return text.replaceAll("https?://\\S+", "")
			.replaceAll("[*_`#>\\[\\]]", "")
			.replaceAll("(?m)^\\s*[-•]\\s*", "")
			.replaceAll("\\s+", " ")
			.strip();
	}

	/** Whole sentences up to the limit. */
	private static String shorten(String text) {
		if (text.length() <= MAX_CHARS) {
			return text;
		}
		int end = Math.max(text.lastIndexOf(". ", MAX_CHARS), text.lastIndexOf("? ", MAX_CHARS));
		return end > 0 ? text.substring(0, end + 1) : text.substring(0, MAX_CHARS);
	}

}
