package io.smiledesk.safety;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

	record Example(Level level, Topic topic, String language, String message) {

		Example(Level level, Topic topic, String message) {
			this(level, topic, "en", message);
		}

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
	 * <p>
	 * When general information stopped counting as clinical advice, two of its
	 * RISK/CLINICAL_ADVICE labels (aftercare questions naming no symptom) became NONE,
	 * marked in the file. On the relabelled set the screen scored risk recall 37/38 and
	 * 3/52 false alarms before that change, 34/38 and 1/52 after it: three risks it found
	 * only through an advice phrase were missed. The set was not tuned on, so the risk
	 * floor follows the drop (0.89, from 0.9). After Spanish and French: 35/38 and 1/52
	 * (one of the three is found again by a rule the tuning set asked for in all three
	 * languages, wisdom teeth taken out as recent surgery; one false alarm is new, one
	 * old one gone); emergencies 30/30 throughout.
	 */
	@Test
	void holdsOnMessagesWrittenWithoutSeeingTheRules() throws Exception {
		Scores scores = measure("safety held-out", "/safety/safety-heldout.tsv");
		assertThat(scores.size()).isGreaterThanOrEqualTo(100);
		assertThat(scores.emergencyRecall()).as("emergency recall").isGreaterThanOrEqualTo(0.95);
		assertThat(scores.riskRecall()).as("risk recall").isGreaterThanOrEqualTo(0.89);
		assertThat((double) scores.falseAlarms() / scores.benign()).as("benign false alarms").isLessThanOrEqualTo(0.1);
	}

	/**
	 * The knowledge base's labelled patient questions (knowledge/training.tsv, written
	 * blind from the product brief): {@code advice} asks about the patient's own
	 * condition and must reach staff; every other kind (answerable, near-miss,
	 * unanswerable) is a general question the knowledge base answers or hands over as not
	 * found, and must not be screened as a risk. Before general information stopped
	 * counting as advice: advice 23/27, 20/361 others flagged. Tuned on it since: advice
	 * 27/27 and 4/361 others flagged, three by decision (they name an emergency in a
	 * general question: "what should you do if a tooth gets knocked out") and one asking
	 * for the patient's blood pressure readings.
	 */
	@Test
	void tellsAdviceAboutTheirOwnConditionFromGeneralQuestions() throws Exception {
		Scores scores = measure("knowledge questions", questions("/knowledge/training.tsv"));
		assertThat(scores.size()).isGreaterThanOrEqualTo(300);
		assertThat(scores.riskRecall()).as("advice recall").isGreaterThanOrEqualTo(0.95);
		assertThat((double) scores.falseAlarms() / scores.benign()).as("general questions screened as risks")
			.isLessThanOrEqualTo(0.02);
	}

	/**
	 * A tuning set written blind from the product brief while general information stopped
	 * counting as advice and Spanish and French were added (safety/safety-tuning.tsv:
	 * level, topic, language, message). The rules were tuned on it, so its figures
	 * flatter the screen. First runs: English (general questions against the patient's
	 * own condition) risk recall 34/52, 4/52 false alarms; Spanish and French, with the
	 * English lexicon only, emergency recall 0/36 and 0/28, risk recall 10/41 and 10/34.
	 */
	@Test
	void holdsInEnglishSpanishAndFrenchOnTheTuningSet() throws Exception {
		Map<String, Scores> scores = measurePerLanguage("safety tuning", tuning("/safety/safety-tuning.tsv"));
		assertThat(scores.keySet()).containsExactly("en", "es", "fr");
		scores.forEach((language, figures) -> {
			assertThat(figures.size()).as(language).isGreaterThanOrEqualTo(90);
			assertThat(figures.emergencyRecall()).as(language + " emergency recall").isEqualTo(1.0);
			assertThat(figures.riskRecall()).as(language + " risk recall").isGreaterThanOrEqualTo(0.95);
			assertThat((double) figures.falseAlarms() / figures.benign()).as(language + " false alarms")
				.isLessThanOrEqualTo(0.05);
		});
	}

	/**
	 * A second tuning set written blind (2026-12-02, by another author, after the
	 * reporting set's first measurement): emergencies and risks told indirectly, in
	 * everyday words, with near-misses. Its figures are printed with its misses, held to
	 * floors.
	 */
	@Test
	void holdsOnTheSecondTuningSet() throws Exception {
		Map<String, Scores> scores = measurePerLanguage("safety tuning 2", tuning("/safety/safety-tuning-2.tsv"));
		scores.forEach((language, figures) -> {
			assertThat(figures.emergencyRecall()).as(language + " emergency recall")
				.isGreaterThanOrEqualTo(SECOND_TUNING_EMERGENCY_RECALL);
			assertThat(figures.riskRecall()).as(language + " risk recall")
				.isGreaterThanOrEqualTo(SECOND_TUNING_RISK_RECALL);
		});
	}

	/**
	 * First run: en 19/35, es 28/35, fr 25/35; after tuning on it 33/35, 35/35, 34/35.
	 */
	static final double SECOND_TUNING_EMERGENCY_RECALL = 0.93;

	/** First run: en 30/36, es 27/36, fr 30/36; after tuning 36/36, 28/36, 31/36. */
	static final double SECOND_TUNING_RISK_RECALL = 0.75;

	/**
	 * A third tuning set written blind (2026-12-02): Spanish and French emergencies
	 * texted from a phone, regional words and abbreviations, with risks and near-misses.
	 */
	@Test
	void holdsOnTheThirdTuningSet() throws Exception {
		Map<String, Scores> scores = measurePerLanguage("safety tuning 3", tuning("/safety/safety-tuning-3.tsv"));
		assertThat(scores.keySet()).containsExactly("es", "fr");
		scores.forEach((language, figures) -> assertThat(figures.emergencyRecall()).as(language + " emergency recall")
			.isGreaterThanOrEqualTo(THIRD_TUNING_EMERGENCY_RECALL));
	}

	/** First run: es 29/40, fr 30/40; after tuning on it 39/40 each. */
	static final double THIRD_TUNING_EMERGENCY_RECALL = 0.95;

	/**
	 * A reporting set written blind by the tuning set's author, apart from it
	 * (safety/safety-report.tsv): never tuned on, its misses are not printed. Measured
	 * once, at the end of the work it reports on.
	 */
	@Test
	void holdsOnTheReportingSetWrittenApart() throws Exception {
		Map<String, Scores> scores = measurePerLanguage("safety reporting", tuning("/safety/safety-report.tsv"));
		scores.forEach((language, figures) -> {
			assertThat(figures.emergencyRecall()).as(language + " emergency recall")
				.isGreaterThanOrEqualTo(REPORT_EMERGENCY_RECALL);
			assertThat(figures.riskRecall()).as(language + " risk recall").isGreaterThanOrEqualTo(REPORT_RISK_RECALL);
		});
	}

	/** First measured 2026-12-02: es 15/21, fr 10/17 (none labelled in en). */
	static final double REPORT_EMERGENCY_RECALL = 0.55;

	/** First measured 2026-12-02: en 19/31, es 14/24, fr 16/20. */
	static final double REPORT_RISK_RECALL = 0.55;

	private Map<String, Scores> measurePerLanguage(String name, List<Example> examples) {
		Map<String, Scores> scores = new TreeMap<>();
		for (String language : examples.stream().map(Example::language).distinct().sorted().toList()) {
			scores.put(language, measure(name + " (" + language + ")",
					examples.stream().filter((example) -> example.language().equals(language)).toList()));
		}
		return scores;
	}

	private Scores measure(String name, String resource) throws Exception {
		return measure(name, corpus(resource));
	}

	private Scores measure(String name, List<Example> corpus) {
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
					topicsRight += (example.topic() == null || actual.topic() == example.topic()) ? 1 : 0;
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
		if (!name.contains("reporting")) {
			misses.forEach((miss) -> System.out.println("  " + miss));
		}
		return new Scores(corpus.size(), ratio(counts.get(Level.EMERGENCY), 0), ratio(counts.get(Level.RISK), 0),
				falseAlarms, benign);
	}

	/** Emergencies screened as risks still reach staff, but not urgently: a miss. */
	private static double ratio(int[] count, int of) {
		return count[of] == 0 ? 1.0 : (double) count[2] / count[of];
	}

	private static String recall(int[] count) {
		return figure(count, 0);
	}

	private static String precision(int[] count) {
		return figure(count, 1);
	}

	private static String figure(int[] count, int of) {
		return count[of] == 0 ? "-" : "%.0f%% (%d/%d)".formatted(100 * ratio(count, of), count[2], count[of]);
	}

	/** Knowledge questions: {@code advice} is a risk, every other kind nothing. */
	static List<Example> questions(String resource) throws Exception {
		List<Example> examples = new ArrayList<>();
		for (String[] columns : rows(resource, 4)) {
			boolean advice = columns[0].equals("advice");
			// the topic of an advice question is not labelled
			examples.add(new Example(advice ? Level.RISK : Level.NONE, null, columns[3]));
		}
		return examples;
	}

	/** The tuning set's own names for two topics. */
	static List<Example> tuning(String resource) throws Exception {
		List<Example> examples = new ArrayList<>();
		for (String[] columns : rows(resource, 4)) {
			if (!columns[0].equals("level")) {
				String topic = switch (columns[1]) {
					case "HEART" -> "HEART_CONDITION";
					case "TRAUMA" -> "DENTAL_TRAUMA";
					default -> columns[1];
				};
				examples.add(new Example(Level.valueOf(columns[0]), Topic.valueOf(topic), columns[2], columns[3]));
			}
		}
		return examples;
	}

	static List<Example> corpus(String resource) throws Exception {
		List<Example> examples = new ArrayList<>();
		for (String[] columns : rows(resource, 3)) {
			if (!columns[0].equals("level")) {
				examples.add(new Example(Level.valueOf(columns[0]), Topic.valueOf(columns[1]), columns[2]));
			}
		}
		return examples;
	}

	/** Tab-separated rows without blank and comment lines, the last column unsplit. */
	static List<String[]> rows(String resource, int columns) throws Exception {
		List<String[]> rows = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(SafetyCorpusTests.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank() && !line.startsWith("#")) {
					rows.add(line.split("\t", columns));
				}
			}
		}
		return rows;
	}

}
