package io.smiledesk.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for Twilio's Messages API: {@code POST
 * /2010-04-01/Accounts/{AccountSid}/Messages.json}, form-encoded, HTTP basic auth with
 * the account SID and auth token, answering 201 with a message resource as Twilio does,
 * or Twilio's error document. Tests queue failures with {@link #failNext}.
 */
public final class FakeTwilioServer {

	public static final String ACCOUNT_SID = "AC00000000000000000000000000000000";

	public static final String AUTH_TOKEN = "test-twilio-auth-token";

	private static final Pattern MESSAGES = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages\\.json");

	private static FakeTwilioServer shared;

	private final HttpServer server;

	private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

	private final Deque<int[]> failures = new ConcurrentLinkedDeque<>();

	private final AtomicInteger sids = new AtomicInteger();

	private FakeTwilioServer() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/", this::handle);
		server.start();
	}

	/** One server for the whole test run, so that contexts do not differ by its port. */
	public static synchronized FakeTwilioServer shared() {
		if (shared == null) {
			shared = new FakeTwilioServer();
		}
		return shared;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** The form of every message accepted or refused so far. */
	public List<Map<String, String>> received() {
		return List.copyOf(received);
	}

	/** The next request is answered with this HTTP status and Twilio error code. */
	public void failNext(int status, int code) {
		failures.add(new int[] { status, code });
	}

	public void reset() {
		received.clear();
		failures.clear();
	}

	private void handle(HttpExchange exchange) throws IOException {
		Matcher path = MESSAGES.matcher(exchange.getRequestURI().getPath());
		String expected = "Basic "
				+ Base64.getEncoder().encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
		if (!"POST".equals(exchange.getRequestMethod()) || !path.matches()) {
			respond(exchange, 404, error(20404, "The requested resource was not found", 404));
			return;
		}
		if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))
				|| !ACCOUNT_SID.equals(path.group(1))) {
			respond(exchange, 401, error(20003, "Authenticate", 401));
			return;
		}
		Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		received.add(form);
		int[] failure = failures.poll();
		if (failure != null) {
			respond(exchange, failure[0], error(failure[1], "Simulated failure", failure[0]));
			return;
		}
		if (!form.containsKey("To") || !form.containsKey("From") || !form.containsKey("Body")) {
			respond(exchange, 400, error(21604, "A 'To' phone number is required.", 400));
			return;
		}
		String sid = "SM%032d".formatted(sids.incrementAndGet());
		respond(exchange, 201, "{\"sid\":\"" + sid + "\",\"account_sid\":\"" + ACCOUNT_SID
				+ "\",\"status\":\"queued\",\"num_segments\":\"1\",\"direction\":\"outbound-api\"}");
	}

	private static String error(int code, String message, int status) {
		return "{\"code\":" + code + ",\"message\":\"" + message
				+ "\",\"more_info\":\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":" + status + "}";
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : body.split("&")) {
			if (!pair.isEmpty()) {
				String[] parts = pair.split("=", 2);
				form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
						parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
			}
		}
		return form;
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}
