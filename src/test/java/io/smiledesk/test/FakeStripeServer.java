package io.smiledesk.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for Stripe's REST API as stripe-java speaks it: form-encoded requests
 * behind {@code Authorization: Bearer <secret key>}, JSON answers shaped like Stripe's,
 * Stripe's error bodies, and {@code Idempotency-Key} replays (the same key answers the
 * first response again). Serves {@code POST /v1/checkout/sessions}, {@code GET
 * /v1/checkout/sessions/{id}}, {@code POST /v1/checkout/sessions/{id}/expire},
 * {@code POST /v1/refunds} and {@code GET /v1/payment_intents/{id}}. Tests complete a
 * session as a paying patient would ({@link #complete}) and get webhook events signed
 * like Stripe's ({@link #signature}). Every call is recorded.
 */
public final class FakeStripeServer {

	public static final String API_KEY = "sk_test_smiledesk_fake";

	public static final String WEBHOOK_SECRET = "whsec_test_smiledesk_fake";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern SESSION = Pattern.compile("/v1/checkout/sessions/([^/]+)(/expire)?");

	private static final Pattern INTENT = Pattern.compile("/v1/payment_intents/([^/]+)");

	private static FakeStripeServer shared;

	private final HttpServer server;

	private final Map<String, ObjectNode> sessions = new LinkedHashMap<>();

	private final Map<String, ObjectNode> intents = new LinkedHashMap<>();

	private final Map<String, ObjectNode> refunds = new LinkedHashMap<>();

	private final Map<String, String> idempotent = new LinkedHashMap<>();

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final AtomicInteger ids = new AtomicInteger(1000);

	private volatile boolean refuseRefunds;

	/** A call as it arrived: method, path, the form fields and the idempotency key. */
	public record Call(String method, String path, Map<String, String> form, String idempotencyKey) {
	}

	private FakeStripeServer() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/", this::handle);
		server.start();
	}

	public static synchronized FakeStripeServer shared() {
		if (shared == null) {
			shared = new FakeStripeServer();
		}
		return shared;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	public synchronized void reset() {
		sessions.clear();
		intents.clear();
		refunds.clear();
		idempotent.clear();
		calls.clear();
		refuseRefunds = false;
	}

	public List<Call> calls() {
		return List.copyOf(calls);
	}

	public List<Call> calls(String method, String pathStart) {
		return calls.stream()
			.filter(call -> call.method().equals(method) && call.path().startsWith(pathStart))
			.toList();
	}

	/** Refunds answer Stripe's error from now on (until {@link #reset}). */
	public void refuseRefunds() {
		refuseRefunds = true;
	}

	public synchronized ObjectNode session(String id) {
		return sessions.get(id).deepCopy();
	}

	/**
	 * The patient paid: the session is complete and paid, with a succeeded payment intent
	 * carrying the session's {@code payment_intent_data[metadata]}. Returns the session.
	 */
	public synchronized ObjectNode complete(String sessionId) {
		ObjectNode session = sessions.get(sessionId);
		ObjectNode intent = JSON.createObjectNode();
		String intentId = "pi_test_" + ids.incrementAndGet();
		intent.put("id", intentId);
		intent.put("object", "payment_intent");
		intent.put("amount", session.path("amount_total").asLong());
		intent.put("amount_received", session.path("amount_total").asLong());
		intent.put("currency", session.path("currency").asString());
		intent.put("status", "succeeded");
		intent.put("livemode", false);
		intent.set("metadata", session.path("payment_intent_metadata").deepCopy());
		intents.put(intentId, intent);
		session.put("status", "complete");
		session.put("payment_status", "paid");
		session.put("payment_intent", intentId);
		return publicSession(session);
	}

	public synchronized ObjectNode paymentIntent(String id) {
		return intents.get(id).deepCopy();
	}

	/** A webhook event as Stripe sends it, around {@code object}. */
	public String event(String type, ObjectNode object, long createdEpochSecond) {
		ObjectNode event = JSON.createObjectNode();
		event.put("id", "evt_test_" + ids.incrementAndGet());
		event.put("object", "event");
		event.put("api_version", "2026-07-29.dahlia");
		event.put("created", createdEpochSecond);
		event.put("livemode", false);
		event.put("pending_webhooks", 1);
		event.put("type", type);
		event.set("data", JSON.createObjectNode().set("object", object));
		event.set("request", JSON.createObjectNode().putNull("id"));
		return JSON.writeValueAsString(event);
	}

	/**
	 * The {@code Stripe-Signature} header Stripe would send: HMAC-SHA256 of "t.payload".
	 */
	public static String signature(String payload, String secret, long timestamp) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
			return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String path = exchange.getRequestURI().getPath();
			String method = exchange.getRequestMethod();
			Map<String, String> form = form(body);
			String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
			calls.add(new Call(method, path, form, key));
			if (!("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
				error(exchange, 401, "invalid_request_error", "Invalid API Key provided.");
				return;
			}
			synchronized (this) {
				String replay = key == null ? null : idempotent.get(method + " " + path + " " + key);
				if (replay != null) {
					exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
					respond(exchange, 200, replay);
					return;
				}
				Answer answer = answer(method, path, form);
				if (key != null && answer.status() == 200) {
					idempotent.put(method + " " + path + " " + key, answer.body());
				}
				respond(exchange, answer.status(), answer.body());
			}
		}
	}

	private record Answer(int status, String body) {
	}

	private Answer answer(String method, String path, Map<String, String> form) {
		Matcher session = SESSION.matcher(path);
		Matcher intent = INTENT.matcher(path);
		if (method.equals("POST") && path.equals("/v1/checkout/sessions")) {
			return ok(publicSession(createSession(form)));
		}
		if (session.matches() && sessions.containsKey(session.group(1))) {
			ObjectNode found = sessions.get(session.group(1));
			if (method.equals("POST") && session.group(2) != null) {
				if (!"open".equals(found.path("status").asString())) {
					return failure(400, "invalid_request_error",
							"Only Checkout Sessions with a status in [\"open\"] can be expired.");
				}
				found.put("status", "expired");
				found.putNull("url");
			}
			return ok(publicSession(found));
		}
		if (method.equals("GET") && intent.matches() && intents.containsKey(intent.group(1))) {
			return ok(intents.get(intent.group(1)));
		}
		if (method.equals("POST") && path.equals("/v1/refunds")) {
			return refund(form);
		}
		return failure(404, "invalid_request_error", "Unrecognized request URL (" + method + ": " + path + ").");
	}

	private ObjectNode createSession(Map<String, String> form) {
		ObjectNode session = JSON.createObjectNode();
		String id = "cs_test_" + ids.incrementAndGet();
		session.put("id", id);
		session.put("object", "checkout.session");
		session.put("mode", form.get("mode"));
		session.put("status", "open");
		session.put("payment_status", "unpaid");
		session.put("url", "https://checkout.stripe.test/c/pay/" + id);
		session.put("success_url", form.get("success_url"));
		session.put("cancel_url", form.get("cancel_url"));
		session.put("client_reference_id", form.get("client_reference_id"));
		session.put("currency", form.get("line_items[0][price_data][currency]"));
		session.put("amount_total", Long.parseLong(form.get("line_items[0][price_data][unit_amount]")));
		if (form.containsKey("expires_at")) {
			session.put("expires_at", Long.parseLong(form.get("expires_at")));
		}
		session.putNull("payment_intent");
		session.put("livemode", false);
		session.set("metadata", prefixed(form, "metadata["));
		session.set("payment_intent_metadata", prefixed(form, "payment_intent_data[metadata]["));
		sessions.put(id, session);
		return session;
	}

	private Answer refund(Map<String, String> form) {
		ObjectNode intent = intents.get(form.get("payment_intent"));
		if (intent == null) {
			return failure(400, "invalid_request_error",
					"No such payment_intent: '" + form.get("payment_intent") + "'");
		}
		if (refuseRefunds) {
			return failure(402, "card_error", "The refund could not be processed.");
		}
		ObjectNode refund = JSON.createObjectNode();
		String id = "re_test_" + ids.incrementAndGet();
		refund.put("id", id);
		refund.put("object", "refund");
		refund.put("amount", intent.path("amount").asLong());
		refund.put("currency", intent.path("currency").asString());
		refund.put("payment_intent", intent.path("id").asString());
		refund.put("status", "succeeded");
		refund.set("metadata", prefixed(form, "metadata["));
		refunds.put(id, refund);
		return ok(refund);
	}

	/** The session as Stripe shows it (without what this fake keeps for itself). */
	private static ObjectNode publicSession(ObjectNode session) {
		ObjectNode copy = session.deepCopy();
		copy.remove("payment_intent_metadata");
		return copy;
	}

	private static ObjectNode prefixed(Map<String, String> form, String prefix) {
		ObjectNode node = JSON.createObjectNode();
		form.forEach((name, value) -> {
			if (name.startsWith(prefix) && name.endsWith("]") && name.indexOf('[', prefix.length()) < 0) {
				node.put(name.substring(prefix.length(), name.length() - 1), value);
			}
		});
		return node;
	}

	private static Answer ok(ObjectNode node) {
		return new Answer(200, JSON.writeValueAsString(node));
	}

	private static Answer failure(int status, String type, String message) {
		ObjectNode error = JSON.createObjectNode();
		error.putObject("error").put("type", type).put("message", message);
		return new Answer(status, JSON.writeValueAsString(error));
	}

	private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
		Answer answer = failure(status, type, message);
		respond(exchange, answer.status(), answer.body());
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new LinkedHashMap<>();
		if (body.isEmpty()) {
			return form;
		}
		for (String pair : body.split("&")) {
			int equals = pair.indexOf('=');
			String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
			String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			form.put(name, value);
		}
		return form;
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.getResponseHeaders().set("Request-Id", "req_fake");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

}
