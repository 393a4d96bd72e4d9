package io.smiledesk.benchmark;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import com.sun.management.OperatingSystemMXBean;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import io.smiledesk.system.SentenceEmbeddings;

/**
 * Sentence embeddings of new texts with the library's default ONNX session and with
 * SmileDesk's ({@link SentenceEmbeddings}: one thread per sentence, no spinning), one
 * caller at a time with a short pause between sentences (as a chat server embeds them),
 * then 2 and 4 callers at once. Prints latency, throughput and process CPU time per
 * sentence. Not a test: run it with
 * {@code ./mvnw -q -Pbenchmark test-compile exec:exec -Dbenchmark.class=EmbeddingBenchmark}.
 */
public final class EmbeddingBenchmark {

	private static final int SENTENCES = 600;

	private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private EmbeddingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		double load = SchedulingBenchmark.systemLoad();
		List<String> lines = new ArrayList<>();
		AllMiniLmL6V2QuantizedEmbeddingModel library = new AllMiniLmL6V2QuantizedEmbeddingModel();
		lines.addAll(measure("library default", library::embed));
		SentenceEmbeddings smileDesk = new SentenceEmbeddings();
		lines.addAll(measure("SmileDesk session", smileDesk::embed));
		System.out.println("=".repeat(100));
		System.out.printf(Locale.ROOT,
				"Sentence embeddings of new texts  |  %d cores, load average %.2f before the run%n",
				Runtime.getRuntime().availableProcessors(), load);
		System.out.println("=".repeat(100));
		lines.forEach(System.out::println);
		System.out.println("=".repeat(100));
		System.exit(0);
	}

	private static List<String> measure(String label, Consumer<String> embed) throws Exception {
		for (int i = 0; i < 300; i++) {
			embed.accept("warm-up sentence number " + i + " about a cleaning");
		}
		List<String> lines = new ArrayList<>();
		for (int callers : new int[] { 1, 2, 4 }) {
			ExecutorService pool = Executors.newFixedThreadPool(callers);
			List<Future<long[]>> results = new ArrayList<>();
			int each = SENTENCES / callers;
			long cpuBefore = OS.getProcessCpuTime();
			long start = System.nanoTime();
			for (int caller = 0; caller < callers; caller++) {
				int number = caller;
				results.add(pool.submit(() -> {
					long[] nanos = new long[each];
					for (int i = 0; i < each; i++) {
						// never the same text twice: SentenceEmbeddings caches recent
						// ones
						String text = "could I get an appointment for a cleaning on day " + callers + "/" + number + "-"
								+ i + " in the afternoon";
						long began = System.nanoTime();
						embed.accept(text);
						nanos[i] = System.nanoTime() - began;
						if (callers == 1) {
							// a server between messages: spinning threads burn this time
							Thread.sleep(2);
						}
					}
					return nanos;
				}));
			}
			long[] all = new long[0];
			for (Future<long[]> result : results) {
				long[] nanos = result.get();
				long[] joined = Arrays.copyOf(all, all.length + nanos.length);
				System.arraycopy(nanos, 0, joined, all.length, nanos.length);
				all = joined;
			}
			long elapsed = System.nanoTime() - start;
			long cpu = OS.getProcessCpuTime() - cpuBefore;
			pool.shutdown();
			lines.add(String.format(Locale.ROOT, "%-18s %d caller%s  %s; %.0f sentences/s, %.2f ms CPU per sentence",
					label, callers, callers == 1 ? " (2 ms pause after each)" : "s at once              ",
					new Latencies(all), all.length / (elapsed / 1e9), cpu / 1e6 / all.length));
		}
		return lines;
	}

}
