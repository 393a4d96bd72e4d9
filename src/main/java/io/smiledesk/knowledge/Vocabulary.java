package io.smiledesk.knowledge;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words of the knowledge base: the stems of every chunk (with how many chunks hold
 * each), and the written words, indexed by their one-letter deletions so that a misspelt
 * question word finds the knowledge base's word one edit away (symmetric delete, as in
 * SymSpell). Immutable; the index builds a new one on every change.
 */
final class Vocabulary {

	/** Shorter words are not corrected: too many short words are one edit apart. */
	static final int MIN_CORRECTED = 5;

	private final Map<String, Integer> stemChunks;

	private final Map<String, Integer> words;

	/**
	 * Built on first use: a knowledge base being indexed changes many times before it is
	 * asked.
	 */
	private volatile Map<String, List<String>> deletions;

	private final int chunks;

	private Vocabulary(Map<String, Integer> stemChunks, Map<String, Integer> words, int chunks) {
		this.stemChunks = stemChunks;
		this.words = words;
		this.chunks = chunks;
	}

	private Map<String, List<String>> deletionIndex() {
		Map<String, List<String>> index = deletions;
		if (index == null) {
			index = new HashMap<>();
			for (String word : words.keySet()) {
				if (word.length() >= MIN_CORRECTED - 1) {
					for (String deletion : deletions(word)) {
						index.computeIfAbsent(deletion, key -> new java.util.ArrayList<>(2)).add(word);
					}
				}
			}
			deletions = index;
		}
		return index;
	}

	static final Vocabulary EMPTY = new Vocabulary(Map.of(), Map.of(), 0);

	/** The stems and words of one chunk, computed once when it is indexed. */
	record ChunkWords(Set<String> stems, Set<String> words) {

		static ChunkWords of(Chunk chunk) {
			String text = chunk.heading() + " " + Sentences.plain(chunk.text());
			return new ChunkWords(Set.copyOf(Terms.of(text)), Set.copyOf(Vocabulary.words(text)));
		}

	}

	static Vocabulary of(Collection<ChunkWords> all) {
		Map<String, Integer> stems = new HashMap<>();
		Map<String, Integer> words = new HashMap<>();
		for (ChunkWords chunk : all) {
			chunk.stems().forEach(stem -> stems.merge(stem, 1, Integer::sum));
			chunk.words().forEach(word -> words.merge(word, 1, Integer::sum));
		}
		return new Vocabulary(stems, words, all.size());
	}

	int chunks() {
		return chunks;
	}

	/** In how many chunks a stem occurs. */
	int chunksWith(String stem) {
		return stemChunks.getOrDefault(stem, 0);
	}

	/**
	 * How rare a stem is: log(1 + chunks / chunks with it); a stem nowhere counts as
	 * rarest.
	 */
	double idf(String stem) {
		int with = stemChunks.getOrDefault(stem, 0);
		return Math.log(1 + chunks / (double) Math.max(1, with));
	}

	/**
	 * The share of the known stems of {@code terms} found in {@code in}, each weighted by
	 * its rarity; 1 when none of them is known.
	 */
	double weightedCoverage(Set<String> terms, Set<String> in) {
		double all = 0;
		double found = 0;
		for (String term : terms) {
			if (stemChunks.containsKey(term)) {
				double weight = idf(term);
				all += weight;
				if (in.contains(term)) {
					found += weight;
				}
			}
		}
		return all == 0 ? 1 : found / all;
	}

	boolean hasStem(String stem) {
		return stemChunks.containsKey(stem);
	}

	boolean hasWord(String word) {
		return words.containsKey(word);
	}

	/**
	 * The knowledge base's word one edit (a letter added, dropped, changed, or two
	 * swapped) from a word it does not know, the most frequent when several are; null
	 * when there is none or the word is too short to tell.
	 */
	String correction(String word) {
		if (word.length() < MIN_CORRECTED || words.containsKey(word) || !word.chars().allMatch(Character::isLetter)) {
			return null;
		}
		Map<String, List<String>> index = deletionIndex();
		Set<String> candidates = new HashSet<>(index.getOrDefault(word, List.of()));
		for (String deletion : deletions(word)) {
			if (words.containsKey(deletion)) {
				candidates.add(deletion);
			}
			candidates.addAll(index.getOrDefault(deletion, List.of()));
		}
		String best = null;
		for (String candidate : candidates) {
			if (oneEditApart(word, candidate) && (best == null || words.get(candidate) > words.get(best)
					|| (words.get(candidate).equals(words.get(best)) && candidate.compareTo(best) < 0))) {
				best = candidate;
			}
		}
		return best;
	}

	/** The lower-case words of a text, apostrophes dropped ("what's" is "whats"). */
	static List<String> words(String text) {
		String lower = text.toLowerCase(Locale.ROOT).replace("'", "").replace("\u2019", "");
		List<String> words = new java.util.ArrayList<>();
		int start = -1;
		for (int i = 0; i <= lower.length(); i++) {
			boolean letter = i < lower.length() && Character.isLetterOrDigit(lower.charAt(i));
			if (letter && start < 0) {
				start = i;
			}
			else if (!letter && start >= 0) {
				words.add(lower.substring(start, i));
				start = -1;
			}
		}
		return words;
	}

	private static Set<String> deletions(String word) {
		Set<String> deletions = new HashSet<>();
		for (int i = 0; i < word.length(); i++) {
			deletions.add(word.substring(0, i) + word.substring(i + 1));
		}
		return deletions;
	}

	/** Damerau-Levenshtein distance exactly 1 (with adjacent transpositions). */
	static boolean oneEditApart(String a, String b) {
		if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
			return false;
		}
		if (a.length() == b.length()) {
			int first = -1;
			int differences = 0;
			for (int i = 0; i < a.length(); i++) {
				if (a.charAt(i) != b.charAt(i)) {
					if (differences++ == 0) {
						first = i;
					}
				}
			}
			if (differences == 1) {
				return true;
			}
			return differences == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
					&& a.charAt(first + 1) == b.charAt(first) && a.substring(first + 2).equals(b.substring(first + 2));
		}
		String longer = a.length() > b.length() ? a : b;
		String shorter = a.length() > b.length() ? b : a;
		int i = 0;
		while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
			i++;
		}
		return shorter.substring(i).equals(longer.substring(i + 1));
	}

}
