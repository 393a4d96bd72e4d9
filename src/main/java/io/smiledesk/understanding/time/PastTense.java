package io.smiledesk.understanding.time;

import java.util.List;

/**
 * Whether a time is told of as gone by: a {@code past-cue} phrase of the lexicon ("my
 * last cleaning was", "I chipped it", "it started") shortly before it in the same clause,
 * with no word between that asks for a visit ("I broke a tooth, can you see me Tuesday?"
 * asks for the next Tuesday).
 */
final class PastTense {

	/** How many words may stand between the cue and the time. */
	private static final int REACH = 4;

	private PastTense() {
	}

	static boolean before(List<Token> tokens, Lexicon lexicon, int start) {
		for (int cue = Math.max(0, start - REACH - 3); cue < start; cue++) {
			int end = lexicon.phraseEnd(tokens, cue, "past-cue");
			if (end > cue && end <= start && start - end <= REACH && plain(tokens, lexicon, end, start)) {
				return true;
			}
		}
		return false;
	}

	private static boolean plain(List<Token> tokens, Lexicon lexicon, int from, int to) {
		for (int i = from; i < to; i++) {
			if (tokens.get(i).kind() == Token.Kind.PUNCT || lexicon.phraseEnd(tokens, i, "visit-ask") > i) {
				return false;
			}
		}
		return true;
	}

}
