package io.smiledesk.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Labelled patient questions from resources/knowledge: the training set (kind, expected
 * documents, fact, question) and the older sets (expected documents, question).
 */
final class LabelledQuestions {

	static final String ANSWERABLE = "answerable";

	/**
	 * @param kind answerable, near-miss, unanswerable or advice (the older sets:
	 * answerable or unanswerable)
	 * @param expected the titles of the documents that answer it; empty when none does
	 * @param fact what a right answer contains, or null when not labelled
	 * @param set the file it comes from
	 */
	record Question(String kind, Set<String> expected, Pattern fact, String text, String set) {

		boolean answerable() {
			return ANSWERABLE.equals(kind);
		}

	}

	private LabelledQuestions() {
	}

	/** The training set: kind, expected, fact, question. */
	static List<Question> training() {
		return labelled("training");
	}

	/** A set labelled like the training set: kind, expected, fact, question. */
	static List<Question> labelled(String name) {
		List<Question> questions = new ArrayList<>();
		for (String line : lines("/knowledge/" + name + ".tsv")) {
			String[] fields = line.split("\t", 4);
			questions.add(new Question(fields[0].strip(), expected(fields[1]),
					"-".equals(fields[2].strip()) ? null : Pattern.compile(fields[2].strip(), Pattern.CASE_INSENSITIVE),
					fields[3].strip(), name));
		}
		return questions;
	}

	/** An older set: expected, question. */
	static List<Question> older(String name) {
		List<Question> questions = new ArrayList<>();
		for (String line : lines("/knowledge/" + name + ".tsv")) {
			String[] fields = line.split("\t", 2);
			Set<String> expected = expected(fields[0]);
			questions.add(new Question(expected.isEmpty() ? "unanswerable" : ANSWERABLE, expected, null,
					fields[1].strip(), name));
		}
		return questions;
	}

	/**
	 * The sets the model may be tuned on: training, evaluation and the first held-out
	 * set.
	 */
	static List<Question> tuning() {
		List<Question> all = new ArrayList<>(training());
		all.addAll(older("evaluation"));
		all.addAll(older("heldout"));
		return all;
	}

	private static Set<String> expected(String field) {
		return "-".equals(field.strip()) ? Set.of() : Set.copyOf(Arrays.asList(field.strip().split("\\|")));
	}

	private static List<String> lines(String resource) {
		try (InputStream in = LabelledQuestions.class.getResourceAsStream(resource)) {
			List<String> lines = new ArrayList<>();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
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

}
