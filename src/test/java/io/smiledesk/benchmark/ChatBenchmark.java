package io.smiledesk.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.smiledesk.benchmark.SchedulingBenchmark.Database;
import io.smiledesk.system.SentenceEmbeddings;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Chat-turn latency over HTTP in offline mode (no language model): whole conversations
 * (greeting, a booking request with a day, a question, picking a time, name, email,
 * declining, goodbye) one at a time, then 50 conversations at once: paced like people (a
 * pause before each message) and flat out. Before measuring it warms up with 150
 * conversations one at a time and two per patient at 50 at once. Not a test: run it with
 * {@code ./mvnw -q -Pbenchmark test-compile exec:exec -Dbenchmark.class=ChatBenchmark}
 * (add {@code -Dbenchmark.db=postgres} for PostgreSQL).
 */
public final class ChatBenchmark {

	private static final Pattern SESSION = Pattern.compile("\"session_id\":\"([^\"]+)\"");

	private static final List<String> SCRIPT = List.of("Hi there", "I'd like a cleaning next week",
			"what are your opening hours?", "2", "Jane Doe", "jane.doe.%d@example.com", "no", "bye");

	private static final int WARM_UP_CONVERSATIONS = 150;

	private static final int SEQUENTIAL_CONVERSATIONS = 150;

	private static final int CONCURRENT = 50;

	private static final int CONCURRENT_CONVERSATIONS_EACH = 8;

	private static final int CONCURRENT_WARM_UP_EACH = 2;

	/**
	 * A patient reading the reply and typing the next message, on average; a second is
	 * quick for a person, so 50 such conversations send about 50 messages a second.
	 */
	private static final long THINK_MILLIS = Long.getLong("benchmark.think", 1000);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newFixedThreadPool(8))
		.build();

	private final URI messages;

	private final AtomicInteger conversationNumber = new AtomicInteger();

	private final AtomicInteger errors = new AtomicInteger();

	private volatile Runnable beforeEachMessage = () -> {
	};

	private ChatBenchmark(String baseUrl) {
		this.messages = URI.create(baseUrl + "/api/v1/chat/messages");
	}

	public static void main(String[] args) {
		int exitCode = 0;
		try {
			run(Database.of(System.getProperty("benchmark.db", "h2")));
		}
		catch (Throwable ex) {
			ex.printStackTrace();
			exitCode = 1;
		}
		System.exit(exitCode);
	}

	private static void run(Database database) throws Exception {
		ZonedDateTime startedAt = ZonedDateTime.now();
		double load = SchedulingBenchmark.systemLoad();
		database.recreate();
		long booting = System.nanoTime();
		try (ConfigurableApplicationContext context = SchedulingBenchmark.start(database)) {
			String baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
			System.out.printf(Locale.ROOT, "%s: application started in %.1f s%n", database.label,
					(System.nanoTime() - booting) / 1e9);
			ChatBenchmark benchmark = new ChatBenchmark(baseUrl);
			long firstTurn = System.nanoTime();
			benchmark.conversation(new ArrayList<>());
			System.out.printf(Locale.ROOT, "first conversation (loads the embedding model): %.0f ms%n",
					(System.nanoTime() - firstTurn) / 1e6);
			for (int i = 0; i < WARM_UP_CONVERSATIONS; i++) {
				benchmark.conversation(new ArrayList<>());
			}
			// and at the measured concurrency: its first seconds are slower (connections,
			// threads and code paths used only under concurrency are new); shown, not
			// counted
			String warmUp = benchmark.concurrent(THINK_MILLIS, CONCURRENT_WARM_UP_EACH, false);
			List<String> summary = new ArrayList<>();
			summary.add(String.format(Locale.ROOT, "load average         %.2f before the run", load));
			summary.add("warm-up, " + CONCURRENT + " paced  " + warmUp + "  (not counted)");
			summary.add("1 conversation       " + benchmark.sequential());
			summary.add(CONCURRENT + " conversations     "
					+ benchmark.concurrent(THINK_MILLIS, CONCURRENT_CONVERSATIONS_EACH, true) + "  (each patient "
					+ "waits 0.5-1.5 x " + THINK_MILLIS + " ms before each message)");
			summary.add("  per step of the script, in that run:");
			summary.addAll(benchmark.perStep());
			// the script repeats its messages, so the sentence-vector cache answers all
			// but
			// the email; patients' messages are new to it
			SentenceEmbeddings embeddings = context.getBean(SentenceEmbeddings.class);
			benchmark.beforeEachMessage = embeddings::clearCache;
			summary.add(CONCURRENT + " conversations     "
					+ benchmark.concurrent(THINK_MILLIS, CONCURRENT_CONVERSATIONS_EACH, false)
					+ "  (paced, and the sentence-vector cache emptied before each message)");
			benchmark.beforeEachMessage = () -> {
			};
			summary
				.add(CONCURRENT + " conversations     " + benchmark.concurrent(0, CONCURRENT_CONVERSATIONS_EACH, false)
						+ "  (no waiting: saturation, turns queue for the 2 cores)");
			summary.add("errors               " + benchmark.errors.get());
			print(database, startedAt, summary);
		}
	}

	private String sequential() throws Exception {
		List<Long> nanos = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < SEQUENTIAL_CONVERSATIONS; i++) {
			conversation(nanos);
		}
		return describe(nanos, System.nanoTime() - start);
	}

	/** Turn latencies of the paced concurrent run, per step of the script. */
	private final List<java.util.Queue<Long>> byStep = SCRIPT.stream()
		.map(line -> (java.util.Queue<Long>) new java.util.concurrent.ConcurrentLinkedQueue<Long>())
		.toList();

	private List<String> perStep() {
		List<String> lines = new ArrayList<>();
		for (int step = 0; step < SCRIPT.size(); step++) {
			long[] nanos = byStep.get(step).stream().mapToLong(Long::longValue).toArray();
			lines.add(String.format(Locale.ROOT, "  step %d %-32s %s", step + 1, "\"" + SCRIPT.get(step) + "\"",
					new Latencies(nanos)));
		}
		return lines;
	}

	private String concurrent(long thinkMillis, int conversationsEach, boolean bySteps) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
		List<Future<List<Long>>> results = new ArrayList<>();
		long start = System.nanoTime();
		for (int client = 0; client < CONCURRENT; client++) {
			results.add(pool.submit(() -> {
				List<Long> nanos = new ArrayList<>();
				for (int i = 0; i < conversationsEach; i++) {
					conversation(nanos, thinkMillis, bySteps);
				}
				return nanos;
			}));
		}
		List<Long> all = new ArrayList<>();
		for (Future<List<Long>> result : results) {
			all.addAll(result.get());
		}
		long elapsed = System.nanoTime() - start;
		pool.shutdown();
		return describe(all, elapsed);
	}

	private static String describe(List<Long> nanos, long elapsed) {
		Latencies latencies = new Latencies(nanos.stream().mapToLong(Long::longValue).toArray());
		return String.format(Locale.ROOT, "%s; %.0f turns/s", latencies, nanos.size() / (elapsed / 1e9));
	}

	private void conversation(List<Long> nanos) throws Exception {
		conversation(nanos, 0, false);
	}

	private void conversation(List<Long> nanos, long thinkMillis, boolean bySteps) throws Exception {
		int number = conversationNumber.incrementAndGet();
		String session = null;
		for (int step = 0; step < SCRIPT.size(); step++) {
			String line = SCRIPT.get(step);
			String message = line.formatted(number);
			String body = session == null ? "{\"message\":\"" + message + "\"}"
					: "{\"session_id\":\"" + session + "\",\"message\":\"" + message + "\"}";
			HttpRequest request = HttpRequest.newBuilder(messages)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
			if (thinkMillis > 0) {
				// people do not type in step: half to one and a half times the pause, so
				// the clients do not all send at the same moment
				Thread.sleep((long) (thinkMillis * (0.5 + ThreadLocalRandom.current().nextDouble())));
			}
			beforeEachMessage.run();
			long start = System.nanoTime();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			long took = System.nanoTime() - start;
			nanos.add(took);
			if (bySteps) {
				byStep.get(step).add(took);
			}
			if (response.statusCode() != 200) {
				errors.incrementAndGet();
				System.out.println("HTTP " + response.statusCode() + ": " + response.body());
				return;
			}
			Matcher matcher = SESSION.matcher(response.body());
			if (session == null && matcher.find()) {
				session = matcher.group(1);
			}
		}
	}

	private static void print(Database database, ZonedDateTime startedAt, List<String> lines) {
		String rule = "=".repeat(100);
		System.out.println();
		System.out.println(rule);
		System.out.println("SmileDesk chat benchmark (offline understanding)  |  database: " + database.label);
		System.out.println(rule);
		System.out.println("run at               " + startedAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
				+ "  (took " + Duration.between(startedAt, ZonedDateTime.now()).toSeconds() + " s)");
		System.out.println("JDK                  " + System.getProperty("java.vm.vendor") + " " + Runtime.version());
		System.out.println("cores                " + Runtime.getRuntime().availableProcessors() + " (max heap "
				+ Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB)");
		System.out.println("script               " + SCRIPT.size() + " turns per conversation: " + SCRIPT);
		lines.forEach(System.out::println);
		System.out.println(rule);
	}

}
