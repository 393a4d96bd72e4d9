package io.smiledesk.reminder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.safety.SafetyAssessment;
import io.smiledesk.safety.SafetyScreen;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.understanding.Intent;
import io.smiledesk.understanding.MessageContext;
import io.smiledesk.understanding.MessageUnderstanding;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where patients' replies to a reminder go, on two labelled sets of 200 replies each,
 * written blind (from the product description only, by a session that never saw the
 * code): safety first; a plain yes confirms at once; clear cues of cancelling or moving
 * are passed to the assistant as what the reply wants; the rest is the assistant's own
 * reading. {@code replies-tuning} prints its misses and may be tuned on;
 * {@code replies-reporting} never prints them and is not tuned on. H2 only: no SQL is
 * read.
 */
@IntegrationTest
class ReminderReplyRoutingTests {

	static final String REMINDER = "Hi Maria, a reminder from Brightside Dental: your Annual Cleaning with Dr. Sam "
			+ "O'Neill is on Tuesday, August 12 at 10:00 AM. Reply C or YES to confirm.";

	@Autowired
	MessageUnderstanding understanding;

	@Autowired
	ClinicCatalog catalog;

	final SafetyScreen safety = new SafetyScreen();

	record Score(int correct, int total, Map<String, int[]> byLabel, List<String> misses) {

		double accuracy() {
			return (double) correct / total;
		}

		/** Of the replies routed to {@code label}, the share that belonged there. */
		double precision(String label) {
			int[] counts = byLabel.get(label);
			return counts[1] == 0 ? 1 : (double) counts[0] / counts[1];
		}

		double recall(String label) {
			int[] counts = byLabel.get(label);
			return (double) counts[0] / counts[2];
		}

	}

	@Test
	void tuningSet() {
		Score score = score("replies-tuning.tsv");
		print("tuning", score);
		score.misses().forEach(miss -> System.out.println("  miss: " + miss));
		assertThat(score.accuracy()).isGreaterThanOrEqualTo(0.97);
		// a wrong confirmation is the costly miss: the chair stays held for nobody
		assertThat(score.precision("CONFIRM")).isGreaterThanOrEqualTo(0.98);
	}

	@Test
	void reportingSet() {
		Score score = score("replies-reporting.tsv");
		print("reporting", score);
		assertThat(score.accuracy()).isGreaterThanOrEqualTo(0.88);
		assertThat(score.precision("CONFIRM")).isGreaterThanOrEqualTo(0.98);
	}

	/** As ReminderConversations routes a reply that comes right after the reminder. */
	String route(String text, MessageContext context) {
		SafetyAssessment assessment = safety.assess(text);
		if (assessment.isEmergency() || assessment.needsStaff()) {
			return "OTHER";
		}
		if (ReminderReplies.read(text) == ReminderReplies.Meaning.CONFIRM) {
			return "CONFIRM";
		}
		ReminderReplies.Meaning meaning = ReminderReplies.read(text);
		if (meaning == ReminderReplies.Meaning.CANCEL || meaning == ReminderReplies.Meaning.RESCHEDULE) {
			// the assistant takes the reminder's reading (FrontDesk: a known visit's
			// wants)
			return meaning.name();
		}
		Intent intent = understanding.understand(text, context).intent();
		return intent == Intent.CANCEL ? "CANCEL" : intent == Intent.RESCHEDULE ? "RESCHEDULE" : "OTHER";
	}

	Score score(String resource) {
		ClinicSnapshot clinic = catalog.snapshot();
		MessageContext context = new MessageContext(LocalDateTime.parse("2025-08-05T10:05"), clinic, null,
				List.of(new MessageContext.Turn(false, REMINDER)));
		Map<String, int[]> byLabel = new LinkedHashMap<>();
		for (String label : List.of("CONFIRM", "CANCEL", "RESCHEDULE", "OTHER")) {
			byLabel.put(label, new int[3]);
		}
		int correct = 0;
		List<String> misses = new ArrayList<>();
		List<String[]> cases = cases(resource);
		for (String[] each : cases) {
			String routed = route(each[0], context);
			byLabel.get(each[1])[2]++;
			byLabel.get(routed)[1]++;
			if (routed.equals(each[1])) {
				correct++;
				byLabel.get(routed)[0]++;
			}
			else {
				misses.add(each[1] + " routed " + routed + ": " + each[0]);
			}
		}
		return new Score(correct, cases.size(), byLabel, misses);
	}

	static void print(String set, Score score) {
		StringBuilder line = new StringBuilder(String.format("Reminder replies, %s set: routed right %d/%d (%.3f)", set,
				score.correct(), score.total(), score.accuracy()));
		for (String label : score.byLabel().keySet()) {
			line.append(String.format("; %s P %.3f R %.3f", label, score.precision(label), score.recall(label)));
		}
		System.out.println(line);
	}

	static List<String[]> cases(String resource) {
		try (InputStream in = ReminderReplyRoutingTests.class.getResourceAsStream("/reminder/" + resource)) {
			List<String[]> cases = new ArrayList<>();
			String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
			for (int i = 1; i < lines.length; i++) {
				if (!lines[i].isBlank()) {
					String[] columns = lines[i].split("\t");
					cases.add(new String[] { columns[0], columns[1].strip() });
				}
			}
			return cases;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
