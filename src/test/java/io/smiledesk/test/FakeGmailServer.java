package io.smiledesk.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for the Google side of Gmail push, speaking Gmail's REST JSON:
 * {@code users.history.list} (404 NOT_FOUND for a start history id it no longer keeps),
 * {@code users.messages.get} (full and metadata), {@code users.messages.list},
 * {@code users.messages.send} and {@code users.watch}, each behind a bearer access token;
 * Google's OAuth token endpoint for refresh tokens; and Google's JWK set, whose key signs
 * the OIDC tokens Pub/Sub would send. Every call is recorded.
 */
public final class FakeGmailServer {

	public static final String ACCESS_TOKEN = "test-gmail-access-token";

	public static final String MAILBOX = "desk@brightside-dental.example";

	public static final String CLIENT_ID = "test-client.apps.googleusercontent.com";

	public static final String CLIENT_SECRET = "test-client-secret";

	public static final String REFRESH_TOKEN = "test-refresh-token";

	public static final String KEY_ID = "fake-google-key-1";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern USER_PATH = Pattern.compile("/gmail/v1/users/([^/]+)(/.*)");

	private static FakeGmailServer shared;

	private final HttpServer server;

	private final RSAKey signingKey;

	private final Map<String, ObjectNode> messages = new LinkedHashMap<>();

	private final List<ObjectNode> history = new ArrayList<>();

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final List<Sent> sent = new CopyOnWriteArrayList<>();

	private final AtomicLong historyId = new AtomicLong(1000);

	private final AtomicInteger ids = new AtomicInteger();

	private final Deque<Object[]> failures = new ConcurrentLinkedDeque<>();

	private volatile long oldestHistoryId;

	private volatile Instant watchExpiration = MutableClock.DEFAULT.plusSeconds(7 * 24 * 3600);

	/** A call as it arrived: the path below the user, e.g. /history, and its query. */
	public record Call(String method, String path, Map<String, List<String>> query, String body) {

		public String param(String name) {
			List<String> values = query.get(name);
			return values == null ? null : values.get(0);
		}

	}

	/**
	 * A message sent through {@code users.messages.send}: its thread and RFC 2822 text.
	 */
	public record Sent(String id, String threadId, String raw) {
	}

	private FakeGmailServer() {
		try {
			signingKey = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		server.createContext("/", this::handle);
		server.start();
	}

	/** One server for the whole test run, so that contexts do not differ by its port. */
	public static synchronized FakeGmailServer shared() {
		if (shared == null) {
			shared = new FakeGmailServer();
		}
		return shared;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	public String jwkSetUri() {
		return baseUrl() + "/oauth2/v3/certs";
	}

	public String tokenUrl() {
		return baseUrl() + "/token";
	}

	public synchronized void reset() {
		messages.clear();
		history.clear();
		calls.clear();
		sent.clear();
		oldestHistoryId = 0;
		failures.clear();
		watchExpiration = MutableClock.DEFAULT.plusSeconds(7 * 24 * 3600);
	}

	/** A patient's message arriving in the inbox, in a new thread; returns its id. */
	public String deliver(String from, String subject, String text) {
		return deliver(null, from, subject, text, List.of("INBOX", "UNREAD"), Map.of());
	}

	/**
	 * A message arriving in a thread (null: a new one) with these labels and extra
	 * headers; returns its id.
	 */
	public synchronized String deliver(String threadId, String from, String subject, String text, List<String> labels,
			Map<String, String> extraHeaders) {
		String id = "%016x".formatted(0x18a0000000000000L + ids.incrementAndGet());
		String thread = threadId == null ? id : threadId;
		ObjectNode payload = JSON.createObjectNode().put("partId", "").put("mimeType", "multipart/alternative");
		payload.put("filename", "");
		ArrayNode headers = payload.putArray("headers");
		header(headers, "From", from);
		header(headers, "To", MAILBOX);
		header(headers, "Subject", subject);
		header(headers, "Date", "Mon, 4 Aug 2025 08:00:00 -0400");
		header(headers, "Message-ID", "<CA" + id + "@mail.gmail.com>");
		extraHeaders.forEach((name, value) -> header(headers, name, value));
		payload.putObject("body").put("size", 0);
		ArrayNode parts = payload.putArray("parts");
		parts.add(part("0", "text/plain", text));
		parts.add(part("1", "text/html", "<div dir=\"ltr\">" + text.replace("\n", "<br>") + "</div>"));
		add(id, thread, labels, text, payload);
		return id;
	}

	/** The mailbox's current history id, as a push would announce it. */
	public long historyId() {
		return historyId.get();
	}

	/** Pub/Sub's {@code data} for the mailbox as it is now. */
	public String pushData() {
		String json = "{\"emailAddress\":\"" + MAILBOX + "\",\"historyId\":" + historyId() + "}";
		return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	/** History before this id is gone, as Gmail forgets it after about a week. */
	public void forgetHistoryBefore(long historyId) {
		oldestHistoryId = historyId;
	}

	/** The next call to a path starting with this fails with Google's error document. */
	public void failNext(String pathPrefix, int status) {
		failures.add(new Object[] { pathPrefix, status });
	}

	public void watchExpiration(Instant expiration) {
		watchExpiration = expiration;
	}

	public List<Call> calls() {
		return List.copyOf(calls);
	}

	/** Calls to one of the user's resources, e.g. /history or /watch. */
	public List<Call> calls(String path) {
		return calls.stream().filter(call -> call.path().equals(path)).toList();
	}

	public List<Sent> sent() {
		return List.copyOf(sent);
	}

	/** An ID token signed with Google's (this fake's) key. */
	public String signIdToken(JWTClaimsSet claims) {
		return sign(signingKey, claims);
	}

	public static String sign(RSAKey key, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try {
			String path = exchange.getRequestURI().getRawPath();
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			if (path.equals("/oauth2/v3/certs")) {
				respond(exchange, 200, new JWKSet(signingKey.toPublicJWK()).toString());
				return;
			}
			if (path.equals("/token") && "POST".equals(exchange.getRequestMethod())) {
				token(exchange, body);
				return;
			}
			Matcher user = USER_PATH.matcher(path);
			if (!user.matches()) {
				respond(exchange, 404, error(404, "Not Found", "NOT_FOUND"));
				return;
			}
			if (!("Bearer " + ACCESS_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
				respond(exchange, 401, error(401,
						"Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie"
								+ " or other valid authentication credential.",
						"UNAUTHENTICATED"));
				return;
			}
			String userId = URLDecoder.decode(user.group(1), StandardCharsets.UTF_8);
			if (!userId.equals("me") && !userId.equals(MAILBOX)) {
				respond(exchange, 403, error(403, "Delegation denied for " + userId, "PERMISSION_DENIED"));
				return;
			}
			Call call = new Call(exchange.getRequestMethod(), user.group(2),
					query(exchange.getRequestURI().getRawQuery()), body);
			calls.add(call);
			synchronized (this) {
				route(exchange, call);
			}
		}
		catch (RuntimeException ex) {
			respond(exchange, 500, error(500, String.valueOf(ex.getMessage()), "INTERNAL"));
		}
	}

	private void route(HttpExchange exchange, Call call) throws IOException {
		String method = call.method();
		String path = call.path();
		Object[] failure = failures.peek();
		if (failure != null && path.startsWith((String) failure[0]) && failures.remove(failure)) {
			int status = (Integer) failure[1];
			respond(exchange, status, error(status, "The service is currently unavailable.", "UNAVAILABLE"));
			return;
		}
		if (method.equals("GET") && path.equals("/history")) {
			history(exchange, call);
		}
		else if (method.equals("GET") && path.equals("/messages")) {
			list(exchange, call);
		}
		else if (method.equals("GET") && path.startsWith("/messages/")) {
			ObjectNode message = messages.get(URLDecoder.decode(path.substring(10), StandardCharsets.UTF_8));
			if (message == null) {
				respond(exchange, 404, notFound());
			}
			else {
				respond(exchange, 200, JSON.writeValueAsString(format(message, call)));
			}
		}
		else if (method.equals("POST") && path.equals("/messages/send")) {
			send(exchange, call);
		}
		else if (method.equals("POST") && path.equals("/watch")) {
			JsonNode request = JSON.readTree(call.body());
			if (!request.path("topicName").isString()) {
				respond(exchange, 400, error(400, "Invalid topicName", "INVALID_ARGUMENT"));
				return;
			}
			respond(exchange, 200, "{\"historyId\":\"" + historyId() + "\",\"expiration\":\""
					+ watchExpiration.toEpochMilli() + "\"}");
		}
		else {
			respond(exchange, 404, notFound());
		}
	}

	private void history(HttpExchange exchange, Call call) throws IOException {
		long start = Long.parseLong(call.param("startHistoryId"));
		if (start < oldestHistoryId) {
			respond(exchange, 404, notFound());
			return;
		}
		ObjectNode answer = JSON.createObjectNode();
		List<ObjectNode> after = history.stream().filter(record -> record.path("id").asLong() > start).toList();
		if (!after.isEmpty()) {
			answer.putArray("history").addAll(after);
		}
		answer.put("historyId", Long.toString(historyId()));
		respond(exchange, 200, JSON.writeValueAsString(answer));
	}

	private void list(HttpExchange exchange, Call call) throws IOException {
		List<ObjectNode> newestFirst = new ArrayList<>(messages.values());
		java.util.Collections.reverse(newestFirst);
		int max = call.param("maxResults") == null ? 100 : Integer.parseInt(call.param("maxResults"));
		ObjectNode answer = JSON.createObjectNode();
		if (!newestFirst.isEmpty()) {
			ArrayNode list = answer.putArray("messages");
			newestFirst.stream()
				.limit(max)
				.forEach(message -> list.addObject()
					.put("id", message.path("id").asString())
					.put("threadId", message.path("threadId").asString()));
		}
		answer.put("resultSizeEstimate", Math.min(max, newestFirst.size()));
		respond(exchange, 200, JSON.writeValueAsString(answer));
	}

	private void send(HttpExchange exchange, Call call) throws IOException {
		JsonNode request = JSON.readTree(call.body());
		String raw;
		try {
			raw = new String(Base64.getUrlDecoder().decode(request.path("raw").asString("")), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			respond(exchange, 400, error(400, "Invalid value for ByteString", "INVALID_ARGUMENT"));
			return;
		}
		if (raw.isBlank() || !raw.contains("\r\n\r\n")) {
			respond(exchange, 400, error(400, "Invalid To header", "INVALID_ARGUMENT"));
			return;
		}
		String threadId = request.path("threadId").asString(null);
		if (threadId != null
				&& messages.values().stream().noneMatch(m -> m.path("threadId").asString().equals(threadId))) {
			respond(exchange, 404, notFound());
			return;
		}
		String id = "%016x".formatted(0x18b0000000000000L + ids.incrementAndGet());
		String thread = threadId == null ? id : threadId;
		ObjectNode payload = JSON.createObjectNode().put("mimeType", "text/plain");
		payload.putArray("headers");
		payload.putObject("body").put("size", raw.length());
		// the clinic's reply shows up in the mailbox's history too, labelled SENT
		add(id, thread, List.of("SENT"), "", payload);
		sent.add(new Sent(id, thread, raw));
		respond(exchange, 200, "{\"id\":\"" + id + "\",\"threadId\":\"" + thread + "\",\"labelIds\":[\"SENT\"]}");
	}

	private void token(HttpExchange exchange, String body) throws IOException {
		Map<String, List<String>> form = query(body);
		boolean valid = "refresh_token".equals(first(form, "grant_type")) && CLIENT_ID.equals(first(form, "client_id"))
				&& CLIENT_SECRET.equals(first(form, "client_secret"))
				&& REFRESH_TOKEN.equals(first(form, "refresh_token"));
		calls.add(new Call("POST", "/token", form, body));
		if (!valid) {
			respond(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Bad Request\"}");
			return;
		}
		respond(exchange, 200, "{\"access_token\":\"" + ACCESS_TOKEN
				+ "\",\"expires_in\":3599,\"scope\":\"https://www.googleapis.com/auth/gmail.modify\",\"token_type\":\"Bearer\"}");
	}

	private void add(String id, String thread, List<String> labels, String text, ObjectNode payload) {
		long history = historyId.incrementAndGet();
		ObjectNode message = JSON.createObjectNode().put("id", id).put("threadId", thread);
		ArrayNode labelIds = message.putArray("labelIds");
		labels.forEach(labelIds::add);
		message.put("snippet", text.length() > 100 ? text.substring(0, 100) : text)
			.put("historyId", Long.toString(history))
			.put("internalDate", "1754308800000")
			.put("sizeEstimate", 1024);
		message.set("payload", payload);
		messages.put(id, message);
		ObjectNode record = JSON.createObjectNode().put("id", Long.toString(history));
		record.putArray("messages").addObject().put("id", id).put("threadId", thread);
		ObjectNode added = record.putArray("messagesAdded").addObject().putObject("message");
		added.put("id", id).put("threadId", thread);
		ArrayNode addedLabels = added.putArray("labelIds");
		labels.forEach(addedLabels::add);
		this.history.add(record);
	}

	/** format=metadata keeps only the headers asked for, and no body. */
	private static ObjectNode format(ObjectNode message, Call call) {
		if (!"metadata".equals(call.param("format"))) {
			return message;
		}
		List<String> wanted = call.query().getOrDefault("metadataHeaders", List.of());
		ObjectNode copy = message.deepCopy();
		ObjectNode payload = JSON.createObjectNode()
			.put("mimeType", message.path("payload").path("mimeType").asString());
		ArrayNode headers = payload.putArray("headers");
		message.path("payload").path("headers").forEach(header -> {
			if (wanted.stream().anyMatch(name -> name.equalsIgnoreCase(header.path("name").asString()))) {
				headers.add(header);
			}
		});
		copy.set("payload", payload);
		return copy;
	}

	private static ObjectNode part(String partId, String mimeType, String text) {
		ObjectNode part = JSON.createObjectNode().put("partId", partId).put("mimeType", mimeType).put("filename", "");
		header(part.putArray("headers"), "Content-Type", mimeType + "; charset=\"UTF-8\"");
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		part.putObject("body").put("size", bytes.length).put("data", Base64.getUrlEncoder().encodeToString(bytes));
		return part;
	}

	private static void header(ArrayNode headers, String name, String value) {
		headers.addObject().put("name", name).put("value", value);
	}

	private static String notFound() {
		return error(404, "Requested entity was not found.", "NOT_FOUND");
	}

	private static String error(int code, String message, String status) {
		return JSON.writeValueAsString(JSON.createObjectNode()
			.set("error", JSON.createObjectNode().put("code", code).put("message", message).put("status", status)));
	}

	private static String first(Map<String, List<String>> form, String name) {
		List<String> values = form.get(name);
		return values == null ? null : values.get(0);
	}

	private static Map<String, List<String>> query(String raw) {
		Map<String, List<String>> query = new LinkedHashMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				if (!pair.isEmpty()) {
					String[] parts = pair.split("=", 2);
					query
						.computeIfAbsent(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), name -> new ArrayList<>())
						.add(parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
				}
			}
		}
		return query;
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}
