package io.smiledesk.understanding.time;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words of one language ({@code nlu/time/<language>.tsv}): each line a category, a
 * value and the phrases that say it ("weekday MONDAY monday|mon|mondy"); a phrase
 * starting with {@code ~} is weak, a time only with other words around it ("may" the
 * month). Lines {@code setting name value} tune the grammar. Phrases are matched on
 * tokens, so "après-midi" also matches "apres midi"; longer words of some categories are
 * matched with one typo.
 */
final class Lexicon {

	private static final Map<String, Lexicon> LOADED = new ConcurrentHashMap<>();

	record Entry(String category, String value, boolean weak) {
	}

	/** A phrase found at tokens [start, end). */
	record Hit(int start, int end, Entry entry) {
	}

	private static final class Trie {

		final Map<String, Trie> next = new HashMap<>(4);

		final List<Entry> entries = new ArrayList<>(1);

	}

	private final String language;

	private final Map<String, String> settings = new HashMap<>();

	private final Trie root = new Trie();

	private final Tokenizer tokenizer;

	/**
	 * Words open to typos, by their one-deletion neighbours (a SymSpell-like index): a
	 * word not in the lexicon is read as the one word it is one typo away from.
	 */
	private final Map<String, Set<String>> typos = new HashMap<>();

	/** Short words open to slips (see {@link #slip}). */
	private final Set<String> shortWords = new HashSet<>();

	private Lexicon(String language, List<String[]> lines) {
		this.language = language;
		Set<String> whole = new HashSet<>();
		for (String[] line : lines) {
			if (line[0].equals("setting")) {
				settings.put(line[1], line[2]);
				continue;
			}
			for (String phrase : line[2].split("\\|")) {
				String plain = Tokenizer.normalize(phrase.trim().replace("~", ""));
				boolean letters = plain.chars().anyMatch(Character::isLetter);
				boolean digits = plain.chars().anyMatch(Character::isDigit);
				if (!plain.contains(" ") && (plain.contains("'") || letters && digits)) {
					whole.add(plain);
				}
			}
		}
		this.tokenizer = new Tokenizer(whole, Set.of(setting("elisions", "").split(",")));
		Set<String> fuzzy = Set.of(setting("typos", "").split(","));
		for (String[] line : lines) {
			if (line[0].equals("setting")) {
				continue;
			}
			for (String phrase : line[2].split("\\|")) {
				String trimmed = phrase.trim();
				boolean weak = trimmed.startsWith("~");
				Entry entry = new Entry(line[0], line[1], weak);
				List<String> words = words(weak ? trimmed.substring(1) : trimmed);
				if (words.isEmpty()) {
					// "-": the category has no words in this language
					continue;
				}
				Trie node = root;
				for (String word : words) {
					node = node.next.computeIfAbsent(word, key -> new Trie());
				}
				node.entries.add(entry);
				if (fuzzy.contains(line[0]) && words.get(0).length() >= 6) {
					indexTypos(words.get(0));
				}
				else if (fuzzy.contains(line[0]) && words.size() == 1 && words.get(0).length() >= 4 && !weak
						&& words.get(0).chars().allMatch(Character::isLetter)) {
					shortWords.add(words.get(0));
				}
			}
		}
	}

	static Lexicon of(String language) {
		String known = switch (language) {
			case "es", "fr" -> language;
			default -> "en";
		};
		return LOADED.computeIfAbsent(known, key -> new Lexicon(key, read("nlu/time/" + key + ".tsv")));
	}

	String language() {
		return language;
	}

	Tokenizer tokenizer() {
		return tokenizer;
	}

	String setting(String name, String fallback) {
		return settings.getOrDefault(name, fallback);
	}

	/** Every phrase of the lexicon found in the tokens, typos included. */
	List<Hit> find(List<Token> tokens) {
		List<Hit> hits = new ArrayList<>();
		for (int i = 0; i < tokens.size(); i++) {
			Token first = tokens.get(i);
			if (first.masked()) {
				continue;
			}
			Trie node = root.next.get(first.text());
			if (node == null && first.text().endsWith("'s")) {
				// "friday's", "tomorrow's"
				node = root.next.get(first.text().substring(0, first.text().length() - 2));
			}
			if (node == null) {
				node = typo(first).map(root.next::get).orElse(null);
			}
			if (node != null) {
				collect(tokens, i + 1, node, i, hits);
			}
		}
		return hits;
	}

	/** The end of a phrase of {@code category} starting at token {@code i}, or -1. */
	int phraseEnd(List<Token> tokens, int i, String category) {
		if (i < 0 || i >= tokens.size()) {
			return -1;
		}
		List<Hit> hits = new ArrayList<>();
		Trie node = root.next.get(tokens.get(i).text());
		if (node != null) {
			collect(tokens, i + 1, node, i, hits);
		}
		int end = -1;
		for (Hit hit : hits) {
			if (hit.entry().category().equals(category)) {
				end = Math.max(end, hit.end());
			}
		}
		return end;
	}

	/** The start of a phrase of {@code category} ending just before token {@code end}. */
	int phraseStart(List<Token> tokens, int end, String category) {
		for (int start = Math.max(0, end - 5); start < end; start++) {
			List<Hit> hits = new ArrayList<>();
			Trie node = root.next.get(tokens.get(start).text());
			if (node != null) {
				collect(tokens, start + 1, node, start, hits);
			}
			for (Hit hit : hits) {
				if (hit.end() == end && hit.entry().category().equals(category)) {
					return start;
				}
			}
		}
		return -1;
	}

	private void collect(List<Token> tokens, int next, Trie node, int start, List<Hit> hits) {
		for (Entry entry : node.entries) {
			hits.add(new Hit(start, next, entry));
		}
		if (next >= tokens.size() || node.next.isEmpty()) {
			return;
		}
		Token token = tokens.get(next);
		Trie child = token.masked() ? null : node.next.get(token.text());
		if (child == null && !token.masked() && token.text().length() >= 5) {
			// a typo inside a phrase: "chirstmas eve", "pasado mañna"
			child = node.next.entrySet()
				.stream()
				.filter(known -> known.getKey().length() >= 5 && oneTypo(token.text(), known.getKey()))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse(null);
		}
		if (child != null) {
			collect(tokens, next + 1, child, start, hits);
		}
		else if ((token.is("-") || token.is(".")) && next + 1 < tokens.size()) {
			// "après-midi" as "apres midi", "week-end"
			Trie after = node.next.get(tokens.get(next + 1).text());
			if (after != null) {
				collect(tokens, next + 2, after, start, hits);
			}
		}
	}

	/** The lexicon word a word is one typo away from, when there is exactly one. */
	private Optional<String> typo(Token token) {
		String word = token.text();
		if (token.kind() == Token.Kind.WORD && word.length() >= 4 && word.length() <= 6) {
			Optional<String> slip = slip(word);
			if (slip.isPresent()) {
				return slip;
			}
		}
		if (word.length() < 6 || word.length() > 20 || token.kind() != Token.Kind.WORD || typos.isEmpty()) {
			return Optional.empty();
		}
		Set<String> candidates = new HashSet<>(typos.getOrDefault(word, Set.of()));
		for (int i = 0; i < word.length(); i++) {
			candidates.addAll(typos.getOrDefault(word.substring(0, i) + word.substring(i + 1), Set.of()));
		}
		// the first letter is rarely the mistaken one, and keeps false friends out
		candidates.removeIf(known -> known.charAt(0) != word.charAt(0) || !oneTypo(word, known));
		// several spellings of one word ("wednesday", "wendsday") are still one word
		Set<List<Entry>> meanings = new HashSet<>();
		candidates.forEach(known -> meanings.add(root.next.get(known).entries));
		return meanings.size() == 1 ? Optional.of(candidates.iterator().next()) : Optional.empty();
	}

	/**
	 * A short word ("july", "march") typed with a doubled letter or two letters swapped
	 * ("jully", "marhc"): the slips a hurried thumb makes. Other one-letter changes of a
	 * short word make other words ("jane", "mach"), so they are not read.
	 */
	private Optional<String> slip(String word) {
		Set<String> candidates = new HashSet<>();
		for (int i = 1; i < word.length(); i++) {
			if (word.charAt(i) == word.charAt(i - 1)) {
				candidates.add(word.substring(0, i) + word.substring(i + 1));
			}
			if (i >= 2) {
				char[] swapped = word.toCharArray();
				swapped[i - 1] = word.charAt(i);
				swapped[i] = word.charAt(i - 1);
				candidates.add(new String(swapped));
			}
		}
		candidates.retainAll(shortWords);
		return candidates.size() == 1 ? Optional.of(candidates.iterator().next()) : Optional.empty();
	}

	private void indexTypos(String word) {
		typos.computeIfAbsent(word, k -> new HashSet<>()).add(word);
		for (int i = 0; i < word.length(); i++) {
			typos.computeIfAbsent(word.substring(0, i) + word.substring(i + 1), k -> new HashSet<>()).add(word);
		}
	}

	/**
	 * Whether two words are at most one typo apart: one letter added, dropped or changed,
	 * or two neighbours swapped.
	 */
	static boolean oneTypo(String a, String b) {
		if (a.equals(b)) {
			return true;
		}
		if (Math.abs(a.length() - b.length()) > 1) {
			return false;
		}
		int i = 0;
		int shortest = Math.min(a.length(), b.length());
		while (i < shortest && a.charAt(i) == b.charAt(i)) {
			i++;
		}
		if (a.length() != b.length()) {
			String shorter = a.length() < b.length() ? a : b;
			String longer = shorter == a ? b : a;
			return shorter.regionMatches(i, longer, i + 1, shorter.length() - i);
		}
		if (a.regionMatches(i + 1, b, i + 1, a.length() - i - 1)) {
			return true;
		}
		return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
				&& a.regionMatches(i + 2, b, i + 2, a.length() - i - 2);
	}

	/**
	 * The tokens of a phrase, as the tokenizer cuts a message, without dashes and dots.
	 */
	private List<String> words(String phrase) {
		List<String> words = new ArrayList<>();
		for (Token token : tokenizer.tokenize(phrase)) {
			if (!token.is("-") && !token.is(".")) {
				words.add(token.text());
			}
		}
		return words;
	}

	private static List<String[]> read(String resource) {
		try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing resource " + resource);
			}
			List<String[]> lines = new ArrayList<>();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] columns = line.split("\t");
				if (columns.length != 3) {
					throw new IllegalStateException(
							"Expected three tab-separated columns in " + resource + ": " + line);
				}
				lines.add(columns);
			}
			return lines;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
