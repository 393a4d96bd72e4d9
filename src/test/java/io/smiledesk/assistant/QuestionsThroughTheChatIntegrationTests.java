package io.smiledesk.assistant;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.smiledesk.conversation.ChatReply;
import io.smiledesk.conversation.ConversationChannel;
import io.smiledesk.conversation.ConversationStatus;
import io.smiledesk.conversation.PatientMessages;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Patients' questions asked through the chat, each as a new conversation, as a patient
 * meets them: an answerable question must be answered with its fact (the labelled regular
 * expression found in the reply); a near-miss, an unanswerable question or advice about
 * the patient's own condition must go to staff without being answered. Columns: kind,
 * expected document, fact, question.
 */
@IntegrationTest
class QuestionsThroughTheChatIntegrationTests {

	@Autowired
	PatientMessages patientMessages;

	@Autowired
	TestData data;

	/** The training set, tuned on: the figures show what tuning reached. */
	@Test
	void trainingQuestionsThroughTheChat() throws IOException {
		Map<String, double[]> shares = measure("chat questions (training, tuned on)", "/knowledge/training.tsv", true);

		assertThat(shares.get("answerable")[0]).as("answered with the fact").isGreaterThanOrEqualTo(TRAINING_FACT);
		assertThat(shares.get("near-miss")[0]).as("near-misses to staff").isGreaterThanOrEqualTo(TRAINING_NEAR_MISS);
	}

	/**
	 * A second tuning set (resources/knowledge/questions-tuning-2.tsv, 92 questions),
	 * written blind from the documents and settings by another author; tuned on after its
	 * first measurement, so its floors are just under that.
	 */
	@Test
	void secondTuningQuestionsThroughTheChat() throws IOException {
		Map<String, double[]> shares = measure("chat questions (tuning 2)", "/knowledge/questions-tuning-2.tsv", true);

		assertThat(shares.get("answerable")[0]).as("answered with the fact").isGreaterThanOrEqualTo(TUNING_2_FACT);
		assertThat(shares.get("near-miss")[0]).as("near-misses to staff").isGreaterThanOrEqualTo(TUNING_2_NEAR_MISS);
	}

	/**
	 * A reporting set written blind by another author, never tuned on; its misses are not
	 * printed (only its figures are). Measured once, at the end of the work it reports
	 * on.
	 */
	@Test
	void reportingQuestionsThroughTheChat() throws IOException {
		Map<String, double[]> shares = measure("chat questions (reporting)", "/knowledge/questions-report.tsv", false);

		assertThat(shares.get("answerable")[0]).as("answered with the fact").isGreaterThanOrEqualTo(REPORT_FACT);
		assertThat(shares.get("near-miss")[0]).as("near-misses to staff").isGreaterThanOrEqualTo(REPORT_NEAR_MISS);
	}

	/** Measured 2026-12-02: 161 of 236 (0.682); 2026-12-03: 193 of 236 (0.818). */
	static final double TRAINING_FACT = 0.80;

	/**
	 * Measured 2026-12-02: 64 of 95 (0.674); 2026-12-03: 80 of 95 (0.842), then 81 of 95
	 * (0.853) once an unstated detail is handed over.
	 */
	static final double TRAINING_NEAR_MISS = 0.84;

	/**
	 * First measured 2026-12-03, before any change: 26 of 54 (0.481); later that day 31
	 * of 54 (0.574).
	 */
	static final double TUNING_2_FACT = 0.55;

	/**
	 * First measured 2026-12-03, before any change: 12 of 28 (0.429); later that day 17
	 * of 28, then 21 of 28 (0.750) once a detail the passage does not state (an age, a
	 * rate, how often) is handed over.
	 */
	static final double TUNING_2_NEAR_MISS = 0.72;

	/** First measured 2026-12-02: 41 of 79 (0.519). */
	static final double REPORT_FACT = 0.48;

	/** First measured 2026-12-02: 27 of 35 (0.771). */
	static final double REPORT_NEAR_MISS = 0.74;

	/**
	 * @param tuning whether the set may be tuned on: only then are its misses printed
	 */
	private Map<String, double[]> measure(String name, String resource, boolean tuning) throws IOException {
		Map<String, int[]> counts = new LinkedHashMap<>();
		List<String> misses = new ArrayList<>();
		for (String[] row : rows(resource)) {
			data.reset();
			String kind = row[0];
			ChatReply reply = ChatReply.of(patientMessages.receive(null, row[3], ConversationChannel.WEB));
			String text = reply.reply() == null ? "" : reply.reply();
			boolean handedOver = reply.status() == ConversationStatus.HANDOFF_REQUIRED;
			boolean right;
			if (kind.equals("answerable")) {
				right = Pattern.compile(row[2], Pattern.CASE_INSENSITIVE).matcher(text).find();
			}
			else {
				// not answered: to staff, with no passage passed off as the answer
				right = handedOver && !text.contains("(Source:");
			}
			int[] count = counts.computeIfAbsent(kind, key -> new int[2]);
			count[1]++;
			count[0] += right ? 1 : 0;
			if (!right && tuning) {
				misses.add(kind + ": " + row[3] + " -> " + reply.status() + " \"" + text.replace('\n', ' ') + "\"");
			}
		}
		if (tuning) {
			misses.forEach(miss -> System.out.println("  missed " + miss));
		}
		Map<String, double[]> shares = new LinkedHashMap<>();
		StringBuilder line = new StringBuilder(name + ":");
		counts.forEach((kind, count) -> {
			shares.put(kind, new double[] { count[0] / (double) count[1] });
			line.append(String.format(Locale.ROOT, " %s %s %.3f (%d/%d);", kind,
					kind.equals("answerable") ? "answered with the fact" : "to staff", count[0] / (double) count[1],
					count[0], count[1]));
		});
		System.out.println(line);
		return shares;
	}

	private static List<String[]> rows(String resource) throws IOException {
		List<String[]> rows = new ArrayList<>();
		try (InputStream in = QuestionsThroughTheChatIntegrationTests.class.getResourceAsStream(resource)) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] fields = line.split("\t", 4);
				if (fields.length == 4 && !fields[0].equals("kind")) {
					rows.add(new String[] { fields[0].strip(), fields[1].strip(), fields[2].strip(),
							fields[3].strip() });
				}
			}
		}
		return rows;
	}

}
