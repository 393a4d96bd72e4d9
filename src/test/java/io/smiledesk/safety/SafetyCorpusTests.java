package io.smiledesk.safety;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the screen on a labelled corpus of patient messages (test resources
 * safety/safety-corpus.tsv), prints recall and precision per level and every miss.
 * <p>
 * The same author wrote the corpus (first) and the rules, so the figures flatter the
 * screen. Before tuning, the first 278 messages scored emergency recall 98%, risk recall
 * 100%, 1/118 false alarms; the held-out batch at the end, written later and scored once
 * before further changes, scored emergencies 17/17, risks 18/20, false alarms 0/21.
 */
class SafetyCorpusTests {

	record Example(Level level, Topic topic, String message) {
	}

	private final SafetyScreen screen = new SafetyScreen();

	record Scores(int size, double emergencyRecall, double riskRecall, int falseAlarms, int benign) {
	}

	@Test
	void findsEveryEmergencyAndNearlyEveryRiskWithFewFalseAlarms() throws Exception {
		Scores scores = measure("safety corpus", "/safety/safety-corpus.tsv");
		assertThat(scores.size()).isGreaterThanOrEqualTo(200);
		assertThat(scores.emergencyRecall()).as("emergency recall").isEqualTo(1.0);
		assertThat(scores.riskRecall()).as("risk recall").isGreaterThanOrEqualTo(0.95);
		assertThat((double) scores.falseAlarms() / scores.benign()).as("benign false alarms").isLessThanOrEqualTo(0.05);
	}

	/**
	 * 120 messages written by a tester who never saw the rules or the corpus above
	 * (safety/safety-heldout.tsv). Its first run, before any change: emergency recall 97%
	 * (a fever written as "38.5 temperature" was missed), risk recall 93%, 1/50 false
	 * alarms. Temperatures and two advice phrasings were added to the lexicon after that.
	 */
	@Test
	void holdsOnMessagesWrittenWithoutSeeingTheRules() throws Exception {
		Scores scores = measure("safety held-out", "/safety/safety-heldout.tsv");
		assertThat(scores.size()).isGreaterThanOrEqualTo(100);
		assertThat(scores.emergencyRecall()).as("emergency recall").isGreaterThanOrEqualTo(0.95);
		assertThat(scores.riskRecall()).as("risk recall").isGreaterThanOrEqualTo(0.9);
		assertThat((double) scores.falseAlarms() / scores.benign()).as("benign false alarms").isLessThanOrEqualTo(0.1);
	}

	private Scores measure(String name, String resource) throws Exception {
		List<Example> corpus = corpus(resource);
		Map<Level, int[]> counts = new EnumMap<>(Level.class);
		for (Level level : Level.values()) {
			// labelled, assessed, both
			counts.put(level, new int[3]);
		}
		List<String> misses = new ArrayList<>();
		int topicsRight = 0;
		int flaggedRight = 0;
		for (Example example : corpus) {
			SafetyAssessment actual = screen.assess(example.message());
			counts.get(example.level())[0]++;
			counts.get(actual.level())[1]++;
			if (actual.level() == example.level()) {
				counts.get(actual.level())[2]++;
				if (actual.level() != Level.NONE) {
					flaggedRight++;
					topicsRight += actual.topic() == example.topic() ? 1 : 0;
				}
			}
			else {
				misses.add("%s expected %s, got %s/%s: %s  [%s]".formatted(
						actual.level().compareTo(example.level()) < 0 ? "MISS " : "ALARM", example.level(),
						actual.level(), actual.topic(), example.message(), actual.reason()));
			}
		}
		int benign = counts.get(Level.NONE)[0];
		int falseAlarms = benign - counts.get(Level.NONE)[2];
		System.out.printf(
				"%s: %d messages; emergency recall %s precision %s; risk recall %s precision %s; benign false alarms %d/%d; topic right on %d/%d flagged%n",
				name, corpus.size(), recall(counts.get(Level.EMERGENCY)), precision(counts.get(Level.EMERGENCY)),
				recall(counts.get(Level.RISK)), precision(counts.get(Level.RISK)), falseAlarms, benign, topicsRight,
				flaggedRight);
		misses.forEach((miss) -> System.out.println("  " + miss));
		return new Scores(corpus.size(), ratio(counts.get(Level.EMERGENCY), 0), ratio(counts.get(Level.RISK), 0),
				falseAlarms, benign);
	}

	/** Emergencies screened as risks still reach staff, but not urgently: a miss. */
	private static double ratio(int[] count, int of) {
		return count[of] == 0 ? 1.0 : (double) count[2] / count[of];
	}

	private static String recall(int[] count) {
		return "%.0f%%".formatted(100 * ratio(count, 0));
	}

	private static String precision(int[] count) {
		return "%.0f%%".formatted(100 * ratio(count, 1));
	}

	static List<Example> corpus(String resource) throws Exception {
		List<Example> examples = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(SafetyCorpusTests.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
			reader.readLine();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] columns = line.split("\t", 3);
				examples.add(new Example(Level.valueOf(columns[0]), Topic.valueOf(columns[1]), columns[2]));
			}
		}
		return examples;
	}

}
