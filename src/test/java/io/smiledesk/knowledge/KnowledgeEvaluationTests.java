package io.smiledesk.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retrieval quality on patient questions written before the retrieval was built
 * (resources/knowledge/evaluation.tsv): recall@3 on questions the knowledge base answers
 * (the labelled document among the top three chunks' documents) and the share of
 * questions it cannot answer that fall below the threshold.
 */
class KnowledgeEvaluationTests {

	static KnowledgeIndex index;

	static Answering answering;

	@BeforeAll
	static void index() {
		index = KnowledgeFixtures.demoIndex();
		answering = new Answering(index, Answerability.load());
	}

	@AfterAll
	static void close() {
		index.close();
	}

	record Question(Set<String> expected, String text) {

		boolean answerable() {
			return !expected.isEmpty();
		}

	}

	@Test
	void retrievesTheRightDocumentAndKnowsWhenItDoesNotKnow() throws IOException {
		Scores scores = evaluate("evaluation", questions("/knowledge/evaluation.tsv"));
		assertThat(scores.answerable()).isGreaterThanOrEqualTo(60);
		assertThat(scores.unanswerable()).isGreaterThanOrEqualTo(20);
		assertThat(scores.recall()).as("recall@3").isGreaterThanOrEqualTo(0.9);
		assertThat(scores.notFound()).as("unanswerable questions not found").isGreaterThanOrEqualTo(0.9);
	}

	/**
	 * Questions written blind (by someone who saw neither the retrieval code nor the set
	 * above), never used for tuning: the figures are printed, and the floors are the
	 * first run's, so that a change that makes them worse fails.
	 */
	@Test
	void heldOutQuestionsWrittenBlind() throws IOException {
		Scores scores = evaluate("held-out", questions("/knowledge/heldout.tsv"));
		assertThat(scores.answerable()).isGreaterThanOrEqualTo(60);
		assertThat(scores.unanswerable()).isGreaterThanOrEqualTo(20);
		assertThat(scores.recall()).as("recall@3").isGreaterThanOrEqualTo(HELD_OUT_RECALL_FLOOR);
		assertThat(scores.notFound()).as("unanswerable questions not found")
			.isGreaterThanOrEqualTo(HELD_OUT_NOT_FOUND_FLOOR);
	}

	/**
	 * A second blind set (resources/knowledge/heldout-2.tsv), written after the first had
	 * been read, by someone who saw only the documents and the clinic's settings; run
	 * once before any change it could have guided. Same rule for the floors.
	 */
	@Test
	void secondHeldOutSetWrittenBlind() throws IOException {
		Scores scores = evaluate("held-out 2", questions("/knowledge/heldout-2.tsv"));
		assertThat(scores.answerable()).isGreaterThanOrEqualTo(60);
		assertThat(scores.unanswerable()).isGreaterThanOrEqualTo(30);
		// first run: recall@3 0.938, unanswerable not found 0.686
		assertThat(scores.recall()).as("recall@3").isGreaterThanOrEqualTo(0.90);
		assertThat(scores.notFound()).as("unanswerable questions not found").isGreaterThanOrEqualTo(0.65);
	}

	static final double HELD_OUT_RECALL_FLOOR = 0.95;

	static final double HELD_OUT_NOT_FOUND_FLOOR = 0.75;

	/**
	 * The training set (resources/knowledge/training.tsv, written blind from the product
	 * description and the documents): recall@3, the answerable questions answered with
	 * the labelled fact in the answer's text, and each kind of question the knowledge
	 * base cannot answer (near-misses, unanswerable, advice about the patient's own
	 * condition) not answered. The model was trained on this set, so these are training
	 * figures; the cross-validated ones are printed by
	 * {@code AnswerabilityTrainingTests}.
	 */
	@Test
	void trainingSetAnsweredWithTheFactAndNearMissesHandedOver() {
		Labelled figures = labelled("training set", LabelledQuestions.training());
		assertThat(figures.recall()).as("recall@3").isGreaterThanOrEqualTo(TRAINING_RECALL_FLOOR);
		assertThat(figures.fact()).as("answerable answered with the fact").isGreaterThanOrEqualTo(TRAINING_FACT_FLOOR);
		assertThat(figures.notAnswered("near-miss")).as("near-misses not answered")
			.isGreaterThanOrEqualTo(TRAINING_NEAR_MISS_FLOOR);
		assertThat(figures.notAnswered("unanswerable")).as("unanswerable not answered")
			.isGreaterThanOrEqualTo(TRAINING_UNANSWERABLE_FLOOR);
		assertThat(figures.notAnswered("advice")).as("advice not answered")
			.isGreaterThanOrEqualTo(TRAINING_ADVICE_FLOOR);
	}

	/**
	 * A second tuning set labelled like the training set
	 * (resources/knowledge/questions-tuning-2.tsv, written blind by another author, not
	 * in the answerability model's training): measured the same way, floors just under
	 * the first measurement.
	 */
	@Test
	void secondTuningSetAnsweredWithTheFactAndNearMissesHandedOver() {
		Labelled figures = labelled("tuning set 2", LabelledQuestions.labelled("questions-tuning-2"));
		// first measured 2026-12-03, before any change: recall@3 0.963 (52/54), with the
		// fact 0.574 (31/54), near-misses not answered 0.536 (15/28); after a detail the
		// passage does not state (an age, a rate, how often) is handed over: recall@3
		// 0.963, with the fact 0.593 (32/54), near-misses 0.786 (22/28)
		assertThat(figures.recall()).as("recall@3").isGreaterThanOrEqualTo(0.94);
		assertThat(figures.fact()).as("answerable answered with the fact").isGreaterThanOrEqualTo(0.57);
		assertThat(figures.notAnswered("near-miss")).as("near-misses not answered").isGreaterThanOrEqualTo(0.75);
	}

	/**
	 * Figures of a set labelled like the training set.
	 *
	 * @param recall the answerable questions with their document in the top three
	 * @param fact the answerable questions answered with the labelled fact
	 * @param byKind per kind, the questions rightly answered or not, and all of them
	 */
	record Labelled(double recall, double fact, Map<String, int[]> byKind) {

		double notAnswered(String kind) {
			return share(byKind.get(kind));
		}

	}

	/**
	 * Recall@3, the answerable questions answered with the labelled fact in the answer's
	 * text, and each kind of question the knowledge base cannot answer (near-misses,
	 * unanswerable, advice about the patient's own condition) not answered; misses
	 * printed with {@code -Dknowledge.misses=true}.
	 */
	static Labelled labelled(String name, List<LabelledQuestions.Question> questions) {
		Map<String, int[]> byKind = new LinkedHashMap<>();
		int answerable = 0;
		int recalled = 0;
		int withFact = 0;
		List<String> misses = new ArrayList<>();
		for (LabelledQuestions.Question question : questions) {
			Answering.Outcome outcome = answering.answer(question.text(), KnowledgeFixtures.demoClinic(),
					KnowledgeFixtures.TODAY);
			int[] counts = byKind.computeIfAbsent(question.kind(), key -> new int[2]);
			counts[0]++;
			if (question.answerable()) {
				answerable++;
				boolean hit = recalled(question.expected(), outcome);
				recalled += hit ? 1 : 0;
				boolean fact = outcome.answered() && question.fact().matcher(outcome.answer().text()).find();
				withFact += fact ? 1 : 0;
				counts[1] += outcome.answered() ? 1 : 0;
				if (!fact) {
					misses.add((outcome.answered() ? "without the fact: " : "not answered: ") + question.text()
							+ (hit ? "" : " (document missed)") + " -> "
							+ (outcome.answered() ? outcome.answer().withSource() : outcome.reason()));
				}
			}
			else if (!outcome.answered()) {
				counts[1]++;
			}
			else {
				misses.add("answered " + question.kind() + ": " + question.text() + " -> "
						+ outcome.answer().withSource());
			}
		}
		if (Boolean.getBoolean("knowledge.misses")) {
			misses.forEach(miss -> System.out.println("  " + name + " " + miss));
		}
		double recall = recalled / (double) answerable;
		double fact = withFact / (double) answerable;
		StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
				"Knowledge %s: recall@3 %.3f (%d/%d), answerable answered with the fact %.3f (%d/%d);", name, recall,
				recalled, answerable, fact, withFact, answerable));
		byKind.forEach((kind,
				counts) -> line.append(String.format(Locale.ROOT, " %s %s %.3f (%d/%d);", kind,
						LabelledQuestions.ANSWERABLE.equals(kind) ? "answered" : "not answered",
						counts[1] / (double) counts[0], counts[1], counts[0])));
		System.out.println(line);
		return new Labelled(recall, fact, byKind);
	}

	// reached: recall@3 0.970, with the fact 0.847, near-misses 0.863, unanswerable
	// 0.900, advice 1.000
	static final double TRAINING_RECALL_FLOOR = 0.96;

	static final double TRAINING_FACT_FLOOR = 0.82;

	static final double TRAINING_NEAR_MISS_FLOOR = 0.84;

	static final double TRAINING_UNANSWERABLE_FLOOR = 0.85;

	static final double TRAINING_ADVICE_FLOOR = 0.95;

	private static double share(int[] counts) {
		return counts[1] / (double) counts[0];
	}

	/** Whether the labelled document is among the first three chunks' documents. */
	static boolean recalled(Set<String> expected, Answering.Outcome outcome) {
		return outcome.hits().stream().limit(3).anyMatch(hit -> expected.contains(hit.chunk().title()));
	}

	record Scores(int answerable, int unanswerable, double recall, double notFound) {
	}

	/**
	 * Recall@3 and the share of unanswerable questions not answered, through the whole
	 * decision ({@link Answering}). Per-question misses are printed (with
	 * {@code -Dknowledge.misses=true}) only for the tuning sets: the second held-out set
	 * reports its figures and nothing else.
	 */
	static Scores evaluate(String name, List<Question> questions) {
		boolean tuning = !name.equals("held-out 2");
		int answerable = 0;
		int recalled = 0;
		int answeredWhenAnswerable = 0;
		int unanswerable = 0;
		int refused = 0;
		List<String> misses = new ArrayList<>();
		for (Question question : questions) {
			Answering.Outcome outcome = answering.answer(question.text(), KnowledgeFixtures.demoClinic(),
					KnowledgeFixtures.TODAY);
			boolean found = outcome.answered();
			String top = outcome.hits()
				.stream()
				.limit(3)
				.map(hit -> hit.chunk().title() + " " + String.format(Locale.ROOT, "%.2f", hit.similarity()))
				.collect(Collectors.joining(" | "));
			if (question.answerable()) {
				answerable++;
				boolean hit = recalled(question.expected(), outcome);
				if (hit) {
					recalled++;
				}
				if (found) {
					answeredWhenAnswerable++;
				}
				if (!hit || !found) {
					misses.add((hit ? "not answered: " : "missed: ") + question.text() + " -> " + top);
				}
			}
			else {
				unanswerable++;
				if (!found) {
					refused++;
				}
				else {
					misses.add("answered: " + question.text() + " -> " + top);
				}
			}
		}
		double recall = recalled / (double) answerable;
		double notFound = refused / (double) unanswerable;
		double coverage = answeredWhenAnswerable / (double) answerable;
		if (tuning && Boolean.getBoolean("knowledge.misses")) {
			misses.forEach(miss -> System.out.println("  " + miss));
		}
		System.out.printf(Locale.ROOT,
				"Knowledge " + name
						+ ": recall@3 %.3f (%d/%d), answerable answered %.3f, unanswerable not answered %.3f (%d/%d)%n",
				recall, recalled, answerable, coverage, notFound, refused, unanswerable);
		return new Scores(answerable, unanswerable, recall, notFound);
	}

	static List<Question> questions(String resource) throws IOException {
		try (InputStream in = KnowledgeEvaluationTests.class.getResourceAsStream(resource)) {
			List<Question> questions = new ArrayList<>();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] fields = line.split("\t", 2);
				Set<String> expected = "-".equals(fields[0].strip()) ? Set.of()
						: Set.copyOf(Arrays.asList(fields[0].strip().split("\\|")));
				questions.add(new Question(expected, fields[1].strip()));
			}
			return questions;
		}
	}

}
