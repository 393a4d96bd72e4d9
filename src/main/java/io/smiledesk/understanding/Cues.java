package io.smiledesk.understanding;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The words without which an English message does not ask to move, cancel or start over.
 * The classifier's nearest examples may say otherwise for a message that only names a
 * service, a day and a name; a change to an appointment is never guessed.
 */
final class Cues {

	private static final Map<Intent, Pattern> NEEDED = Map.of(Intent.RESCHEDULE, Pattern.compile(
			"\\b(move|moving|moved|re-?schedul\\w*|re-?book\\w*|change|changing|switch\\w*|push\\w*|postpone\\w*|bring\\w* (it )?forward"
					+ "|shift\\w*|swap\\w*|instead|different (day|time|date)|another (day|time|date)|later|earlier|can'?t make|cannot make"
					+ "|won'?t make|not make it|delay\\w*|pull\\w* (it )?(in|forward)|rearrang\\w*|adjust\\w*)\\b"),
			Intent.CANCEL,
			Pattern.compile(
					"\\b(cancel\\w*|call\\w* off|can'?t (make|come|attend)|cannot (make|come|attend)|won'?t (make|be|come)"
							+ "|not (make it|coming|come)|drop\\w*|scrap\\w*|remove|delete|get rid|no longer|don'?t need)\\b"),
			Intent.START_OVER, Pattern.compile(
					"\\b(start\\w*|restart\\w*|begin\\w*|reset|scratch|from the top|again|new conversation|forget|over)\\b"));

	private Cues() {
	}

	/**
	 * How early or late a new visit should be: "the earlier the better", "as late as
	 * possible" move nothing.
	 */
	private static final Pattern PREFERENCE = Pattern.compile(
			"\\bthe (earlier|later|sooner|earliest|latest) the better\\b|\\b(earlier|later) (is|would be) (better|best|ideal)\\b");

	/** Whether the text has a word the intent needs (always, for intents not listed). */
	static boolean says(Intent intent, String text) {
		Pattern needed = NEEDED.get(intent);
		String plain = text.toLowerCase(Locale.ROOT).replace('’', '\'');
		return needed == null || needed.matcher(PREFERENCE.matcher(plain).replaceAll(" ")).find();
	}

}
