package io.smiledesk.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Takes the quoted history out of an email reply, so that the assistant answers what the
 * patient wrote now and not what it said before.
 */
final class MailQuotes {

	// the attribution above a quote (On Mon 2 Jun 2025 at 10:00 Ana wrote:) and its
	// translations
	private static final Pattern ATTRIBUTION = Pattern.compile(
			"(?iu)^(on|am|le|el|em|il|op)\\s.*(wrote|schrieb|a écrit|escribió|escreveu|ha scritto|schreef)\\s*:?\\s*$");

	private static final Pattern ORIGINAL = Pattern.compile(
			"(?i)^-{2,}\\s*(original message|mensaje original|message d'origine|ursprüngliche nachricht)\\s*-{2,}$");

	/** Outlook's line above the quoted message. */
	private static final Pattern RULE = Pattern.compile("^_{20,}$");

	private static final Pattern OUTLOOK_HEADER = Pattern.compile("(?i)^(from|de|von):\\s.*");

	private static final Pattern OUTLOOK_SENT = Pattern.compile("(?i)^(sent|date|enviado|envoyé|gesendet):\\s.*");

	private MailQuotes() {
	}

	static String strip(String text) {
		if (text == null) {
			return "";
		}
		String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
		List<String> kept = new ArrayList<>();
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.equals("--") || ORIGINAL.matcher(line).matches() || RULE.matcher(line).matches()
					|| outlookHeader(lines, i)) {
				// a signature, or a forwarded or Outlook-quoted message: nothing after
				// it is the patient's new text
				break;
			}
			int attribution = attribution(lines, i);
			if (attribution > 0) {
				if (!quotedAfter(lines, i + attribution)) {
					break;
				}
				// an inline reply: the patient's answers sit between the quoted lines
				i += attribution - 1;
				continue;
			}
			if (!line.startsWith(">")) {
				kept.add(lines[i].stripTrailing());
			}
		}
		return String.join("\n", kept).replaceAll("\n{3,}", "\n\n").strip();
	}

	/**
	 * How many lines an attribution at this line takes (clients wrap long ones), or 0.
	 */
	private static int attribution(String[] lines, int i) {
		String line = lines[i].strip();
		if (ATTRIBUTION.matcher(line).matches()) {
			return 1;
		}
		if (i + 1 < lines.length && ATTRIBUTION.matcher(line + " " + lines[i + 1].strip()).matches()
				&& !ATTRIBUTION.matcher(lines[i + 1].strip()).matches()) {
			return 2;
		}
		return 0;
	}

	private static boolean quotedAfter(String[] lines, int from) {
		for (int i = from; i < lines.length; i++) {
			if (!lines[i].isBlank()) {
				return lines[i].strip().startsWith(">");
			}
		}
		return false;
	}

	/**
	 * Outlook quotes without '>': a From: line followed by Sent: or Date: in a line or
	 * two.
	 */
	private static boolean outlookHeader(String[] lines, int i) {
		if (!OUTLOOK_HEADER.matcher(lines[i].strip()).matches()) {
			return false;
		}
		for (int next = i + 1; next < Math.min(lines.length, i + 4); next++) {
			if (OUTLOOK_SENT.matcher(lines[next].strip()).matches()) {
				return true;
			}
		}
		return false;
	}

}
