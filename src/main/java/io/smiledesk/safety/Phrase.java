package io.smiledesk.safety;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * One lexicon phrase: words with alternatives ({@code a|b}), prefixes ({@code word*}) and
 * gaps ({@code ~}, up to three words of the same sentence); a final {@code .} asks for
 * punctuation or the end of the message ("I'm expecting!").
 */
final class Phrase {

	static final int GAP = 3;

	private final String source;

	private final List<Element> elements;

	private Phrase(String source, List<Element> elements) {
		this.source = source;
		this.elements = elements;
	}

	/**
	 * Parses a phrase; its whole words get ids from {@code vocabulary}, new words the
	 * next free id.
	 */
	static Phrase parse(String source, Map<String, Integer> vocabulary) {
		List<Element> elements = new ArrayList<>();
		for (String part : source.trim().split("\\s+")) {
			if (part.equals("~")) {
				elements.add(new Gap());
				continue;
			}
			if (part.equals(".")) {
				elements.add(new End());
				continue;
			}
			BitSet exact = new BitSet();
			List<String> prefixes = new ArrayList<>();
			for (String alternative : part.split("\\|")) {
				if (alternative.endsWith("*")) {
					prefixes.add(Token.normalise(alternative.substring(0, alternative.length() - 1)));
				}
				else {
					exact.set(vocabulary.computeIfAbsent(Token.normalise(alternative), (word) -> vocabulary.size()));
				}
			}
			elements.add(new Word(exact, prefixes));
		}
		if (elements.isEmpty() || !(elements.get(0) instanceof Word) || elements.get(elements.size() - 1) instanceof Gap
				|| elements.subList(0, elements.size() - 1).stream().anyMatch(End.class::isInstance)) {
			throw new IllegalArgumentException("A phrase starts with a word and ends with a word or '.': " + source);
		}
		return new Phrase(source, elements);
	}

	/**
	 * Where the phrase occurs; a token that {@code ignored} marks can neither start nor
	 * take part in a match, but a gap may skip it.
	 */
	List<Match> find(List<Token> tokens, boolean[] ignored, Words.Reader words) {
		for (Element element : elements) {
			if (element instanceof Word word && word.prefixes().isEmpty() && !words.anywhere(word.exact())) {
				// a word the message does not have
				return List.of();
			}
		}
		List<Match> matches = new ArrayList<>();
		for (int start = 0; start < tokens.size(); start++) {
			int end = matchFrom(0, start, tokens, ignored, words);
			if (end >= 0) {
				matches.add(new Match(start, end));
			}
		}
		return matches;
	}

	/** The index of the last token matched, or -1. */
	private int matchFrom(int element, int position, List<Token> tokens, boolean[] ignored, Words.Reader words) {
		if (elements.get(element) instanceof End) {
			return position >= tokens.size() || !tokens.get(position).isWord() ? position - 1 : -1;
		}
		if (position >= tokens.size()) {
			return -1;
		}
		if (elements.get(element) instanceof Word word) {
			Token token = tokens.get(position);
			if (!token.isWord() || ignored[position] || !word.matches(token.text(), position, words)) {
				return -1;
			}
			return element == elements.size() - 1 ? position
					: matchFrom(element + 1, position + 1, tokens, ignored, words);
		}
		// a gap: try the next word here, then after each skipped word
		int skipped = 0;
		for (int next = position; next < tokens.size() && skipped <= GAP; next++) {
			Token token = tokens.get(next);
			if (token.endsSentence() || token.text().equals(":")) {
				return -1;
			}
			if (!token.isWord()) {
				continue;
			}
			int end = matchFrom(element + 1, next, tokens, ignored, words);
			if (end >= 0) {
				return end;
			}
			skipped++;
		}
		return -1;
	}

	@Override
	public String toString() {
		return source;
	}

	record Match(int start, int end) {
	}

	private sealed interface Element permits Word, Gap, End {

	}

	/** Alternatives: whole words by vocabulary id, and prefixes. */
	private record Word(BitSet exact, List<String> prefixes) implements Element {

		boolean matches(String token, int position, Words.Reader words) {
			for (String prefix : prefixes) {
				if (token.startsWith(prefix)) {
					return true;
				}
			}
			return words.matchesAny(position, exact);
		}

	}

	private record Gap() implements Element {

	}

	private record End() implements Element {

	}

}
