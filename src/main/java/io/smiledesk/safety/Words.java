package io.smiledesk.safety;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a word of a message counts as a lexicon word: the same word, a plain inflection,
 * or one typo away for longer words. Every way to match keeps the first letter, so a
 * message word is compared only with the lexicon words that start like it, once per
 * message ({@link #reader(List)}).
 */
final class Words {

	private static final String[] ENDINGS = { "s", "es", "ed", "d", "ing" };

	private final Set<String> notTypos;

	/** The lexicons' whole words, by id. */
	private final List<String> vocabulary;

	/** The ids of the lexicon words per first letter. */
	private final Map<Character, int[]> byFirstLetter;

	Words(Set<String> notTypos) {
		this(notTypos, List.of());
	}

	Words(Set<String> notTypos, List<String> vocabulary) {
		this.notTypos = notTypos;
		this.vocabulary = List.copyOf(vocabulary);
		Map<Character, List<Integer>> ids = new HashMap<>();
		for (int id = 0; id < vocabulary.size(); id++) {
			ids.computeIfAbsent(vocabulary.get(id).charAt(0), (letter) -> new ArrayList<>()).add(id);
		}
		this.byFirstLetter = new HashMap<>();
		ids.forEach(
				(letter, list) -> this.byFirstLetter.put(letter, list.stream().mapToInt(Integer::intValue).toArray()));
	}

	/**
	 * Reads one message: which lexicon words each of its words matches, worked out once.
	 */
	Reader reader(List<Token> tokens) {
		return new Reader(tokens);
	}

	final class Reader {

		private final BitSet[] atToken;

		private final BitSet anywhere = new BitSet();

		private Reader(List<Token> tokens) {
			Map<String, BitSet> matching = new HashMap<>();
			this.atToken = new BitSet[tokens.size()];
			for (int i = 0; i < tokens.size(); i++) {
				atToken[i] = matching.computeIfAbsent(tokens.get(i).text(), Words.this::matching);
				anywhere.or(atToken[i]);
			}
		}

		/**
		 * Whether the message word at this position matches a lexicon word with these
		 * ids.
		 */
		boolean matchesAny(int position, BitSet ids) {
			return atToken[position].intersects(ids);
		}

		/** Whether any word of the message matches a lexicon word with these ids. */
		boolean anywhere(BitSet ids) {
			return anywhere.intersects(ids);
		}

	}

	private BitSet matching(String word) {
		BitSet ids = new BitSet();
		for (int id : byFirstLetter.getOrDefault(word.charAt(0), new int[0])) {
			if (matches(word, vocabulary.get(id))) {
				ids.set(id);
			}
		}
		return ids;
	}

	boolean matches(String word, String lexiconWord) {
		return word.equals(lexiconWord) || isInflection(word, lexiconWord) || isTypo(word, lexiconWord);
	}

	private static boolean isInflection(String word, String base) {
		int stem = base.length() - 1;
		if (base.length() < 3 || !word.regionMatches(0, base, 0, stem)) {
			return false;
		}
		char last = base.charAt(stem);
		for (String ending : ENDINGS) {
			// stop -> stops, stopped; breathe -> breathing
			if (endsAfter(word, base, base.length(), ending)
					|| word.length() == base.length() + 1 + ending.length() && word.charAt(base.length()) == last
							&& endsAfter(word, base, base.length() + 1, ending)
					|| last == 'e' && endsAfter(word, base, stem, ending)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the word is the base's first {@code length} characters followed by the
	 * ending (checked in place: this runs for every word against every lexicon word).
	 */
	private static boolean endsAfter(String word, String base, int length, String ending) {
		return word.length() == length + ending.length() && word.startsWith(ending, length)
				&& word.regionMatches(0, base, 0, Math.min(length, base.length()));
	}

	/**
	 * Patients misspell long words ("pregnent", "warferin"); short words are too close to
	 * each other to guess, and a typo rarely hits the first letter.
	 */
	private boolean isTypo(String word, String lexiconWord) {
		if (lexiconWord.length() < 6 || word.length() < 5 || Math.abs(word.length() - lexiconWord.length()) > 1
				|| word.charAt(0) != lexiconWord.charAt(0) || notTypos.contains(word)) {
			return false;
		}
		return distance(word, lexiconWord) <= 1;
	}

	/** Damerau-Levenshtein (optimal string alignment) distance. */
	static int distance(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}

}
