package io.smiledesk.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Trains the answerability model (a logistic regression, Tribuo's SGD trainer with a
 * fixed seed) on the tuning sets (training, evaluation and the first held-out set, over
 * the demo knowledge base), checks that the committed
 * {@code resources/knowledge/answerability.tsv} is what this training gives, and prints
 * 10-fold cross-validated figures. To write the model again after changing the features
 * or the sets:
 *
 * <pre>
 * ./mvnw -q -B test -Dtest=AnswerabilityTrainingTests -Dknowledge.write-model=true
 * </pre>
 */
class AnswerabilityTrainingTests {

	static final String COMMAND = "./mvnw -q -B test -Dtest=AnswerabilityTrainingTests -Dknowledge.write-model=true";

	static final int FOLDS = 10;

	static final long SEED = 20261121L;

	static final double WRONG_ANSWER_COST = 2;

	static final Label YES = new Label("answered");

	static final Label NO = new Label("not-answered");

	static KnowledgeIndex index;

	static List<LabelledQuestions.Question> questions;

	static List<Answering.Outcome> outcomes;

	@BeforeAll
	static void measure() {
		index = KnowledgeFixtures.demoIndex();
		questions = LabelledQuestions.tuning();
		outcomes = outcomes(index, questions);
	}

	@AfterAll
	static void close() {
		index.close();
	}

	/** Every question through the pipeline with a model that answers everything. */
	static List<Answering.Outcome> outcomes(KnowledgeIndex index, List<LabelledQuestions.Question> questions) {
		int n = AnswerFeatures.NAMES.size();
		double[] ones = new double[n];
		java.util.Arrays.fill(ones, 1);
		Answering always = new Answering(index,
				new Answerability(AnswerFeatures.NAMES, new double[n], ones, new double[n], 0, 0));
		List<Answering.Outcome> outcomes = new ArrayList<>();
		for (LabelledQuestions.Question question : questions) {
			outcomes.add(always.answer(question.text(), KnowledgeFixtures.demoClinic(), KnowledgeFixtures.TODAY));
		}
		return outcomes;
	}

	@Test
	void theCommittedModelIsWhatTheTrainingGives() throws IOException {
		List<Integer> all = new ArrayList<>();
		for (int i = 0; i < questions.size(); i++) {
			if (outcomes.get(i).features() != null) {
				all.add(i);
			}
		}
		double[] outOfFold = crossValidated(all);
		double threshold = threshold(all, outOfFold);
		Trained trained = train(all);
		Answerability model = trained.model(threshold);
		// the weights give Tribuo's own probabilities
		for (int i : all.subList(0, 20)) {
			Prediction<Label> prediction = trained.tribuo().predict(example(standardised(trained, i), YES));
			assertThat(model.probability(outcomes.get(i).features()))
				.isCloseTo(prediction.getOutputScores().get(YES.getLabel()).getScore(), within(1e-6));
		}
		if (Boolean.getBoolean("knowledge.write-model")) {
			Files.writeString(Path.of("src/main/resources", Answerability.RESOURCE), model.write(header()),
					StandardCharsets.UTF_8);
			System.out.println("Answerability model written; run the tests again to read it");
			return;
		}
		// The sentence vectors differ in their last digits from one CPU to another, and
		// so do
		// the trained weights: compare what the two models decide, not their digits.
		Answerability committed = Answerability.load();
		int disagreements = 0;
		double largest = 0;
		for (int i : all) {
			double[] features = outcomes.get(i).features();
			largest = Math.max(largest, Math.abs(committed.probability(features) - model.probability(features)));
			disagreements += committed.answers(features) == model.answers(features) ? 0 : 1;
		}
		System.out.printf(Locale.ROOT,
				"Answerability model, committed against trained here: %d of %d decisions differ, largest probability difference %.4f, thresholds %.4f and %.4f%n",
				disagreements, all.size(), largest, committed.threshold(), model.threshold());
		assertThat(disagreements).as("decisions that differ; write the model again with " + COMMAND)
			.isLessThanOrEqualTo(all.size() / 100);
		assertThat(largest).as("largest probability difference; write the model again with " + COMMAND)
			.isLessThan(0.05);
	}

	/**
	 * Cross-validated on the training set: each fold's questions decided by a model
	 * trained without them (on the other folds and the two older sets).
	 */
	@Test
	void crossValidatedOnTheTrainingSet() {
		List<Integer> all = new ArrayList<>();
		for (int i = 0; i < questions.size(); i++) {
			if (outcomes.get(i).features() != null) {
				all.add(i);
			}
		}
		double[] outOfFold = crossValidated(all);
		double threshold = threshold(all, outOfFold);
		Map<String, int[]> byKind = new LinkedHashMap<>();
		int withFact = 0;
		int answerable = 0;
		for (int i : all) {
			LabelledQuestions.Question question = questions.get(i);
			if (!question.set().equals("training")) {
				continue;
			}
			boolean answered = outOfFold[i] >= threshold;
			int[] counts = byKind.computeIfAbsent(question.kind(), key -> new int[2]);
			counts[0]++;
			if (answered == question.answerable()) {
				counts[1]++;
			}
			if (question.answerable()) {
				answerable++;
				if (answered && question.fact().matcher(outcomes.get(i).candidate().text()).find()) {
					withFact++;
				}
			}
		}
		if (Boolean.getBoolean("knowledge.dump")) {
			for (int i : all) {
				LabelledQuestions.Question question = questions.get(i);
				Answering.Outcome outcome = outcomes.get(i);
				boolean answered = outOfFold[i] >= threshold;
				boolean recalled = outcome.hits()
					.stream()
					.limit(3)
					.anyMatch(hit -> question.expected().contains(hit.chunk().title()));
				boolean fact = question.fact() == null || question.fact().matcher(outcome.candidate().text()).find();
				StringBuilder f = new StringBuilder();
				for (double v : outcome.features()) {
					f.append(String.format(Locale.ROOT, "%.2f ", v));
				}
				System.out.printf(Locale.ROOT, "DUMP\t%s\t%s\t%.2f\t%s\t%s\t%s\t%s\t%s\t%s\t[%s]%n", question.set(),
						question.kind(), outOfFold[i], answered == question.answerable() ? "ok" : "WRONG",
						recalled ? "r" : "MISS", fact ? "f" : "NOFACT", question.text(),
						outcome.hits().stream().limit(3).map(hit -> hit.chunk().heading()).toList(),
						outcome.candidate().text().replace('\n', ' '), f);
			}
		}
		StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
				"Answerability, %d-fold cross-validated on the training set (threshold %.2f):", FOLDS, threshold));
		byKind.forEach((kind, counts) -> line.append(String.format(Locale.ROOT, " %s %s %.3f (%d/%d);", kind,
				ANSWERABLE(kind) ? "answered" : "not answered", counts[1] / (double) counts[0], counts[1], counts[0])));
		line.append(String.format(Locale.ROOT, " answerable answered with the fact %.3f (%d/%d)",
				withFact / (double) answerable, withFact, answerable));
		System.out.println(line);
		// reached: near-misses 0.832 (0.842 before service dogs became service animals),
		// unanswerable 0.900, advice 0.963, answered with the fact 0.839
		assertThat(byKind.get("near-miss")[1] / (double) byKind.get("near-miss")[0]).as("near-misses not answered")
			.isGreaterThanOrEqualTo(0.82);
		assertThat(byKind.get("unanswerable")[1] / (double) byKind.get("unanswerable")[0])
			.as("unanswerable not answered")
			.isGreaterThanOrEqualTo(0.85);
		assertThat(byKind.get("advice")[1] / (double) byKind.get("advice")[0]).as("advice not answered")
			.isGreaterThanOrEqualTo(0.95);
		assertThat(withFact / (double) answerable).as("answerable answered with the fact").isGreaterThanOrEqualTo(0.82);
	}

	private static boolean ANSWERABLE(String kind) {
		return LabelledQuestions.ANSWERABLE.equals(kind);
	}

	/** Out-of-fold probabilities for the questions listed (NaN elsewhere). */
	static double[] crossValidated(List<Integer> all) {
		List<Integer> training = new ArrayList<>();
		List<Integer> others = new ArrayList<>();
		for (int i : all) {
			(questions.get(i).set().equals("training") ? training : others).add(i);
		}
		Collections.shuffle(training, new Random(SEED));
		double[] probabilities = new double[questions.size()];
		java.util.Arrays.fill(probabilities, Double.NaN);
		for (int fold = 0; fold < FOLDS; fold++) {
			List<Integer> train = new ArrayList<>(others);
			List<Integer> test = new ArrayList<>();
			for (int j = 0; j < training.size(); j++) {
				(j % FOLDS == fold ? test : train).add(training.get(j));
			}
			Answerability model = train(train).model(0.5);
			for (int i : test) {
				probabilities[i] = model.probability(outcomes.get(i).features());
			}
		}
		// the older sets, decided by models trained without them
		for (String set : List.of("evaluation", "heldout")) {
			List<Integer> train = new ArrayList<>();
			List<Integer> test = new ArrayList<>();
			for (int i : all) {
				(questions.get(i).set().equals(set) ? test : train).add(i);
			}
			Answerability model = train(train).model(0.5);
			for (int i : test) {
				probabilities[i] = model.probability(outcomes.get(i).features());
			}
		}
		return probabilities;
	}

	/**
	 * The threshold that best balances answering the answerable and declining the rest,
	 * on out-of-fold probabilities, a wrong answer counting as {@link #WRONG_ANSWER_COST}
	 * needless handoffs (a patient told something the clinic never said is worse off than
	 * one whose question waits for the team).
	 */
	static double threshold(List<Integer> all, double[] probabilities) {
		double best = 0.5;
		double bestScore = -1;
		for (int step = 20; step <= 80; step++) {
			double threshold = step / 100.0;
			int yes = 0;
			int yesRight = 0;
			int no = 0;
			int noRight = 0;
			for (int i : all) {
				boolean answered = probabilities[i] >= threshold;
				if (questions.get(i).answerable()) {
					yes++;
					yesRight += answered ? 1 : 0;
				}
				else {
					no++;
					noRight += answered ? 0 : 1;
				}
			}
			double score = yesRight / (double) yes + WRONG_ANSWER_COST * noRight / (double) no;
			if (score > bestScore + 1e-9) {
				best = threshold;
				bestScore = score;
			}
		}
		return best;
	}

	record Trained(LinearSGDModel tribuo, double[] means, double[] scales) {

		Answerability model(double threshold) {
			DenseMatrix weights = tribuo.getWeightsCopy();
			int yes = tribuo.getOutputIDInfo().getID(YES);
			int no = tribuo.getOutputIDInfo().getID(NO);
			ImmutableFeatureMap features = tribuo.getFeatureIDMap();
			int n = AnswerFeatures.NAMES.size();
			double[] w = new double[n];
			for (int i = 0; i < n; i++) {
				int id = features.getID(AnswerFeatures.NAMES.get(i));
				w[i] = id < 0 ? 0 : weights.get(yes, id) - weights.get(no, id);
			}
			int bias = weights.getDimension2Size() - 1;
			return new Answerability(AnswerFeatures.NAMES, means, scales, w,
					weights.get(yes, bias) - weights.get(no, bias), threshold);
		}

	}

	static Trained train(List<Integer> rows) {
		int n = AnswerFeatures.NAMES.size();
		double[] means = new double[n];
		double[] scales = new double[n];
		for (int i : rows) {
			for (int f = 0; f < n; f++) {
				means[f] += outcomes.get(i).features()[f] / rows.size();
			}
		}
		for (int i : rows) {
			for (int f = 0; f < n; f++) {
				double d = outcomes.get(i).features()[f] - means[f];
				scales[f] += d * d / rows.size();
			}
		}
		for (int f = 0; f < n; f++) {
			scales[f] = scales[f] < 1e-12 ? 1 : Math.sqrt(scales[f]);
		}
		LabelFactory factory = new LabelFactory();
		MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("answerability", factory),
				factory);
		for (int i : rows) {
			double[] x = new double[n];
			for (int f = 0; f < n; f++) {
				x[f] = (outcomes.get(i).features()[f] - means[f]) / scales[f];
			}
			data.add(example(x, questions.get(i).answerable() ? YES : NO));
		}
		LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), 60, 100_000, 1,
				SEED);
		return new Trained(trainer.train(data), means, scales);
	}

	private static double[] standardised(Trained trained, int i) {
		double[] x = outcomes.get(i).features().clone();
		for (int f = 0; f < x.length; f++) {
			x[f] = (x[f] - trained.means()[f]) / trained.scales()[f];
		}
		return x;
	}

	private static Example<Label> example(double[] x, Label label) {
		return new ArrayExample<>(label, AnswerFeatures.NAMES.toArray(String[]::new), x);
	}

	private static String header() {
		return "# The knowledge base's answerability model: a logistic regression over AnswerFeatures, trained by\n"
				+ "# AnswerabilityTrainingTests on resources/knowledge/{training,evaluation,heldout}.tsv over the demo\n"
				+ "# knowledge base (Tribuo LinearSGDTrainer, log loss, AdaGrad, fixed seed). Do not edit by hand; make it\n"
				+ "# again with: " + COMMAND + "\n";
	}

}
