package io.smiledesk.understanding.time;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the reader on the tuning corpus (test resources nlu/time-corpus.tsv), written
 * blind from docs/time-expressions.md by someone who had not seen the reader: English,
 * Spanish and French lines in categories, each with the reference it was written at. A
 * line is right when the primary mention's literal reading has the expected kind (value,
 * interval or none), grain and values. Prints the accuracy per category, per language and
 * overall, and the misses.
 */
class TimeCorpusTests {

	/** The bar the reader has to keep: just under what it reaches on this tuning set. */
	static final double REQUIRED_ACCURACY = 0.99;

	/**
	 * Just under what the reader reaches on the second tuning corpus: 536 of 604 (88.7%)
	 * at its first measurement, 545 after the fixes it prompted, 558 after the third's.
	 * Most of its remaining misses are its own conventions, not the reader's (morning
	 * 08-12, afternoon 12-17, evening 17-21 where docs/time-expressions.md says 04-12,
	 * 12-19, 18-24).
	 */
	static final double SECOND_TUNING_FLOOR = 0.92;

	/**
	 * Just under what the reader reaches on the third tuning corpus: 254 of 299 at first,
	 * 269 now.
	 */
	static final double THIRD_TUNING_FLOOR = 0.89;

	/**
	 * Just under what the reader reaches on the fourth tuning corpus: 279 of 320 at
	 * first, 291 now.
	 */
	static final double FOURTH_TUNING_FLOOR = 0.90;

	/** Just under the reporting corpus's one measurement. */
	/** First measured 2026-12-02: 913 of 940 (97.1%). */
	static final double REPORT_FLOOR = 0.96;

	private final TimeReader reader = new TimeReader();

	record Line(int number, String category, String language, String text, String expected, ZonedDateTime reference) {
	}

	@Test
	void readsTheTuningCorpus() throws IOException {
		List<Line> corpus = corpus("/nlu/time-corpus.tsv");
		double accuracy = measure("time corpus (tuning)", corpus, true);

		assertThat(corpus).hasSizeGreaterThanOrEqualTo(1_400);
		assertThat(accuracy).as("accuracy on the tuning corpus").isGreaterThanOrEqualTo(REQUIRED_ACCURACY);
	}

	/**
	 * A second tuning corpus (nlu/time-corpus-tuning-2.tsv, 604 English expressions)
	 * written blind on 2026-12-03 from general English usage, without the reader's rules,
	 * its conventions in its header. Tuned on: its misses are printed.
	 */
	@Test
	void readsTheSecondTuningCorpus() throws IOException {
		List<Line> corpus = corpus("/nlu/time-corpus-tuning-2.tsv");
		double accuracy = measure("time corpus (tuning 2)", corpus, true);

		assertThat(corpus).hasSizeGreaterThanOrEqualTo(600);
		assertThat(accuracy).as("accuracy on the second tuning corpus").isGreaterThanOrEqualTo(SECOND_TUNING_FLOOR);
	}

	/**
	 * A third tuning corpus (nlu/time-corpus-tuning-3.tsv, 299 English expressions, many
	 * in patients' spelling: "tmrw", "wensday") written blind on 2026-12-03 with the
	 * second set's conventions. Tuned on: its misses are printed.
	 */
	@Test
	void readsTheThirdTuningCorpus() throws IOException {
		List<Line> corpus = corpus("/nlu/time-corpus-tuning-3.tsv");
		double accuracy = measure("time corpus (tuning 3)", corpus, true);

		assertThat(corpus).hasSizeGreaterThanOrEqualTo(290);
		assertThat(accuracy).as("accuracy on the third tuning corpus").isGreaterThanOrEqualTo(THIRD_TUNING_FLOOR);
	}

	/**
	 * A fourth tuning corpus (nlu/time-corpus-tuning-4.tsv, 320 English expressions in
	 * the forms of written English and date-parser documentation: formal and numeric
	 * dates, spelled clock times, ordinal weekdays, offsets back and forth) written blind
	 * on 2026-12-04 from the third set's conventions. Tuned on: its misses are printed.
	 */
	@Test
	void readsTheFourthTuningCorpus() throws IOException {
		List<Line> corpus = corpus("/nlu/time-corpus-tuning-4.tsv");
		double accuracy = measure("time corpus (tuning 4)", corpus, true);

		assertThat(corpus).hasSizeGreaterThanOrEqualTo(310);
		assertThat(accuracy).as("accuracy on the fourth tuning corpus").isGreaterThanOrEqualTo(FOURTH_TUNING_FLOOR);
	}

	/**
	 * A reporting corpus (nlu/time-corpus-report.tsv, 940 expressions) written blind by
	 * another author, half of them patient messages: never tuned on, its misses are not
	 * printed. Measured once, at the end of the work it reports on.
	 */
	@Test
	void readsTheReportingCorpusWrittenApart() throws IOException {
		List<Line> corpus = corpus("/nlu/time-corpus-report.tsv");
		double accuracy = measure("time corpus (reporting)", corpus, false);

		assertThat(corpus).hasSizeGreaterThanOrEqualTo(900);
		assertThat(accuracy).as("accuracy on the reporting corpus").isGreaterThanOrEqualTo(REPORT_FLOOR);
	}

	private double measure(String name, List<Line> corpus, boolean printMisses) {
		Map<String, int[]> categories = new TreeMap<>();
		Map<String, int[]> languages = new TreeMap<>();
		List<String> misses = new ArrayList<>();
		int right = 0;
		for (Line line : corpus) {
			String actual = reading(line);
			boolean match = actual.equals(line.expected());
			int[] category = categories.computeIfAbsent(line.language() + " " + line.category(), key -> new int[2]);
			int[] language = languages.computeIfAbsent(line.language(), key -> new int[2]);
			category[1]++;
			language[1]++;
			if (match) {
				right++;
				category[0]++;
				language[0]++;
			}
			else {
				misses.add(String.format("  %d %s %s: %s -> %s, expected %s", line.number(), line.language(),
						line.category(), line.text(), actual, line.expected()));
			}
		}
		double accuracy = (double) right / corpus.size();
		System.out.printf("%s: %d expressions, %d right, accuracy %.1f%%%n", name, corpus.size(), right,
				accuracy * 100);
		languages.forEach((language, counts) -> System.out.printf("  language %s: %d/%d %.1f%%%n", language, counts[0],
				counts[1], 100.0 * counts[0] / counts[1]));
		categories.forEach((category, counts) -> System.out.printf("  category %s: %d/%d %.1f%%%n", category, counts[0],
				counts[1], 100.0 * counts[0] / counts[1]));
		if (printMisses) {
			misses.forEach(System.out::println);
		}
		return accuracy;
	}

	/** The primary mention's literal reading in the corpus's notation, or "none". */
	private String reading(Line line) {
		TimeContext context = TimeContext.of(line.reference(), line.language());
		Optional<TimeMention> primary = reader.primary(line.text(), context);
		if (primary.isEmpty()) {
			return "none";
		}
		Literal literal = primary.get().literal();
		if (literal instanceof Literal.Value value) {
			return moment(value.at()) + " " + value.grain().label();
		}
		Literal.Interval interval = (Literal.Interval) literal;
		return moment(interval.from()) + "/" + moment(interval.to()) + " " + interval.grain().label();
	}

	/** "2026-03-11T15:00", or "2026-03-11" at midnight; empty for an open end. */
	private static String moment(ZonedDateTime at) {
		if (at == null) {
			return "";
		}
		LocalDateTime local = at.toLocalDateTime();
		return local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? local.toLocalDate().toString()
				: local.toString();
	}

	static List<Line> corpus(String resource) throws IOException {
		List<Line> lines = new ArrayList<>();
		ZonedDateTime reference = null;
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(TimeCorpusTests.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
			int number = 0;
			for (String text = in.readLine(); text != null; text = in.readLine()) {
				number++;
				if (text.isBlank() || text.startsWith("#")) {
					continue;
				}
				// Reference lines may be separated by tabs or spaces (the third set uses
				// spaces).
				String[] columns = text.startsWith("@") ? text.trim().split("\\s+") : text.split("\t", -1);
				if (columns[0].equals("@")) {
					reference = LocalDateTime.parse(columns[1]).atZone(ZoneId.of(columns[2].trim()));
					continue;
				}
				lines
					.add(new Line(number, columns[0], columns[1], columns[2], normalize(columns[3].trim()), reference));
			}
		}
		return lines;
	}

	/**
	 * The expected reading with dates at midnight written as dates, as {@link #moment}.
	 */
	private static String normalize(String expected) {
		if (expected.equals("none")) {
			return expected;
		}
		int space = expected.lastIndexOf(' ');
		String values = expected.substring(0, space);
		String grain = expected.substring(space + 1);
		StringBuilder out = new StringBuilder();
		String[] ends = values.split("/", -1);
		for (int i = 0; i < ends.length; i++) {
			if (i > 0) {
				out.append('/');
			}
			out.append(ends[i].isEmpty() ? "" : moment(point(ends[i])));
		}
		return out + " " + grain;
	}

	private static ZonedDateTime point(String text) {
		LocalDateTime local = text.contains("T") ? LocalDateTime.parse(text) : LocalDate.parse(text).atStartOfDay();
		return local.atZone(ZoneId.of("UTC"));
	}

}
