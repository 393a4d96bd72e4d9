package io.smiledesk.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;

/**
 * How patients write, as resources (resources/knowledge): chat spellings
 * ({@code spellings.tsv}), their words for what documents say in others
 * ({@code synonyms.tsv}), and things a clinic may or may not offer ({@code terms.tsv}).
 */
final class PatientWords {

	/** A phrase of the lexicon, as words and as stems, with its kind. */
	record Term(String kind, String phrase, List<String> words, List<String> stems) {
	}

	/** A phrase and the words a search for it adds. */
	record Synonym(List<String> phrase, String words) {
	}

	static final Map<String, String> SPELLINGS = spellings();

	static final List<Synonym> SYNONYMS = synonyms();

	static final List<Term> TERMS = terms();

	private PatientWords() {
	}

	private static Map<String, String> spellings() {
		Map<String, String> spellings = new HashMap<>();
		for (String[] pair : pairs("knowledge/spellings.tsv")) {
			spellings.put(pair[0].toLowerCase(java.util.Locale.ROOT), pair[1]);
		}
		return Map.copyOf(spellings);
	}

	private static List<Synonym> synonyms() {
		List<Synonym> synonyms = new ArrayList<>();
		for (String[] pair : pairs("knowledge/synonyms.tsv")) {
			synonyms.add(new Synonym(Vocabulary.words(pair[0]), pair[1]));
		}
		return List.copyOf(synonyms);
	}

	private static List<Term> terms() {
		List<Term> terms = new ArrayList<>();
		for (String[] pair : pairs("knowledge/terms.tsv")) {
			terms.add(new Term(pair[0], pair[1], Vocabulary.words(pair[1]), stems(Vocabulary.words(pair[1]))));
		}
		return List.copyOf(terms);
	}

	static List<String[]> pairs(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			List<String[]> pairs = new ArrayList<>();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] columns = line.split("\t", 2);
				if (columns.length != 2) {
					throw new IllegalStateException("Expected two tab-separated columns in " + resource + ": " + line);
				}
				pairs.add(new String[] { columns[0].strip(), columns[1].strip() });
			}
			return pairs;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The stems of words in their order, stop words left out ("put to sleep": put,
	 * sleep).
	 */
	static List<String> stems(List<String> words) {
		List<String> stems = new ArrayList<>();
		for (String word : words) {
			stems.addAll(Terms.of(word));
		}
		return stems;
	}

	/** Whether {@code words} holds {@code phrase} as consecutive words. */
	static boolean contains(List<String> words, List<String> phrase) {
		if (phrase.isEmpty()) {
			return false;
		}
		outer: for (int i = 0; i + phrase.size() <= words.size(); i++) {
			for (int j = 0; j < phrase.size(); j++) {
				if (!words.get(i + j).equals(phrase.get(j))) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
