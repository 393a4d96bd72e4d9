package io.smiledesk.safety;

import java.util.List;
import java.util.Set;

/**
 * Whether a mention is ruled out by the patient ("no fever", "I'm not on any blood
 * thinners", "allergies: none", "hinchazón no tengo"). Deliberately narrow: a cue negates
 * only within its clause and a few words, and uncertainty ("not sure if I'm pregnant")
 * breaks it, because a missed risk costs more than a staff check.
 */
final class Negation {

	static final int REACH = 6;

	private final Set<String> cues;

	private final Set<String> breaks;

	private final Set<String> pseudo;

	/** Words that join a list and do not use up a cue's reach: "no X, Y or other Z". */
	private final Set<String> list;

	/**
	 * Words, or runs of words ("no tengo"), that negate the mention right before them.
	 */
	private final List<List<String>> after;

	Negation(Set<String> cues, Set<String> breaks, Set<String> pseudo, Set<String> list, Set<String> after) {
		this.cues = cues;
		this.breaks = breaks;
		this.pseudo = pseudo;
		this.list = list;
		this.after = after.stream().map((words) -> List.of(words.split(" "))).toList();
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
			if (!list.contains(token.text())) {
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
				if (startsAfter(tokens, i)) {
					return true;
				}
				words++;
			}
		}
		return false;
	}

	private boolean startsAfter(List<Token> tokens, int from) {
		for (List<String> words : after) {
			int i = 0;
			while (i < words.size() && from + i < tokens.size() && tokens.get(from + i).text().equals(words.get(i))) {
				i++;
			}
			if (i == words.size()) {
				return true;
			}
		}
		return false;
	}

}
