package io.smiledesk.understanding.time;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a message into tokens in one pass: runs of letters and digits are split where
 * letters meet digits ("3pm", "15h30") unless the lexicon knows the run as one word
 * ("2morrow"); "a.m." is one word; French elisions are cut ("l'après-midi"), other
 * apostrophes kept ("we'd" is not "wed"); email addresses and links are masked.
 */
final class Tokenizer {

	/** Possessive quantifiers: no backtracking, linear in the message. */
	private static final Pattern MASKED = Pattern
		.compile("[\\w.+-]++@[\\w-]++(?:\\.[\\w-]++)++|(?:https?://|www\\.)\\S++");

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
		Matcher masked = MASKED.matcher(text);
		int nextMask = masked.find() ? masked.start() : -1;
		int i = 0;
		boolean space = true;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (i == nextMask) {
				tokens.add(new Token(tokens.size(), i, masked.end(), text.substring(i, masked.end()), Token.Kind.WORD,
						!space, true));
				i = masked.end();
				nextMask = masked.find() ? masked.start() : -1;
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
