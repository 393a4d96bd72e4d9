package io.smiledesk.understanding;

import io.smiledesk.test.Clinics;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the offline reading of intents (classifier, rules and facts-only detection) on
 * held-out patient messages ({@code nlu/intent-eval.tsv}, none of them in the training
 * examples) and prints per-intent and overall accuracy.
 */
class IntentEvaluationTests {

	@Test
	void classifiesHeldOutMessages() {
		OfflineUnderstanding understanding = OfflineUnderstandingTests.understanding();
		List<String[]> cases = Texts.pairs("nlu/intent-eval.tsv");
		Map<Intent, int[]> perIntent = new EnumMap<>(Intent.class);
		int right = 0;
		for (String[] pair : cases) {
			Intent expected = Intent.valueOf(pair[0]);
			OfflineUnderstanding.Reading actual = understanding.read(pair[1], Clinics.context(null));
			int[] counts = perIntent.computeIfAbsent(expected, intent -> new int[2]);
			counts[1]++;
			if (actual.intent() == expected) {
				counts[0]++;
				right++;
			}
			else {
				System.out.printf("  miss: %-12s -> %-12s %.2f  %s   %s%n", expected, actual.intent(),
						actual.confidence(), pair[1], actual.ranking());
			}
		}
		perIntent.forEach((intent, counts) -> System.out.printf("  %-12s %3d/%-3d %5.1f%%%n", intent, counts[0],
				counts[1], 100.0 * counts[0] / counts[1]));
		double accuracy = 100.0 * right / cases.size();
		System.out.printf("intent eval: %d utterances, accuracy %.1f%%%n", cases.size(), accuracy);

		assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
		assertThat(accuracy).isGreaterThanOrEqualTo(90.0);
	}

}
