package io.smiledesk.safety;

import java.util.List;
import java.util.Set;

/**
 * Whether a mention is ruled out by the patient ("no fever", "I'm not on any blood
 * thinners", "allergies: none"). Deliberately narrow: a cue negates only within its
 * clause and a few words, and uncertainty ("not sure if I'm pregnant") breaks it, because
 * a missed risk costs more than a staff check.
 */
final class Negation {

	static final int REACH = 6;

	/** Words that join a list and do not use up a cue's reach: "no X, Y or other Z". */
	private static final Set<String> LIST_WORDS = Set.of("or", "and", "nor", "any", "other", "a", "an");

	private final Set<String> cues;

	private final Set<String> breaks;

	private final Set<String> pseudo;

	private final Set<String> after;

	Negation(Set<String> cues, Set<String> breaks, Set<String> pseudo, Set<String> after) {
		this.cues = cues;
		this.breaks = breaks;
		this.pseudo = pseudo;
		this.after = after;
	}

	boolean negates(List<Token> tokens, Phrase.Match match) {
		return negatedBefore(tokens, match.start()) || negatedAfter(tokens, match.end());
	}

	private boolean negatedBefore(List<Token> tokens, int start) {
		int words = 0;
		for (int i = start - 1; i >= 0 && words < REACH; i--) {
			Token token = tokens.get(i);
			if (!token.isWord() || breaks.contains(token.text())) {
				return false;
			}
			if (cues.contains(token.text())) {
				boolean pseudoCue = i + 1 < start && pseudo.contains(tokens.get(i + 1).text());
				if (!pseudoCue) {
					return true;
				}
			}
			if (!LIST_WORDS.contains(token.text())) {
				words++;
			}
		}
		return false;
	}

	private boolean negatedAfter(List<Token> tokens, int end) {
		int words = 0;
		for (int i = end + 1; i < tokens.size() && words < 2; i++) {
			Token token = tokens.get(i);
			if (token.endsSentence()) {
				return false;
			}
			if (token.isWord()) {
				if (after.contains(token.text())) {
					return true;
				}
				words++;
			}
		}
		return false;
	}

}
