package io.smiledesk.benchmark;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import io.smiledesk.benchmark.SchedulingBenchmark.Database;
import io.smiledesk.knowledge.ClinicQuestions;
import io.smiledesk.knowledge.KnowledgeDocuments;
import io.smiledesk.knowledge.KnowledgeSearch;
import io.smiledesk.system.SentenceEmbeddings;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Knowledge-base search latency: the demo knowledge base plus 1,000 generated documents
 * (about 4 sections each), searched with the evaluation set's patient questions, in
 * process ({@code KnowledgeSearch.search}: query embedding, BM25, vector scan, fusion;
 * and the whole answer, {@code ClinicQuestions.ask}) and over HTTP
 * ({@code POST /api/v1/knowledge/search}). Not a test: run it with
 * {@code ./mvnw -q -Pbenchmark test-compile exec:exec -Dbenchmark.class=KnowledgeBenchmark}.
 */
public final class KnowledgeBenchmark {

	private static final int DOCUMENTS = 1_000;

	private static final int WARM_UP = 500;

	private static final int TIMED = 3_000;

	private static final int TIMED_HTTP = 1_000;

	private static final String[] TOPICS = { "orthodontic retainers", "gum disease", "root canal treatment",
			"dental crowns", "bridges", "veneers", "night guards", "sports mouthguards", "dry mouth", "bad breath",
			"tooth sensitivity", "children's first visit", "fluoride varnish", "sealants", "x-ray safety",
			"pregnancy and dental care", "diabetes and gums", "smoking and oral health", "teeth grinding", "jaw pain",
			"dentures", "partial dentures", "implant consultations", "bone grafts", "oral cancer screening",
			"wisdom teeth", "baby teeth", "thumb sucking", "electric toothbrushes", "flossing technique" };

	private static final String[] ASPECTS = { "What it is", "Who needs it", "How long it takes", "What it costs",
			"Booking", "Aftercare", "Insurance", "Risks", "Children", "Follow-up visits" };

	private static final String[] WORDS = ("patient patients clinic dentist hygienist appointment visit treatment "
			+ "plan insurance cost price minutes weeks months gentle care comfortable numb sensitive enamel gums "
			+ "cleaning check-up x-ray follow-up recommend usually most people often daily brush floss rinse "
			+ "water sugar snacks coffee night morning evening weekday saturday front desk call email form consent "
			+ "deposit refund discount family children adults seniors schedule reminder text message portal")
		.split(" ");

	private KnowledgeBenchmark() {
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
		try (ConfigurableApplicationContext context = SchedulingBenchmark.start(database)) {
			KnowledgeDocuments documents = context.getBean(KnowledgeDocuments.class);
			KnowledgeSearch search = context.getBean(KnowledgeSearch.class);
			search.search("warm up", 1);
			Random random = new Random(42);
			long indexing = System.nanoTime();
			for (int i = 0; i < DOCUMENTS; i++) {
				documents.create(generated(i, random), "benchmark");
			}
			double indexSeconds = (System.nanoTime() - indexing) / 1e9;
			List<String> queries = questions();
			for (int i = 0; i < WARM_UP; i++) {
				search.search(queries.get(i % queries.size()), 5);
			}
			SentenceEmbeddings embeddings = context.getBean(SentenceEmbeddings.class);
			// a question asked for the first time: its vector is computed
			long[] nanos = new long[TIMED];
			for (int i = 0; i < TIMED; i++) {
				embeddings.clearCache();
				long start = System.nanoTime();
				search.search(queries.get(i % queries.size()), 5);
				nanos[i] = System.nanoTime() - start;
			}
			// a question asked before (the recent-texts cache has its vector)
			long[] warmNanos = new long[TIMED];
			for (int i = 0; i < TIMED; i++) {
				long start = System.nanoTime();
				search.search(queries.get(i % queries.size()), 5);
				warmNanos[i] = System.nanoTime() - start;
			}
			// the whole answer: search, answerability, the quoted sentences
			ClinicQuestions answers = context.getBean(ClinicQuestions.class);
			for (int i = 0; i < WARM_UP; i++) {
				answers.ask(queries.get(i % queries.size()));
			}
			long[] answerNanos = new long[TIMED];
			for (int i = 0; i < TIMED; i++) {
				embeddings.clearCache();
				long start = System.nanoTime();
				answers.ask(queries.get(i % queries.size()));
				answerNanos[i] = System.nanoTime() - start;
			}
			long[] embedNanos = new long[TIMED];
			for (int i = 0; i < TIMED; i++) {
				embeddings.clearCache();
				long start = System.nanoTime();
				embeddings.embed(queries.get(i % queries.size()));
				embedNanos[i] = System.nanoTime() - start;
			}
			String baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			for (int i = 0; i < 200; i++) {
				post(http, baseUrl, queries.get(i % queries.size()));
			}
			long[] httpNanos = new long[TIMED_HTTP];
			for (int i = 0; i < TIMED_HTTP; i++) {
				embeddings.clearCache();
				long start = System.nanoTime();
				post(http, baseUrl, queries.get(i % queries.size()));
				httpNanos[i] = System.nanoTime() - start;
			}
			List<String> summary = new ArrayList<>();
			summary.add(String.format(Locale.ROOT, "load average         %.2f before the run", load));
			summary.add(String.format(Locale.ROOT,
					"knowledge base       %d documents (%d generated + demo), indexed in %.1f s", documents.count(),
					DOCUMENTS, indexSeconds));
			summary.add("queries              " + queries.size() + " patient questions (evaluation set), limit 5");
			summary.add("search in-process    " + new Latencies(nanos) + " (new questions)");
			summary.add("  of which embedding " + new Latencies(embedNanos) + " (the question's vector alone)");
			summary.add("search, repeated q.  " + new Latencies(warmNanos) + " (question vector cached)");
			summary.add("answer in-process    " + new Latencies(answerNanos)
					+ " (ClinicQuestions.ask: search, answerability, quoted sentences; new questions)");
			summary.add("search over HTTP     " + new Latencies(httpNanos));
			print(database, startedAt, summary);
		}
	}

	private static void post(HttpClient http, String baseUrl, String query) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/knowledge/search"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"query\":\"" + query.replace("\\", "").replace("\"", "") + "\",\"limit\":5}"))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
		}
	}

	private static KnowledgeDocuments.Draft generated(int number, Random random) {
		String topic = TOPICS[number % TOPICS.length];
		StringBuilder body = new StringBuilder("# " + capitalised(topic) + "\n\n");
		int sections = 3 + random.nextInt(3);
		for (int s = 0; s < sections; s++) {
			body.append("## ").append(ASPECTS[random.nextInt(ASPECTS.length)]).append("\n\n");
			int sentences = 2 + random.nextInt(3);
			for (int i = 0; i < sentences; i++) {
				body.append(capitalised(topic)).append(' ');
				int words = 6 + random.nextInt(8);
				for (int w = 0; w < words; w++) {
					body.append(WORDS[random.nextInt(WORDS.length)]).append(w + 1 < words ? " " : ". ");
				}
			}
			body.append("\n\n");
		}
		return new KnowledgeDocuments.Draft(capitalised(topic) + " " + (number + 1), body.toString(),
				List.of("generated"));
	}

	private static String capitalised(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static List<String> questions() throws Exception {
		try (InputStream in = KnowledgeBenchmark.class.getResourceAsStream("/knowledge/evaluation.tsv")) {
			List<String> questions = new ArrayList<>();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank() && !line.startsWith("#")) {
					questions.add(line.split("\t", 2)[1].strip());
				}
			}
			return questions;
		}
	}

	private static void print(Database database, ZonedDateTime startedAt, List<String> lines) {
		String rule = "=".repeat(100);
		System.out.println();
		System.out.println(rule);
		System.out
			.println("SmileDesk knowledge search benchmark (BM25 + vectors, RRF)  |  database: " + database.label);
		System.out.println(rule);
		System.out.println("run at               " + startedAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
				+ "  (took " + Duration.between(startedAt, ZonedDateTime.now()).toSeconds() + " s)");
		System.out.println("JDK                  " + System.getProperty("java.vm.vendor") + " " + Runtime.version());
		System.out.println("cores                " + Runtime.getRuntime().availableProcessors() + " (max heap "
				+ Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB)");
		lines.forEach(System.out::println);
		System.out.println(rule);
	}

}
