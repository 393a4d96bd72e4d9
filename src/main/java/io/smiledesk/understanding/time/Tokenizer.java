package io.smiledesk.understanding.time;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cuts a message into tokens in one pass: runs of letters and digits are split where
 * letters meet digits ("3pm", "15h30") unless the lexicon knows the run as one word
 * ("2morrow"); "a.m." is one word; French elisions are cut ("l'après-midi"), other
 * apostrophes kept ("we'd" is not "wed"); email addresses and links are masked.
 */
final class Tokenizer {

	private final Set<String> wholeWords;

	private final Set<String> elisions;

	Tokenizer(Set<String> wholeWords, Set<String> elisions) {
		this.wholeWords = wholeWords;
		this.elisions = elisions;
	}

	/**
	 * Lower case, without accents, with typographic apostrophes and dashes made plain.
	 */
	static String normalize(String text) {
		String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'').replace('‘', '\'');
		boolean plain = true;
		for (int i = 0; i < lower.length() && plain; i++) {
			plain = lower.charAt(i) < 128;
		}
		if (plain) {
			return lower;
		}
		StringBuilder out = new StringBuilder(lower.length());
		for (int i = 0; i < lower.length(); i++) {
			char c = lower.charAt(i);
			if (c < 128) {
				out.append(c);
				continue;
			}
			// one character in, one out, so that offsets stay those of the message
			String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
			char base = decomposed.charAt(0);
			out.append(c == '–' || c == '—' ? '-' : c == 'º' || c == '°' ? 'o' : base < 128 ? base : c);
		}
		return out.toString();
	}

	List<Token> tokenize(String message) {
		String text = normalize(message);
		List<Token> tokens = new ArrayList<>();
		List<int[]> masks = masks(text);
		int mask = 0;
		int i = 0;
		boolean space = true;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (mask < masks.size() && i == masks.get(mask)[0]) {
				int end = masks.get(mask++)[1];
				tokens.add(new Token(tokens.size(), i, end, text.substring(i, end), Token.Kind.WORD, !space, true));
				i = end;
				space = false;
				continue;
			}
			if (Character.isWhitespace(c)) {
				space = true;
				i++;
				continue;
			}
			if (Character.isLetterOrDigit(c)) {
				int end = runEnd(text, i);
				int dotted = dottedLetters(text, i);
				if (dotted > end) {
					tokens.add(new Token(tokens.size(), i, dotted, text.substring(i, dotted).replace(".", ""),
							Token.Kind.WORD, !space, false));
					i = dotted;
				}
				else {
					run(text, i, end, !space, tokens);
					i = end;
				}
			}
			else {
				tokens.add(new Token(tokens.size(), i, i + 1, String.valueOf(c), Token.Kind.PUNCT, !space, false));
				i++;
			}
			space = false;
		}
		return tokens;
	}

	/**
	 * Email addresses (around each "@", a dot in the domain) and links ("http", "www."),
	 * found in one pass.
	 */
	private static List<int[]> masks(String text) {
		List<int[]> masks = new ArrayList<>();
		int from = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '@') {
				int start = i;
				while (start > from && local(text.charAt(start - 1))) {
					start--;
				}
				int end = i + 1;
				boolean dot = false;
				while (end < text.length() && domain(text, end)) {
					dot |= text.charAt(end) == '.';
					end++;
				}
				if (start < i && dot) {
					masks.add(new int[] { start, end });
					from = end;
					i = end - 1;
				}
			}
			else if ((text.startsWith("www.", i) || text.startsWith("http://", i) || text.startsWith("https://", i))
					&& (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
				int end = i;
				while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
					end++;
				}
				masks.add(new int[] { i, end });
				from = end;
				i = end - 1;
			}
		}
		return masks;
	}

	private static boolean local(char c) {
		return Character.isLetterOrDigit(c) || c == '.' || c == '+' || c == '-' || c == '_';
	}

	private static boolean domain(String text, int i) {
		char c = text.charAt(i);
		return Character.isLetterOrDigit(c) || c == '-'
				|| c == '.' && i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1));
	}

	/** The end of a run of letters, digits and inner apostrophes. */
	private static int runEnd(String text, int from) {
		int i = from;
		while (i < text.length()) {
			char c = text.charAt(i);
			boolean inner = c == '\'' && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1)) && i > from;
			if (!Character.isLetterOrDigit(c) && !inner) {
				break;
			}
			i++;
		}
		return i;
	}

	/** The end of "a.m.", "p.m", "d.o.b.": single letters with dots; else -1. */
	private static int dottedLetters(String text, int from) {
		if (from > 0 && Character.isLetterOrDigit(text.charAt(from - 1))) {
			return -1;
		}
		int i = from;
		int letters = 0;
		while (i < text.length() && Character.isLetter(text.charAt(i))
				&& (i + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(i + 1)))) {
			letters++;
			i++;
			if (i < text.length() && text.charAt(i) == '.') {
				i++;
			}
			else {
				break;
			}
		}
		return letters >= 2 && text.charAt(from + 1) == '.' ? i : -1;
	}

	private void run(String text, int from, int to, boolean attached, List<Token> tokens) {
		String run = text.substring(from, to);
		int apostrophe = run.indexOf('\'');
		if (apostrophe > 0 && !wholeWords.contains(run)) {
			String head = run.substring(0, apostrophe);
			if (elisions.contains(head)) {
				tokens.add(new Token(tokens.size(), from, from + apostrophe, head, Token.Kind.WORD, attached, false));
				run(text, from + apostrophe + 1, to, true, tokens);
				return;
			}
		}
		String word = run;
		if (wholeWords.contains(word) || word.indexOf('\'') > 0) {
			tokens.add(new Token(tokens.size(), from, to, word, kind(word), attached, false));
			return;
		}
		// letters and digits apart: "3pm", "15h30", "1st"
		int start = 0;
		for (int i = 1; i <= word.length(); i++) {
			if (i == word.length() || Character.isDigit(word.charAt(i)) != Character.isDigit(word.charAt(i - 1))) {
				String part = word.substring(start, i);
				int offset = from + Math.min(start, to - from - 1);
				int end = i == word.length() ? to : from + i;
				tokens.add(new Token(tokens.size(), offset, end, part, kind(part), attached || start > 0, false));
				start = i;
			}
		}
	}

	private static Token.Kind kind(String part) {
		return part.chars().allMatch(Character::isDigit) ? Token.Kind.NUMBER : Token.Kind.WORD;
	}

}
