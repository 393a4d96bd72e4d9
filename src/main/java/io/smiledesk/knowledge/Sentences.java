package io.smiledesk.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Markdown to plain sentences, for indexing, extracting and checking answers. */
final class Sentences {

	private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");

	private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|`)");

	private static final Pattern BULLET = Pattern.compile("(?m)^\\s*([-*+]|\\d+[.)])\\s+");

	private static final Pattern QUOTE = Pattern.compile("(?m)^\\s*>\\s?");

	/** After these a full stop does not end the sentence. */
	private static final Pattern ABBREVIATION = Pattern
		.compile("(?i)(\\b(dr|mr|mrs|ms|st|no|vs|approx|e\\.g|i\\.e|etc|a\\.m|p\\.m)\\.)$");

	private Sentences() {
	}

	/**
	 * Whether a text holds any letter or digit (the embedding model refuses one that does
	 * not).
	 */
	static boolean hasWords(String text) {
		return text != null && text.codePoints().anyMatch(Character::isLetterOrDigit);
	}

	/** Markdown syntax removed: links keep their text, list items become lines. */
	static String plain(String markdown) {
		String text = LINK.matcher(markdown).replaceAll("$1");
		text = BULLET.matcher(text).replaceAll("");
		text = QUOTE.matcher(text).replaceAll("");
		text = EMPHASIS.matcher(text).replaceAll("");
		return text.replace('|', ' ');
	}

	/**
	 * The sentences of a Markdown text; list items and lines ending a thought count as
	 * one.
	 */
	static List<String> split(String markdown) {
		List<String> sentences = new ArrayList<>();
		for (String line : plain(markdown).split("\n")) {
			String text = line.strip();
			if (text.isEmpty()) {
				continue;
			}
			int start = 0;
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if ((c == '.' || c == '!' || c == '?') && i + 1 < text.length() && text.charAt(i + 1) == ' '
						&& i + 2 < text.length() && startsSentence(text.charAt(i + 2))
						&& !ABBREVIATION.matcher(text.substring(start, i + 1)).find()) {
					add(sentences, text.substring(start, i + 1));
					start = i + 2;
				}
			}
			add(sentences, text.substring(start));
		}
		return sentences;
	}

	private static boolean startsSentence(char c) {
		return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '(' || c == '$';
	}

	private static void add(List<String> sentences, String sentence) {
		String text = sentence.strip();
		if (hasWords(text)) {
			sentences.add(text);
		}
	}

}
