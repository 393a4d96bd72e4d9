package io.smiledesk.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A scripted OpenAI-compatible chat server on loopback for tests: answers
 * {@code POST /v1/chat/completions} (or {@code /chat/completions}) from a queue of
 * replies, in the real response shape, and records every request it received.
 * <p>
 * With nothing queued it answers the {@link #byDefault(String) default reply}, or 500 if
 * there is none, so an unexpected call shows up as a failure rather than a hang.
 */
public final class FakeOpenAiServer implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Deque<Reply> script = new ConcurrentLinkedDeque<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final AtomicInteger ids = new AtomicInteger();

	private volatile Reply byDefault;

	private FakeOpenAiServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	public static FakeOpenAiServer start() {
		try {
			return new FakeOpenAiServer();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start the fake OpenAI server", ex);
		}
	}

	/** The base URL to configure, ending in {@code /v1} as OpenAI's does. */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1";
	}

	/** Queues a completion whose message content is {@code content} (often JSON). */
	public FakeOpenAiServer reply(String content) {
		return enqueue(new Reply(200, completion(content), Duration.ZERO));
	}

	/** Queues an HTTP error with an OpenAI-style error body (500, 429, 401...). */
	public FakeOpenAiServer fail(int status) {
		String body = "{\"error\":{\"message\":\"scripted failure\",\"type\":\"server_error\",\"code\":" + status
				+ "}}";
		return enqueue(new Reply(status, body, Duration.ZERO));
	}

	/** Queues a 200 answer with this exact body, e.g. one that is not JSON at all. */
	public FakeOpenAiServer rawBody(String body) {
		return enqueue(new Reply(200, body, Duration.ZERO));
	}

	/**
	 * Queues a completion held back until {@link #release()}: a client that times out
	 * returns while it is still held, which {@link #answered()} shows without timing.
	 */
	public FakeOpenAiServer holdReply(String content) {
		return enqueue(new Reply(200, completion(content), HELD));
	}

	/** Lets held replies go. */
	public void release() {
		this.released.countDown();
	}

	/** How many replies have been sent so far. */
	public int answered() {
		return this.answered.get();
	}

	/** What to answer when nothing is queued. */
	public FakeOpenAiServer byDefault(String content) {
		this.byDefault = new Reply(200, completion(content), Duration.ZERO);
		return this;
	}

	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	public int pending() {
		return this.script.size();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private FakeOpenAiServer enqueue(Reply reply) {
		this.script.add(reply);
		return this;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
			String path = exchange.getRequestURI().getPath();
			if (!"POST".equals(exchange.getRequestMethod()) || !path.endsWith("/chat/completions")) {
				send(exchange, 404, "{\"error\":{\"message\":\"not found\"}}");
				return;
			}
			this.requests.add(new Request(path, headers, body));
			Reply reply = this.script.poll();
			if (reply == null) {
				reply = (this.byDefault != null) ? this.byDefault
						: new Reply(500, "{\"error\":{\"message\":\"nothing scripted\"}}", Duration.ZERO);
			}
			if (reply.delay() == HELD) {
				try {
					this.released.await(30, java.util.concurrent.TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
			send(exchange, reply.status(), reply.body());
			this.answered.incrementAndGet();
		}
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		try {
			exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
		catch (IOException ex) {
			// the client gave up (timeout); nothing to answer
		}
	}

	private String completion(String content) {
		ObjectNode root = JSON.createObjectNode();
		root.put("id", "chatcmpl-fake-" + this.ids.incrementAndGet());
		root.put("object", "chat.completion");
		root.put("created", 1754308800L);
		root.put("model", "fake-model");
		ObjectNode choice = root.putArray("choices").addObject();
		choice.put("index", 0);
		ObjectNode message = choice.putObject("message");
		message.put("role", "assistant");
		message.put("content", content);
		choice.put("finish_reason", "stop");
		ObjectNode usage = root.putObject("usage");
		usage.put("prompt_tokens", 100);
		usage.put("completion_tokens", 20);
		usage.put("total_tokens", 120);
		return JSON.writeValueAsString(root);
	}

	/** The delay of a reply held until released. */
	private static final Duration HELD = Duration.ofDays(1);

	private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);

	private final java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();

	private record Reply(int status, String body, Duration delay) {
	}

	/** One request as received; headers are looked up ignoring case. */
	public record Request(String path, Map<String, String> headers, String body) {

		public String header(String name) {
			return this.headers.get(name);
		}

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		/** The chat messages' contents, in order (system first). */
		public List<String> messages() {
			List<String> contents = new ArrayList<>();
			json().path("messages").forEach(message -> contents.add(message.path("content").asString()));
			return contents;
		}

		public String messageOf(String role) {
			for (JsonNode message : json().path("messages")) {
				if (role.equals(message.path("role").asString().toLowerCase(Locale.ROOT))) {
					return message.path("content").asString();
				}
			}
			return null;
		}

	}

}
