package io.smiledesk.benchmark;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The inbox's promise under a crash: 1,000 signed messages (100 patients, 10 each) sent
 * at about 50 a second to {@code POST /api/v1/webhooks/incoming-message} of a server in
 * its own JVM on PostgreSQL; the server is killed with SIGKILL part-way and started
 * again. The sender behaves like a provider: a message that was not acknowledged (the
 * connection refused, a 5xx) is sent again until it is. At the end every acknowledged
 * message must be in the inbox (lost = 0) and answered exactly once (duplicate replies =
 * 0). Also prints the acknowledgement latency. Not a test: run it with
 * {@code ./mvnw -q -Pbenchmark test-compile exec:exec -Dbenchmark.class=InboxKillTest}
 * (PostgreSQL on 127.0.0.1:5432, user postgres; it recreates the database
 * {@code smiledesk_killtest}).
 */
public final class InboxKillTest {

	private static final String SECRET = "kill-test-webhook-secret";

	private static final String DATABASE = "smiledesk_killtest";

	private static final int PORT = Integer.getInteger("benchmark.port", 18090);

	private static final int MESSAGES = 1000;

	private static final int PATIENTS = 100;

	private static final int PER_SECOND = 50;

	/** When the server is killed: after this many messages were acknowledged. */
	private static final int KILL_AFTER = MESSAGES * 2 / 5;

	private static final List<String> TEXTS = List.of("What are your opening hours?", "Do you take walk-ins?",
			"Where are you located?", "Is there parking?", "Do you accept new patients?", "hello",
			"What insurance do you accept?", "thanks", "Do you do teeth whitening?", "How much is a cleaning?");

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final URI webhook = URI.create("http://127.0.0.1:" + PORT + "/api/v1/webhooks/incoming-message");

	private final AtomicInteger acknowledged = new AtomicInteger();

	private final AtomicInteger resent = new AtomicInteger();

	private final List<Long> ackNanos = java.util.Collections.synchronizedList(new ArrayList<>());

	private volatile Process server;

	public static void main(String[] args) {
		int exit = 0;
		try {
			new InboxKillTest().run();
		}
		catch (Throwable ex) {
			ex.printStackTrace();
			exit = 1;
		}
		System.exit(exit);
	}

	private void run() throws Exception {
		recreateDatabase();
		server = start("first");
		long killedAt = 0;
		ExecutorService senders = Executors.newFixedThreadPool(16);
		List<Future<?>> sending = new ArrayList<>();
		long begin = System.nanoTime();
		for (int i = 0; i < MESSAGES; i++) {
			int n = i;
			long due = begin + (long) (i * 1e9 / PER_SECOND);
			sleepUntil(due);
			sending.add(senders.submit(() -> deliver(n)));
			if (killedAt == 0 && acknowledged.get() >= KILL_AFTER) {
				killedAt = System.nanoTime();
				server.destroyForcibly().waitFor();
				System.out.printf(Locale.ROOT, "killed with SIGKILL after %d acknowledged messages%n",
						acknowledged.get());
				Process restarted = start("restart");
				server = restarted;
			}
		}
		for (Future<?> each : sending) {
			each.get(10, TimeUnit.MINUTES);
		}
		senders.shutdown();
		System.out.printf(Locale.ROOT, "all %d acknowledged (%d sends repeated while the server was down)%n",
				acknowledged.get(), resent.get());
		waitUntilAnswered();
		report();
		server.destroy();
		server.waitFor(30, TimeUnit.SECONDS);
	}

	/** Sends until acknowledged, as a provider retries. */
	private void deliver(int n) {
		String phone = String.format(Locale.ROOT, "+1201555%04d", n % PATIENTS);
		String body = "{\"channel\":\"sms\",\"thread_id\":null,\"message_content\":\"" + TEXTS.get(n / PATIENTS % 10)
				+ "\",\"from\":\"" + phone + "\",\"message_id\":\"kill-" + n + "\"}";
		while (true) {
			String timestamp = Long.toString(Instant.now().getEpochSecond());
			HttpRequest request = HttpRequest.newBuilder(webhook)
				.timeout(Duration.ofSeconds(5))
				.header("Content-Type", "application/json")
				.header("X-SmileDesk-Timestamp", timestamp)
				.header("X-SmileDesk-Signature", Signatures.incoming(SECRET, timestamp, body))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
			long start = System.nanoTime();
			try {
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 202) {
					ackNanos.add(System.nanoTime() - start);
					acknowledged.incrementAndGet();
					return;
				}
				if (response.statusCode() / 100 == 4) {
					throw new IllegalStateException("refused: " + response.statusCode() + " " + response.body());
				}
			}
			catch (java.io.IOException ex) {
				// the server is down: try again, like Twilio or an engagement platform
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			resent.incrementAndGet();
			sleep(500);
		}
	}

	private void waitUntilAnswered() throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		while (System.nanoTime() < deadline) {
			if (count("select count(*) from channel_inbound where status = 'PROCESSED'") >= MESSAGES) {
				return;
			}
			sleep(500);
		}
		throw new IllegalStateException("not all messages were answered within 10 minutes");
	}

	private void report() throws Exception {
		long stored = count("select count(*) from channel_inbound");
		long distinct = count("select count(distinct provider_message_id) from channel_inbound");
		long patientMessages = count("select count(*) from conversation_message where sender = 'PATIENT'");
		long replies = count("select count(*) from conversation_message where sender = 'BOT'");
		long outbound = count("select count(*) from channel_outbound");
		long repliedTwice = count(
				"select count(*) from (select m.conversation_id, m.position from conversation_message m"
						+ " join conversation_message r on r.conversation_id = m.conversation_id and r.position = m.position + 1"
						+ " where m.sender = 'BOT' and r.sender = 'BOT') twice");
		long lost = MESSAGES - distinct;
		Latencies latencies = new Latencies(ackNanos.stream().mapToLong(Long::longValue).toArray());
		System.out.println("=".repeat(100));
		System.out.printf(Locale.ROOT, "Inbox kill test, %s, %d messages at %d/s, SIGKILL after %d%n", Instant.now(),
				MESSAGES, PER_SECOND, KILL_AFTER);
		System.out.printf(Locale.ROOT, "stored %d (distinct %d), patient messages %d, replies %d, outbox %d%n", stored,
				distinct, patientMessages, replies, outbound);
		System.out.printf(Locale.ROOT,
				"lost %d, duplicate replies %d (replies - messages %d, two replies in a row %d)%n", lost,
				Math.max(0, replies - MESSAGES) + repliedTwice, replies - MESSAGES, repliedTwice);
		System.out.println("acknowledgement      " + latencies);
		System.out.println("=".repeat(100));
		if (lost != 0 || replies != MESSAGES || outbound != MESSAGES || patientMessages != MESSAGES) {
			throw new IllegalStateException("messages lost or answered twice");
		}
	}

	private Process start(String label) throws Exception {
		List<String> command = new ArrayList<>(List.of(new File(System.getProperty("java.home"), "bin/java").getPath(),
				"-cp", System.getProperty("java.class.path"), "io.smiledesk.SmileDeskApplication",
				"--server.port=" + PORT, "--spring.main.banner-mode=off", "--logging.level.root=WARN",
				"--smiledesk.demo.fake-patients=0", "--smiledesk.rate-limits.enabled=false",
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + DATABASE,
				"--spring.datasource.username=postgres", "--spring.datasource.password=",
				"--smiledesk.channels.webhook-secret=" + SECRET));
		long started = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/inbox-kill-test-server.log")))
			.start();
		while (!answers()) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the server did not start: see target/inbox-kill-test-server.log");
			}
			sleep(200);
		}
		System.out.printf(Locale.ROOT, "server %s: up in %.1f s%n", label, (System.nanoTime() - started) / 1e9);
		return process;
	}

	private boolean answers() {
		try {
			return http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/actuator/health"))
					.timeout(Duration.ofSeconds(1))
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static long count(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DATABASE,
				"postgres", "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static void recreateDatabase() throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
				"postgres", ""); Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + DATABASE + " with (force)");
			statement.execute("create database " + DATABASE);
		}
	}

	private static void sleepUntil(long nanoTime) {
		long wait = nanoTime - System.nanoTime();
		if (wait > 0) {
			sleep(wait / 1_000_000);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
