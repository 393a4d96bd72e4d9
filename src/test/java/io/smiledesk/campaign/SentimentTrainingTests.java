package io.smiledesk.campaign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import io.smiledesk.system.SentenceEmbeddings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trains the reply sentiment model (multinomial logistic regression, full-batch gradient
 * descent with L2, no randomness) on the tuning set only, checks that the committed
 * {@code resources/campaign/sentiment-model.tsv} is what this training gives, and prints
 * 10-fold cross-validated accuracy on the tuning set for a few strengths of
 * regularisation. The reporting set is scored in {@link ReplyReadingCorpusTests}, never
 * here. To write the model again after changing the features or the set:
 *
 * <pre>
 * ./mvnw -q -B test -Dtest=SentimentTrainingTests -Dcampaign.write-model=true
 * </pre>
 */
class SentimentTrainingTests {

	static final String COMMAND = "./mvnw -q -B test -Dtest=SentimentTrainingTests -Dcampaign.write-model=true";

	static final double LAMBDA = 0.1;

	static final int ITERATIONS = 600;

	static final double RATE = 0.5;

	static final int FOLDS = 10;

	static List<double[]> features;

	static List<Sentiment> labels;

	@BeforeAll
	static void measure() {
		SentenceEmbeddings embeddings = new SentenceEmbeddings();
		features = new ArrayList<>();
		labels = new ArrayList<>();
		for (ReplyReadingCorpusTests.Case each : ReplyReadingCorpusTests.cases("replies-tuning.tsv")) {
			features.add(SentimentModel.features(ReplyReading.cues(each.text()), embeddings.embed(each.text())));
			labels.add(each.sentiment());
		}
	}

	@Test
	void theCommittedModelIsWhatTheTrainingGives() throws IOException {
		SentimentModel model = train(features, labels, LAMBDA);
		if (Boolean.getBoolean("campaign.write-model")) {
			Files.writeString(Path.of("src/main/resources" + SentimentModel.RESOURCE), model.write(header()),
					StandardCharsets.UTF_8);
			System.out.println("Sentiment model written; run the tests again to read it");
			return;
		}
		// The sentence vectors differ in their last digits from one CPU to another, and
		// so do
		// the trained weights: compare what the two models decide, not their digits.
		SentimentModel committed = SentimentModel.load();
		int disagreements = 0;
		double largest = 0;
		for (double[] each : features) {
			double[] ours = committed.probabilities(each);
			double[] trained = model.probabilities(each);
			for (int c = 0; c < ours.length; c++) {
				largest = Math.max(largest, Math.abs(ours[c] - trained[c]));
			}
			disagreements += committed.predict(each) == model.predict(each) ? 0 : 1;
		}
		System.out.printf(Locale.ROOT,
				"Sentiment model, committed against trained here: %d of %d decisions differ, largest probability difference %.4f%n",
				disagreements, features.size(), largest);
		assertThat(disagreements).as("decisions that differ; write the model again with " + COMMAND)
			.isLessThanOrEqualTo(features.size() / 100);
		assertThat(largest).as("largest probability difference; write the model again with " + COMMAND)
			.isLessThan(0.05);
	}

	@Test
	void crossValidatedOnTheTuningSet() {
		for (double lambda : new double[] { 0.003, 0.01, 0.03, 0.1, 0.3 }) {
			int correct = 0;
			for (int fold = 0; fold < FOLDS; fold++) {
				List<double[]> trainX = new ArrayList<>();
				List<Sentiment> trainY = new ArrayList<>();
				for (int i = 0; i < features.size(); i++) {
					if (i % FOLDS != fold) {
						trainX.add(features.get(i));
						trainY.add(labels.get(i));
					}
				}
				SentimentModel model = train(trainX, trainY, lambda);
				for (int i = fold; i < features.size(); i += FOLDS) {
					if (model.predict(features.get(i)) == labels.get(i)) {
						correct++;
					}
				}
			}
			System.out.printf(Locale.ROOT,
					"Sentiment model, tuning set, %d-fold cross-validated, lambda %.3f: %d/%d (%.3f)%n", FOLDS, lambda,
					correct, features.size(), (double) correct / features.size());
		}
		int lexicon = 0;
		for (ReplyReadingCorpusTests.Case each : ReplyReadingCorpusTests.cases("replies-tuning.tsv")) {
			lexicon += ReplyReading.sentiment(each.text()) == each.sentiment() ? 1 : 0;
		}
		System.out.printf(Locale.ROOT, "Lexicon alone, tuning set: %d/%d%n", lexicon, features.size());
	}

	static SentimentModel train(List<double[]> x, List<Sentiment> y, double lambda) {
		int n = x.size();
		int d = x.get(0).length;
		int k = Sentiment.values().length;
		double[] means = new double[d];
		double[] scales = new double[d];
		for (double[] row : x) {
			for (int f = 0; f < d; f++) {
				means[f] += row[f] / n;
			}
		}
		for (double[] row : x) {
			for (int f = 0; f < d; f++) {
				scales[f] += (row[f] - means[f]) * (row[f] - means[f]) / n;
			}
		}
		for (int f = 0; f < d; f++) {
			scales[f] = scales[f] > 1e-12 ? Math.sqrt(scales[f]) : 1;
		}
		double[][] z = new double[n][d];
		for (int i = 0; i < n; i++) {
			for (int f = 0; f < d; f++) {
				z[i][f] = (x.get(i)[f] - means[f]) / scales[f];
			}
		}
		double[][] w = new double[k][d];
		double[] b = new double[k];
		for (int iteration = 0; iteration < ITERATIONS; iteration++) {
			double[][] gw = new double[k][d];
			double[] gb = new double[k];
			for (int i = 0; i < n; i++) {
				double[] logits = new double[k];
				for (int c = 0; c < k; c++) {
					double sum = b[c];
					for (int f = 0; f < d; f++) {
						sum += w[c][f] * z[i][f];
					}
					logits[c] = sum;
				}
				double[] p = SentimentModel.softmax(logits);
				for (int c = 0; c < k; c++) {
					double error = p[c] - (y.get(i).ordinal() == c ? 1 : 0);
					gb[c] += error / n;
					for (int f = 0; f < d; f++) {
						gw[c][f] += error * z[i][f] / n;
					}
				}
			}
			for (int c = 0; c < k; c++) {
				b[c] -= RATE * gb[c];
				for (int f = 0; f < d; f++) {
					w[c][f] -= RATE * (gw[c][f] + lambda * w[c][f]);
				}
			}
		}
		return new SentimentModel(means, scales, w, b);
	}

	static String header() {
		return """
				# Sentiment of patients' replies to campaigns: a multinomial logistic regression over lexicon cues and
				# the reply's all-MiniLM-L6-v2 vector, trained by SentimentTrainingTests on
				# test/resources/campaign/replies-tuning.tsv only (full-batch gradient descent, L2, no randomness).
				# Do not edit by hand; write it again with
				# %s
				# feature	mean	scale	w_positive	w_neutral	w_negative
				""".formatted(COMMAND);
	}

}
