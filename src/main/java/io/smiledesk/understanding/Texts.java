package io.smiledesk.understanding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small text helpers shared by the offline readers. */
final class Texts {

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

	private Texts() {
	}

	/** Lower-case words (letters, digits, apostrophes), in order. */
	static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		String lowered = text.toLowerCase(Locale.ROOT);
		Matcher matcher = WORD.matcher(lowered);
		while (matcher.find()) {
			// apostrophes belong inside words ("don't"), not around them
			int start = matcher.start();
			int end = matcher.end();
			while (start < end && lowered.charAt(start) == '\'') {
				start++;
			}
			while (end > start && lowered.charAt(end - 1) == '\'') {
				end--;
			}
			if (start < end) {
				words.add(lowered.substring(start, end));
			}
		}
		return words;
	}

	/**
	 * Restricted Damerau-Levenshtein distance (insertions, deletions, substitutions and
	 * transpositions of neighbours each cost one), given up beyond {@code limit}.
	 */
	static int distance(String a, String b, int limit) {
		if (Math.abs(a.length() - b.length()) > limit) {
			return limit + 1;
		}
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			int rowMin = Integer.MAX_VALUE;
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				int value = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					value = Math.min(value, d[i - 2][j - 2] + 1);
				}
				d[i][j] = value;
				rowMin = Math.min(rowMin, value);
			}
			if (rowMin > limit) {
				return limit + 1;
			}
		}
		return d[a.length()][b.length()];
	}

	/**
	 * Typos tolerated in a word of this length: none up to five letters (short common
	 * words are too close to each other), one up to eight, two beyond.
	 */
	static int typosAllowed(int length) {
		return length <= 5 ? 0 : length <= 8 ? 1 : 2;
	}

	/** Whether {@code written} is {@code known}, allowing for its length's typos. */
	static boolean similar(String written, String known) {
		if (written.equals(known)) {
			return true;
		}
		int allowed = typosAllowed(Math.max(written.length(), known.length()));
		return allowed > 0 && distance(written, known, allowed) <= allowed;
	}

	/**
	 * Letters repeated for emphasis squeezed to one ("yesss", "byee", "hiii"); the same
	 * squeeze applied to a lexicon makes them comparable.
	 */
	static String squeeze(String word) {
		return word.replaceAll("(\\p{L})\\1+", "$1");
	}

	/** The lines of a class-path resource, without blanks and # comments. */
	static List<String> lines(String resource) {
		try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing resource " + resource);
			}
			List<String> lines = new ArrayList<>();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
				if (!line.isBlank() && !line.startsWith("#")) {
					lines.add(line);
				}
			}
			return lines;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Two tab-separated columns, trimmed. */
	static List<String[]> pairs(String resource) {
		List<String[]> pairs = new ArrayList<>();
		for (String line : lines(resource)) {
			String[] columns = line.split("\t", 2);
			if (columns.length != 2) {
				throw new IllegalStateException("Expected two tab-separated columns in " + resource + ": " + line);
			}
			pairs.add(new String[] { columns[0].trim(), columns[1].trim() });
		}
		return pairs;
	}

	/** Words too common to be a name written in lower case ("need", "move", "appt"). */
	static boolean isCommonWord(String word) {
		return COMMON.contains(word);
	}

	private static final java.util.Set<String> COMMON = java.util.Set.of("need", "needs", "move", "appt", "appointment",
			"book", "cancel", "change", "reschedule", "please", "pls", "thanks", "hi", "hello", "hey", "my", "the", "a",
			"to", "for", "want", "wanna", "can", "could", "would", "u", "you", "me", "i", "im", "is", "and", "or", "it",
			"this", "that", "with", "from", "dob", "born", "name", "names", "here", "there", "yes", "no", "ok", "okay",
			"sure", "cleaning", "filling", "whitening", "exam", "checkup", "tomorrow", "today", "next", "week",
			"morning", "afternoon", "evening", "at", "on", "in", "2", "also", "just", "so", "of", "quiero", "necesito",
			"cita", "mi", "para", "por", "favor", "hola", "je", "veux", "mon", "rendez-vous", "bonjour", "merci");

}
