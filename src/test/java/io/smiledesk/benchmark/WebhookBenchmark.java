package io.smiledesk.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.smiledesk.benchmark.SchedulingBenchmark.Database;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The inbound webhook's acknowledgement at 50 requests a second (signed generic
 * incoming-message requests, each a new SMS from one of 200 patients, paced evenly), with
 * the inbox worker answering them in the background as in production; then inbound to
 * reply: one message at a time, from its acknowledgement until the reply is in the
 * outbox. Not a test: run it with
 * {@code ./mvnw -q -Pbenchmark test-compile exec:exec -Dbenchmark.class=WebhookBenchmark}
 * (add {@code -Dbenchmark.db=postgres} for PostgreSQL).
 */
public final class WebhookBenchmark {

	private static final String SECRET = "benchmark-webhook-secret";

	private static final int PER_SECOND = 50;

	private static final int WARM_UP = 500;

	private static final int MEASURED = 1500;

	private static final int END_TO_END = 100;

	private static final List<String> TEXTS = List.of("What are your opening hours?", "Do you take walk-ins?",
			"Is there parking?", "hello", "thanks", "Where are you located?");

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newFixedThreadPool(8))
		.build();

	private final URI webhook;

	private final AtomicInteger next = new AtomicInteger();

	private final AtomicInteger errors = new AtomicInteger();

	private WebhookBenchmark(String baseUrl) {
		this.webhook = URI.create(baseUrl + "/api/v1/webhooks/incoming-message");
	}

	public static void main(String[] args) {
		int exit = 0;
		try {
			run(Database.of(System.getProperty("benchmark.db", "h2")));
		}
		catch (Throwable ex) {
			ex.printStackTrace();
			exit = 1;
		}
		System.exit(exit);
	}

	private static void run(Database database) throws Exception {
		ZonedDateTime startedAt = ZonedDateTime.now();
		double load = SchedulingBenchmark.systemLoad();
		database.recreate();
		try (ConfigurableApplicationContext context = SchedulingBenchmark.start(database,
				"--smiledesk.channels.webhook-secret=" + SECRET)) {
			String baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			WebhookBenchmark benchmark = new WebhookBenchmark(baseUrl);
			benchmark.paced(WARM_UP);
			Latencies acks = benchmark.paced(MEASURED);
			Latencies endToEnd = benchmark.endToEnd(jdbc);
			System.out.println();
			System.out.println("=".repeat(100));
			System.out.printf(Locale.ROOT, "Webhook benchmark, %s, %s, %d cores, load average %.2f before the run%n",
					startedAt, database.label, Runtime.getRuntime().availableProcessors(), load);
			System.out.println("acknowledgement at " + PER_SECOND + "/s  " + acks + "  (after " + WARM_UP
					+ " warm-up requests; the worker answers meanwhile)");
			System.out
				.println("inbound to reply      " + endToEnd + "  (one at a time: 202 until the reply is queued)");
			System.out.println("errors                " + benchmark.errors.get());
			System.out.println("=".repeat(100));
		}
	}

	private Latencies paced(int requests) throws Exception {
		ExecutorService senders = Executors.newFixedThreadPool(16);
		List<Future<Long>> sent = new ArrayList<>();
		long begin = System.nanoTime();
		for (int i = 0; i < requests; i++) {
			long due = begin + (long) (i * 1e9 / PER_SECOND);
			long wait = due - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
			sent.add(senders.submit(() -> send(next.getAndIncrement())));
		}
		long[] nanos = new long[requests];
		for (int i = 0; i < requests; i++) {
			nanos[i] = sent.get(i).get();
		}
		senders.shutdown();
		return new Latencies(nanos);
	}

	private Latencies endToEnd(JdbcTemplate jdbc) throws Exception {
		// let the paced run's backlog drain first
		while (count(jdbc, "select count(*) from channel_inbound where status <> 'PROCESSED'") > 0) {
			Thread.sleep(50);
		}
		long[] nanos = new long[END_TO_END];
		for (int i = 0; i < END_TO_END; i++) {
			long before = count(jdbc, "select count(*) from channel_outbound");
			long start = System.nanoTime();
			send(next.getAndIncrement());
			while (count(jdbc, "select count(*) from channel_outbound") == before) {
				Thread.sleep(0, 200_000);
			}
			nanos[i] = System.nanoTime() - start;
		}
		return new Latencies(nanos);
	}

	private long send(int n) throws Exception {
		String body = "{\"channel\":\"sms\",\"thread_id\":null,\"message_content\":\"" + TEXTS.get(n % TEXTS.size())
				+ "\",\"from\":\"" + String.format(Locale.ROOT, "+1201555%04d", n % 200) + "\",\"message_id\":\"bench-"
				+ n + "\"}";
		// the server's clock stands at the benchmark's fixed instant
		String timestamp = Long.toString(SchedulingBenchmark.NOW.getEpochSecond());
		HttpRequest request = HttpRequest.newBuilder(webhook)
			.header("Content-Type", "application/json")
			.header("X-SmileDesk-Timestamp", timestamp)
			.header("X-SmileDesk-Signature", Signatures.incoming(SECRET, timestamp, body))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		long start = System.nanoTime();
		HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
		long took = System.nanoTime() - start;
		if (response.statusCode() != 202) {
			errors.incrementAndGet();
		}
		return took;
	}

	private static long count(JdbcTemplate jdbc, String sql) {
		Long count = jdbc.queryForObject(sql, Long.class);
		return count == null ? 0 : count;
	}

}
