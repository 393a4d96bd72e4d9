package io.smiledesk.safety;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A normalised word or punctuation mark of a message, with where it sits in the original
 * text so evidence can be quoted as the patient wrote it.
 */
record Token(String text, int start, int end) {

	/** French elided words: "l'oeil" reads as "l oeil", "qu'on" as "qu on". */
	private static final Set<String> ELIDED = Set.of("c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu",
			"puisqu");

	/** Punctuation that ends a sentence: nothing is read across it. */
	boolean endsSentence() {
		return switch (text) {
			case ".", "!", "?", ";" -> true;
			default -> false;
		};
	}

	boolean isWord() {
		return Character.isLetterOrDigit(text.charAt(0));
	}

	/**
	 * Lower case, accents stripped, ligatures written out ("œil" is "oeil"), apostrophes
	 * dropped ("can't" is "cant") except after a French elided word ("j'ai" is "j ai"),
	 * everything else that is not a letter, a digit or . , ; : ! ? separates words.
	 */
	static List<Token> of(String message) {
		List<Token> tokens = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		int start = -1;
		for (int i = 0; i < message.length(); i++) {
			char c = message.charAt(i);
			String folded = fold(c);
			boolean inNumber = c == '.' && word.length() > 0 && Character.isDigit(word.charAt(word.length() - 1))
					&& i + 1 < message.length() && Character.isDigit(message.charAt(i + 1));
			if (!folded.isEmpty() && Character.isLetterOrDigit(folded.charAt(0)) || inNumber) {
				if (start < 0) {
					start = i;
				}
				word.append(inNumber ? "." : folded);
			}
			else if (isApostrophe(c) && start >= 0 && ELIDED.contains(word.toString()) && i + 1 < message.length()
					&& Character.isLetter(message.charAt(i + 1))) {
				tokens.add(new Token(word.toString(), start, i));
				word.setLength(0);
				start = -1;
			}
			else if (isApostrophe(c) && start >= 0) {
				// inside a word: "don't" reads as "dont"
			}
			else {
				if (start >= 0) {
					tokens.add(new Token(word.toString(), start, i));
					word.setLength(0);
					start = -1;
				}
				if (".,;:!?".indexOf(c) >= 0) {
					tokens.add(new Token(String.valueOf(c), i, i + 1));
				}
			}
		}
		if (start >= 0) {
			tokens.add(new Token(word.toString(), start, message.length()));
		}
		return tokens;
	}

	/** The same normalisation for lexicon words. */
	static String normalise(String text) {
		return String.join(" ", of(text).stream().map(Token::text).toList());
	}

	private static String fold(char c) {
		if (Character.isSurrogate(c)) {
			return "";
		}
		switch (c) {
			case '\u0153', '\u0152':
				return "oe";
			case '\u00e6', '\u00c6':
				return "ae";
			default:
				String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
				return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
		}
	}

	private static boolean isApostrophe(char c) {
		return c == '\'' || c == '\u2019' || c == '\u02bc' || c == '`';
	}

}
