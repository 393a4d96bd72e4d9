package io.smiledesk.understanding.time;

import java.util.List;
import java.util.Set;

/**
 * Whether the writer refuses a time: "not Monday", "anything but Monday", "I can't do
 * Monday" (words before it), "Monday won't work", "Friday, no wait, Saturday" (words
 * after it, up to the next time). The phrases are the lexicon's {@code refuse-before},
 * {@code refuse-after} and {@code refuse-no} ("no" when a comma or the next time
 * follows).
 */
final class Refusals {

	private static final Set<String> QUESTION_VERBS = Set.of("is", "would", "will", "could", "does", "was", "isnt",
			"isn't");

	private static final Set<String> CONJUNCTIONS = Set.of("so", "and", "or", "but", "also", "then", "ok", "okay");

	private Refusals() {
	}

	/**
	 * @param previousEnd the end of the time before (the words looked at start there)
	 * @param nextStart the start of the time after, or the number of tokens
	 */
	static boolean refused(List<Token> tokens, Lexicon lexicon, int start, int end, int previousEnd, int nextStart) {
		int before = lexicon.phraseStart(tokens, start, "refuse-before");
		if (before >= previousEnd && before >= 0) {
			return true;
		}
		int after = end;
		while (after < nextStart && (tokens.get(after).is(",") || tokens.get(after).is("?") || tokens.get(after).is("!")
				|| tokens.get(after).is("."))) {
			after++;
		}
		if (after >= nextStart) {
			return false;
		}
		int phrase = lexicon.phraseEnd(tokens, after, "refuse-after");
		if (phrase > 0 && phrase <= nextStart && !asked(tokens, start)) {
			return true;
		}
		phrase = lexicon.phraseEnd(tokens, after, "refuse-no");
		return phrase > 0
				&& (phrase == nextStart || phrase < tokens.size() && tokens.get(phrase).kind() == Token.Kind.PUNCT);
	}

	/**
	 * Whether the time opens a question ("is 2moro too soon for a cleaning", "would
	 * Monday be too late?"): the writer asks, they do not refuse.
	 */
	private static boolean asked(List<Token> tokens, int start) {
		if (start == 0 || !QUESTION_VERBS.contains(tokens.get(start - 1).text())) {
			return false;
		}
		int opening = start - 2;
		return opening < 0 || tokens.get(opening).kind() == Token.Kind.PUNCT
				|| CONJUNCTIONS.contains(tokens.get(opening).text());
	}

}
