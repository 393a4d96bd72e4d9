package io.smiledesk.channel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keyword reader on two sets written blind (from the product rule only, by a session
 * that never saw the code): {@code optout-tuning.tsv}, whose misses are printed and were
 * tuned on, and {@code optout-reporting.tsv}, never tuned on, whose misses are never
 * printed. Accuracy per set and opt-out precision and recall are printed; floors sit just
 * under the measured figures.
 */
class KeywordsCorpusTests {

	record Case(Keywords.Kind expected, String text) {
	}

	record Score(int correct, int total, int optOutTrue, int optOutPredicted, int optOutExpected, List<String> misses) {

		double accuracy() {
			return (double) correct / total;
		}

		double optOutPrecision() {
			return optOutPredicted == 0 ? 1 : (double) optOutTrue / optOutPredicted;
		}

		double optOutRecall() {
			return (double) optOutTrue / optOutExpected;
		}

	}

	@Test
	void tuningSet() {
		Score score = score("optout-tuning.tsv");
		print("tuning", score);
		score.misses().forEach(miss -> System.out.println("  miss: " + miss));
		assertThat(score.accuracy()).isGreaterThanOrEqualTo(0.97);
		// a false opt-out silences a patient's reminders: precision matters most
		assertThat(score.optOutPrecision()).isGreaterThanOrEqualTo(0.98);
	}

	@Test
	void reportingSet() {
		Score score = score("optout-reporting.tsv");
		print("reporting", score);
		assertThat(score.accuracy()).isGreaterThanOrEqualTo(0.90);
		assertThat(score.optOutPrecision()).isGreaterThanOrEqualTo(0.98);
	}

	private static void print(String set, Score score) {
		System.out.printf("Opt-out keywords, %s set: %d/%d correct (%.3f); opt-out precision %.3f, recall %.3f%n", set,
				score.correct(), score.total(), score.accuracy(), score.optOutPrecision(), score.optOutRecall());
	}

	private static Score score(String resource) {
		int correct = 0;
		int optOutTrue = 0;
		int optOutPredicted = 0;
		int optOutExpected = 0;
		Map<Keywords.Kind, Integer> seen = new EnumMap<>(Keywords.Kind.class);
		List<String> misses = new ArrayList<>();
		List<Case> cases = cases(resource);
		for (Case each : cases) {
			Keywords.Kind read = Keywords.read(each.text()).kind();
			seen.merge(each.expected(), 1, Integer::sum);
			if (read == each.expected()) {
				correct++;
			}
			else {
				misses.add(each.expected() + " read as " + read + ": " + each.text());
			}
			if (each.expected() == Keywords.Kind.OPT_OUT) {
				optOutExpected++;
			}
			if (read == Keywords.Kind.OPT_OUT) {
				optOutPredicted++;
				if (each.expected() == Keywords.Kind.OPT_OUT) {
					optOutTrue++;
				}
			}
		}
		assertThat(seen.keySet()).containsExactlyInAnyOrder(Keywords.Kind.values());
		return new Score(correct, cases.size(), optOutTrue, optOutPredicted, optOutExpected, misses);
	}

	private static List<Case> cases(String resource) {
		try (InputStream in = KeywordsCorpusTests.class.getResourceAsStream("/channel/" + resource)) {
			List<Case> cases = new ArrayList<>();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				int tab = line.indexOf('\t');
				cases.add(new Case(Keywords.Kind.valueOf(line.substring(0, tab)), line.substring(tab + 1)));
			}
			return cases;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
