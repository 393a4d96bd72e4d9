package io.smiledesk.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The safety lexicons from {@code resources/safety}, one set per language: phrases per
 * signal ({@code lexicon_en.tsv}), what negates them ({@code negation_en.tsv}) and real
 * words that are never read as typos ({@code not-typos_en.txt}). Every language's lexicon
 * reads every message (see {@link SafetyScreen}).
 */
record Lexicon(List<Entry> entries, List<Ignore> ignores, Negation negation, Words words) {

	/** The languages patients write in: English, Spanish, French. */
	static final List<String> LANGUAGES = List.of("en", "es", "fr");

	/** A phrase that raises a signal. */
	record Entry(Signal signal, Phrase phrase) {
	}

	/**
	 * A phrase whose words other phrases must not use ("fell asleep", "heart-shaped"),
	 * for the given signals or, when empty, for all.
	 */
	record Ignore(Set<Signal> signals, Phrase phrase) {

		boolean appliesTo(Signal signal) {
			return signals.isEmpty() || signals.contains(signal);
		}

	}

	static Lexicon load(String folder) {
		List<Entry> entries = new ArrayList<>();
		List<Ignore> ignores = new ArrayList<>();
		Map<String, Set<String>> negation = new HashMap<>();
		Set<String> notTypos = new HashSet<>();
		Map<String, Integer> vocabulary = new LinkedHashMap<>();
		for (String language : LANGUAGES) {
			phrases(rows(folder + "/lexicon_" + language + ".tsv"), vocabulary, entries, ignores);
			for (String[] row : rows(folder + "/negation_" + language + ".tsv")) {
				negation.computeIfAbsent(row[0].trim(), (kind) -> new HashSet<>()).add(Token.normalise(row[1]));
			}
			for (String[] row : rows(folder + "/not-typos_" + language + ".txt")) {
				notTypos.add(Token.normalise(row[0]));
			}
		}
		return new Lexicon(List.copyOf(entries), List.copyOf(ignores),
				new Negation(words(negation, "CUE"), words(negation, "BREAK"), words(negation, "PSEUDO"),
						words(negation, "LIST"), words(negation, "AFTER")),
				new Words(Set.copyOf(notTypos), List.copyOf(vocabulary.keySet())));
	}

	/** A lexicon file's lines; its word classes ({@code @part}) hold within the file. */
	private static void phrases(List<String[]> lexicon, Map<String, Integer> vocabulary, List<Entry> entries,
			List<Ignore> ignores) {
		Map<String, String> classes = new HashMap<>();
		for (String[] row : lexicon) {
			if (row[0].startsWith("@")) {
				classes.put(row[0].trim(), row[1].trim());
			}
		}
		for (String[] row : lexicon) {
			String[] kind = row[0].trim().split("\\s+");
			if (kind[0].startsWith("@")) {
				continue;
			}
			for (String phrase : row[1].split(",")) {
				Phrase parsed = Phrase.parse(expand(phrase, classes), vocabulary);
				if (kind[0].equals("IGNORE")) {
					Set<Signal> signals = EnumSet.noneOf(Signal.class);
					for (int i = 1; i < kind.length; i++) {
						signals.add(Signal.valueOf(kind[i]));
					}
					ignores.add(new Ignore(signals, parsed));
				}
				else {
					entries.add(new Entry(Signal.valueOf(kind[0]), parsed));
				}
			}
		}
	}

	/** A phrase with its word classes ({@code @part}) written out as alternatives. */
	private static String expand(String phrase, Map<String, String> classes) {
		List<String> parts = new ArrayList<>();
		for (String part : phrase.trim().split("\\s+")) {
			List<String> alternatives = new ArrayList<>();
			for (String alternative : part.split("\\|")) {
				if (alternative.startsWith("@") && !classes.containsKey(alternative)) {
					throw new IllegalStateException("Unknown word class " + alternative + " in " + phrase);
				}
				alternatives.add(classes.getOrDefault(alternative, alternative));
			}
			parts.add(String.join("|", alternatives));
		}
		return String.join(" ", parts);
	}

	private static Set<String> words(Map<String, Set<String>> negation, String kind) {
		return Set.copyOf(negation.getOrDefault(kind, Set.of()));
	}

	/** Lines split at tabs, without comments, blank lines and a header line. */
	private static List<String[]> rows(String resource) {
		InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource);
		if (in == null) {
			throw new IllegalStateException("Missing safety lexicon " + resource);
		}
		List<String[]> rows = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			boolean header = resource.endsWith(".tsv");
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				if (header) {
					header = false;
					continue;
				}
				rows.add(line.split("\t"));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

}
