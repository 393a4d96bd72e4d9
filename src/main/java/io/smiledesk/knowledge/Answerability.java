package io.smiledesk.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides whether the knowledge base answers a question: a logistic regression over
 * {@link AnswerFeatures}, its weights in {@code resources/knowledge/answerability.tsv}
 * (trained on labelled patient questions by {@code AnswerabilityTrainingTests}, which
 * also shows the file is what the training gives). Deterministic and cheap: one dot
 * product per question.
 *
 * @param names the features, in order
 * @param means subtracted from each feature
 * @param scales each feature divided by
 * @param weights of the standardised features
 * @param bias the intercept
 * @param threshold the probability from which the question counts as answered
 */
record Answerability(List<String> names, double[] means, double[] scales, double[] weights, double bias,
		double threshold) {

	static final String RESOURCE = "knowledge/answerability.tsv";

	Answerability {
		names = List.copyOf(names);
		if (means.length != names.size() || scales.length != names.size() || weights.length != names.size()) {
			throw new IllegalArgumentException("One mean, scale and weight per feature");
		}
		if (!names.equals(AnswerFeatures.NAMES)) {
			throw new IllegalArgumentException("The model's features " + names + " are not " + AnswerFeatures.NAMES);
		}
	}

	/** The probability that the knowledge base answers a question with these features. */
	double probability(double[] features) {
		double z = bias;
		for (int i = 0; i < weights.length; i++) {
			z += weights[i] * (features[i] - means[i]) / scales[i];
		}
		return 1 / (1 + Math.exp(-z));
	}

	boolean answers(double[] features) {
		return probability(features) >= threshold;
	}

	static Answerability load() {
		Map<String, Double> settings = new HashMap<>();
		List<String> names = new ArrayList<>();
		List<double[]> rows = new ArrayList<>();
		for (String[] pair : PatientWords.pairs(RESOURCE)) {
			String[] values = pair[1].split("\t");
			if (values.length == 1) {
				settings.put(pair[0], Double.parseDouble(values[0]));
			}
			else if (values.length == 3) {
				names.add(pair[0]);
				rows.add(new double[] { Double.parseDouble(values[0]), Double.parseDouble(values[1]),
						Double.parseDouble(values[2]) });
			}
			else {
				throw new IllegalStateException("Unexpected line in " + RESOURCE + ": " + pair[0]);
			}
		}
		double[] means = new double[rows.size()];
		double[] scales = new double[rows.size()];
		double[] weights = new double[rows.size()];
		for (int i = 0; i < rows.size(); i++) {
			means[i] = rows.get(i)[0];
			scales[i] = rows.get(i)[1];
			weights[i] = rows.get(i)[2];
		}
		return new Answerability(names, means, scales, weights, required(settings, "bias"),
				required(settings, "threshold"));
	}

	private static double required(Map<String, Double> settings, String name) {
		Double value = settings.get(name);
		if (value == null) {
			throw new IllegalStateException(RESOURCE + " has no " + name);
		}
		return value;
	}

	/** The model as its resource file, with a header saying how to make it again. */
	String write(String header) {
		StringBuilder text = new StringBuilder(header);
		text.append(String.format(Locale.ROOT, "bias\t%.6f%nthreshold\t%.4f%n", bias, threshold));
		text.append("# feature\tmean\tscale\tweight\n");
		for (int i = 0; i < names.size(); i++) {
			text.append(String.format(Locale.ROOT, "%s\t%.6f\t%.6f\t%.6f%n", names.get(i), means[i], scales[i],
					weights[i]));
		}
		return text.toString();
	}

}
