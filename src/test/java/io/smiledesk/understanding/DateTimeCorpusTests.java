package io.smiledesk.understanding;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the parser on a labelled corpus of patients' phrasings (test resources
 * nlu/datetime-corpus.tsv), all read at Monday 2025-08-04 09:00 clinic time, and prints
 * the accuracy.
 */
class DateTimeCorpusTests {

	static final LocalDateTime NOW = LocalDateTime.of(2025, 8, 4, 9, 0);

	/** The bar the parser has to keep; raise it as the parser improves. */
	static final double REQUIRED_ACCURACY = 0.90;

	record Example(String text, Optional<TimeExpression> expected) {
	}

	@Test
	void readsAtLeastNinetyPercentOfTheCorpusRight() throws Exception {
		List<Example> corpus = corpus();
		List<String> misses = new ArrayList<>();
		for (Example example : corpus) {
			Optional<TimeExpression> actual = DateTimeParser.parse(example.text(), NOW);
			if (!Objects.equals(actual, example.expected())) {
				misses.add(example.text() + " -> " + actual.map(Object::toString).orElse("nothing") + ", expected "
						+ example.expected().map(Object::toString).orElse("nothing"));
			}
		}
		double accuracy = 1.0 - (double) misses.size() / corpus.size();
		System.out.printf("datetime corpus: %d expressions, %d right, accuracy %.1f%%%n", corpus.size(),
				corpus.size() - misses.size(), accuracy * 100);
		misses.forEach(miss -> System.out.println("  miss: " + miss));

		assertThat(corpus).hasSizeGreaterThanOrEqualTo(300);
		assertThat(accuracy).as("accuracy; misses:%n%s", String.join("\n", misses))
			.isGreaterThanOrEqualTo(REQUIRED_ACCURACY);
	}

	static List<Example> corpus() throws Exception {
		List<Example> examples = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				DateTimeCorpusTests.class.getResourceAsStream("/nlu/datetime-corpus.tsv"), StandardCharsets.UTF_8))) {
			reader.readLine();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] columns = line.split("\t", -1);
				Optional<TimeExpression> expected = switch (columns[1]) {
					case "time" -> Optional.of(new TimeExpression.At(LocalDateTime.parse(columns[2])));
					case "interval" -> Optional.of(new TimeExpression.Between(LocalDateTime.parse(columns[2]),
							LocalDateTime.parse(columns[3])));
					default -> Optional.empty();
				};
				examples.add(new Example(columns[0], expected));
			}
		}
		return examples;
	}

}
