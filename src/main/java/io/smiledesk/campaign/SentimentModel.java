package io.smiledesk.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A multinomial logistic regression over a reply's sentence vector and its lexicon cues,
 * trained by {@code SentimentTrainingTests} on the tuning set of labelled replies and
 * stored in {@value #RESOURCE}. Features are standardised with the training set's means
 * and scales before the weights apply.
 */
final class SentimentModel {

	static final String RESOURCE = "/campaign/sentiment-model.tsv";

	static final List<String> CUES = List.of("positive", "negative", "negated_positive", "negative_phrases",
			"positive_phrases", "exclamations", "question", "shouting", "declines", "accepts", "lexicon_score");

	private static final Sentiment[] CLASSES = Sentiment.values();

	private final double[] means;

	private final double[] scales;

	/** One row per {@link Sentiment}, one column per feature. */
	private final double[][] weights;

	private final double[] biases;

	SentimentModel(double[] means, double[] scales, double[][] weights, double[] biases) {
		this.means = means;
		this.scales = scales;
		this.weights = weights;
		this.biases = biases;
	}

	/** The cues, then the sentence vector. */
	static double[] features(ReplyReading.Cues cues, float[] vector) {
		double[] features = new double[CUES.size() + vector.length];
		int score = cues.positive() - cues.negative() - cues.negatedPositive() + cues.positivePhrases()
				- 2 * cues.negativePhrases();
		double[] counted = { cues.positive(), cues.negative(), cues.negatedPositive(), cues.negativePhrases(),
				cues.positivePhrases(), Math.min(cues.exclamations(), 3), cues.question() ? 1 : 0,
				cues.shouting() ? 1 : 0, cues.declines() ? 1 : 0, cues.accepts() ? 1 : 0, score };
		System.arraycopy(counted, 0, features, 0, counted.length);
		for (int i = 0; i < vector.length; i++) {
			features[CUES.size() + i] = vector[i];
		}
		return features;
	}

	Sentiment predict(double[] features) {
		double[] p = probabilities(features);
		int best = 0;
		for (int c = 1; c < p.length; c++) {
			if (p[c] > p[best]) {
				best = c;
			}
		}
		return CLASSES[best];
	}

	double[] probabilities(double[] features) {
		double[] logits = new double[CLASSES.length];
		for (int c = 0; c < CLASSES.length; c++) {
			double sum = biases[c];
			for (int f = 0; f < features.length; f++) {
				sum += weights[c][f] * (features[f] - means[f]) / scales[f];
			}
			logits[c] = sum;
		}
		return softmax(logits);
	}

	static double[] softmax(double[] logits) {
		double max = Double.NEGATIVE_INFINITY;
		for (double logit : logits) {
			max = Math.max(max, logit);
		}
		double total = 0;
		double[] p = new double[logits.length];
		for (int i = 0; i < logits.length; i++) {
			p[i] = Math.exp(logits[i] - max);
			total += p[i];
		}
		for (int i = 0; i < p.length; i++) {
			p[i] /= total;
		}
		return p;
	}

	double[][] weights() {
		return weights;
	}

	double[] biases() {
		return biases;
	}

	double[] means() {
		return means;
	}

	double[] scales() {
		return scales;
	}

	/**
	 * The model as text: a header, then
	 * {@code mean scale w_positive w_neutral w_negative} per feature.
	 */
	String write(String header) {
		StringBuilder out = new StringBuilder(header);
		out.append("bias\t\t");
		for (double bias : biases) {
			out.append('\t').append(number(bias));
		}
		out.append('\n');
		for (int f = 0; f < means.length; f++) {
			out.append(f < CUES.size() ? CUES.get(f) : "v" + (f - CUES.size()))
				.append('\t')
				.append(number(means[f]))
				.append('\t')
				.append(number(scales[f]));
			for (int c = 0; c < CLASSES.length; c++) {
				out.append('\t').append(number(weights[c][f]));
			}
			out.append('\n');
		}
		return out.toString();
	}

	static SentimentModel load() {
		try (InputStream in = SentimentModel.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("No sentiment model at " + RESOURCE);
			}
			List<String[]> rows = new ArrayList<>();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank() && !line.startsWith("#")) {
					rows.add(line.split("\t", -1));
				}
			}
			double[] biases = new double[CLASSES.length];
			for (int c = 0; c < CLASSES.length; c++) {
				biases[c] = Double.parseDouble(rows.get(0)[3 + c]);
			}
			int n = rows.size() - 1;
			double[] means = new double[n];
			double[] scales = new double[n];
			double[][] weights = new double[CLASSES.length][n];
			for (int f = 0; f < n; f++) {
				String[] row = rows.get(f + 1);
				means[f] = Double.parseDouble(row[1]);
				scales[f] = Double.parseDouble(row[2]);
				for (int c = 0; c < CLASSES.length; c++) {
					weights[c][f] = Double.parseDouble(row[3 + c]);
				}
			}
			return new SentimentModel(means, scales, weights, biases);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String number(double value) {
		return String.format(Locale.ROOT, "%.6g", value);
	}

}
