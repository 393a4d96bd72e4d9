package io.smiledesk.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Takes the history out of an email reply, so that the assistant reads what the patient
 * wrote now and not its own earlier answer: lines quoted with {@code >}, and everything
 * from the attribution line mail clients put above the quote (Gmail's On ... wrote:,
 * which it may wrap over two lines, and its Spanish, French, Portuguese and German forms)
 * or Outlook's Original Message separator.
 */
final class QuotedReplies {

	private static final Pattern ATTRIBUTION = Pattern.compile(
			"^(On|El|Le|Em|Am)\\s.*(wrote|escribió|a écrit|escreveu|schrieb)\\s*:\\s*$",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern STARTS_ATTRIBUTION = Pattern.compile("^(On|El|Le|Em|Am)\\s.*",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern SEPARATOR = Pattern.compile("^-{2,}\\s*Original Message\\s*-{2,}$",
			Pattern.CASE_INSENSITIVE);

	private QuotedReplies() {
	}

	static String strip(String text) {
		if (text == null) {
			return "";
		}
		String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
		List<String> kept = new ArrayList<>();
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (attribution(line, i + 1 < lines.length ? lines[i + 1].strip() : null)
					|| SEPARATOR.matcher(line).matches()) {
				break;
			}
			if (!line.startsWith(">")) {
				kept.add(lines[i].stripTrailing());
			}
		}
		String stripped = String.join("\n", kept).strip();
		// a message that is nothing but a quote is kept whole rather than read as empty
		return stripped.isEmpty() ? text.strip() : stripped;
	}

	private static boolean attribution(String line, String next) {
		if (ATTRIBUTION.matcher(line).matches()) {
			return true;
		}
		// Gmail wraps a long attribution: "On Mon, 4 Aug 2025 at 09:00, Brightside Dental
		// <"
		// then "desk@example.com> wrote:"
		return next != null && line.length() < 200 && STARTS_ATTRIBUTION.matcher(line).matches()
				&& ATTRIBUTION.matcher(line + " " + next).matches();
	}

}
