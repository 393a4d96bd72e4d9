package io.smiledesk.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.smiledesk.understanding.time.TimeContext;
import io.smiledesk.understanding.time.TimeReader;

/**
 * The time reader alone, in process: every text of the tuning corpus (test resources
 * nlu/time-corpus.tsv) read with its language, 20 rounds after 20 rounds of warm-up, and
 * a long message of 2,000 characters written to be hard (times all along it).
 */
public final class TimeReaderBenchmark {

	private TimeReaderBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		List<String[]> texts = texts();
		TimeReader reader = new TimeReader();
		TimeContext[] contexts = new TimeContext[3];
		String[] languages = { "en", "es", "fr" };
		for (int i = 0; i < 3; i++) {
			contexts[i] = TimeContext.of(LocalDateTime.of(2026, 3, 10, 9, 30).atZone(ZoneId.of("America/New_York")),
					languages[i]);
		}
		for (int round = 0; round < 20; round++) {
			texts.forEach(text -> reader.primary(text[1], contexts[index(text[0])]));
		}
		long[] nanos = new long[texts.size() * 20];
		int n = 0;
		for (int round = 0; round < 20; round++) {
			for (String[] text : texts) {
				long start = System.nanoTime();
				reader.primary(text[1], contexts[index(text[0])]);
				nanos[n++] = System.nanoTime() - start;
			}
		}
		String hard = "tomorrow morning between 2 and 4, or after 5pm on friday the 13th of march, not monday; "
			.repeat(23)
			.substring(0, 2_000);
		long[] long2000 = new long[200];
		for (int i = 0; i < 400; i++) {
			long start = System.nanoTime();
			reader.primary(hard, contexts[0]);
			if (i >= 200) {
				long2000[i - 200] = System.nanoTime() - start;
			}
		}
		System.out.printf(Locale.ROOT, "Time reader  |  %d cores, load average %.2f before the run%n",
				Runtime.getRuntime().availableProcessors(), load);
		System.out.println("corpus texts          " + new Latencies(nanos));
		System.out.println("2,000-character text  " + new Latencies(long2000));
	}

	private static int index(String language) {
		return switch (language) {
			case "es" -> 1;
			case "fr" -> 2;
			default -> 0;
		};
	}

	private static List<String[]> texts() throws IOException {
		List<String[]> texts = new ArrayList<>();
		try (BufferedReader in = new BufferedReader(new InputStreamReader(
				TimeReaderBenchmark.class.getResourceAsStream("/nlu/time-corpus.tsv"), StandardCharsets.UTF_8))) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				String[] columns = line.split("\t", -1);
				if (!line.startsWith("#") && !line.startsWith("@") && columns.length >= 3) {
					texts.add(new String[] { columns[1], columns[2] });
				}
			}
		}
		return texts;
	}

}
