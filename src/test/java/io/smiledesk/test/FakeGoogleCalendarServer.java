package io.smiledesk.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for Google Calendar API v3, speaking its JSON: {@code events.list}
 * (full, or incremental after a {@code syncToken}, with {@code nextSyncToken}; 410 GONE
 * for a token it invalidated), {@code events.insert} (409 for an id that exists),
 * {@code events.patch}, {@code events.delete} (deleted events stay as cancelled, as
 * Google keeps them for incremental syncs), {@code events.watch} and
 * {@code channels.stop}, each behind a bearer access token. Every call is recorded.
 */
public final class FakeGoogleCalendarServer {

	public static final String ACCESS_TOKEN = "test-calendar-access-token";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern EVENTS = Pattern.compile("/calendar/v3/calendars/([^/]+)/events(?:/([^/]+))?");

	private static FakeGoogleCalendarServer shared;

	private final HttpServer server;

	/**
	 * Per calendar, per event id: the event and the change number it was last written at.
	 */
	private final Map<String, Map<String, ObjectNode>> calendars = new LinkedHashMap<>();

	private final Map<String, Long> changedAt = new LinkedHashMap<>();

	private final Map<String, ObjectNode> channels = new LinkedHashMap<>();

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private long changes = 100;

	private long validFrom;

	private boolean refuseWatches;

	/** A call as it arrived: method, path below /calendar/v3, query and body. */
	public record Call(String method, String path, Map<String, String> query, String body) {
	}

	private FakeGoogleCalendarServer() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/", this::handle);
		server.start();
	}

	public static synchronized FakeGoogleCalendarServer shared() {
		if (shared == null) {
			shared = new FakeGoogleCalendarServer();
		}
		return shared;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/calendar/v3";
	}

	public synchronized void reset() {
		calendars.clear();
		changedAt.clear();
		channels.clear();
		calls.clear();
		validFrom = 0;
		refuseWatches = false;
	}

	/** Watches answer 400, as for calendars that do not support push notifications. */
	public synchronized void refuseWatches(boolean refuse) {
		refuseWatches = refuse;
	}

	/** The provider adding an event of their own in Google; returns its id. */
	public synchronized String addEvent(String calendarId, Instant start, Instant end, String transparency) {
		String id = "own" + UUID.randomUUID().toString().replace("-", "");
		ObjectNode event = JSON.createObjectNode().put("id", id).put("status", "confirmed").put("summary", "Dentist");
		event.putObject("start").put("dateTime", start.toString());
		event.putObject("end").put("dateTime", end.toString());
		if (transparency != null) {
			event.put("transparency", transparency);
		}
		write(calendarId, event);
		return id;
	}

	/** The provider deleting an event in Google. */
	public synchronized void deleteEvent(String calendarId, String id) {
		ObjectNode event = events(calendarId).get(id);
		event.put("status", "cancelled");
		write(calendarId, event);
	}

	/** Sync tokens given so far stop working (410), as Google's do after a while. */
	public synchronized void invalidateSyncTokens() {
		validFrom = changes + 1;
	}

	public synchronized Map<String, ObjectNode> events(String calendarId) {
		return calendars.computeIfAbsent(calendarId, key -> new LinkedHashMap<>());
	}

	/** Events not cancelled. */
	public synchronized List<ObjectNode> live(String calendarId) {
		return events(calendarId).values()
			.stream()
			.filter(event -> !"cancelled".equals(event.path("status").asString()))
			.toList();
	}

	public synchronized Map<String, ObjectNode> channels() {
		return new LinkedHashMap<>(channels);
	}

	public List<Call> calls() {
		return List.copyOf(calls);
	}

	private void write(String calendarId, ObjectNode event) {
		changes++;
		event.put("updated", Instant.ofEpochSecond(1_700_000_000L + changes).toString());
		events(calendarId).put(event.path("id").asString(), event);
		changedAt.put(calendarId + "/" + event.path("id").asString(), changes);
	}

	private synchronized void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getRawPath();
			Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			calls.add(new Call(exchange.getRequestMethod(), path.replaceFirst("^/calendar/v3", ""), query, body));
			if (!("Bearer " + ACCESS_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
				error(exchange, 401, "UNAUTHENTICATED", "Invalid Credentials");
				return;
			}
			if ("POST".equals(exchange.getRequestMethod()) && path.equals("/calendar/v3/channels/stop")) {
				channels.remove(JSON.readTree(body).path("id").asString());
				respond(exchange, 204, null);
				return;
			}
			Matcher matcher = EVENTS.matcher(path);
			if (!matcher.matches()) {
				error(exchange, 404, "NOT_FOUND", "Not Found");
				return;
			}
			String calendarId = URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
			String eventId = matcher.group(2) == null ? null
					: URLDecoder.decode(matcher.group(2), StandardCharsets.UTF_8);
			switch (exchange.getRequestMethod()) {
				case "GET" -> list(exchange, calendarId, query);
				case "POST" -> {
					if ("watch".equals(eventId)) {
						watch(exchange, calendarId, JSON.readTree(body));
					}
					else {
						insert(exchange, calendarId, (ObjectNode) JSON.readTree(body));
					}
				}
				case "PATCH" -> patch(exchange, calendarId, eventId, (ObjectNode) JSON.readTree(body));
				case "DELETE" -> delete(exchange, calendarId, eventId);
				default -> error(exchange, 405, "METHOD_NOT_ALLOWED", "Method not allowed");
			}
		}
	}

	private void list(HttpExchange exchange, String calendarId, Map<String, String> query) throws IOException {
		String syncToken = query.get("syncToken");
		long since = 0;
		if (syncToken != null) {
			since = Long.parseLong(syncToken.substring("sync-".length()));
			if (since < validFrom) {
				error(exchange, 410, "GONE", "Sync token is no longer valid, a full sync is required.");
				return;
			}
		}
		List<ObjectNode> items = new ArrayList<>();
		for (ObjectNode event : events(calendarId).values()) {
			long at = changedAt.get(calendarId + "/" + event.path("id").asString());
			boolean cancelled = "cancelled".equals(event.path("status").asString());
			if (syncToken == null ? !cancelled : at > since) {
				items.add(event);
			}
		}
		ObjectNode page = JSON.createObjectNode()
			.put("kind", "calendar#events")
			.put("nextSyncToken", "sync-" + changes);
		page.putArray("items").addAll(items);
		respond(exchange, 200, page);
	}

	private void insert(HttpExchange exchange, String calendarId, ObjectNode event) throws IOException {
		String id = event.path("id").asString(null);
		if (id == null) {
			id = UUID.randomUUID().toString().replace("-", "");
			event.put("id", id);
		}
		if (events(calendarId).containsKey(id)) {
			error(exchange, 409, "ALREADY_EXISTS", "The requested identifier already exists.");
			return;
		}
		event.put("status", event.path("status").asString("confirmed"));
		write(calendarId, event);
		respond(exchange, 200, event);
	}

	private void patch(HttpExchange exchange, String calendarId, String id, ObjectNode changes) throws IOException {
		ObjectNode event = events(calendarId).get(id);
		if (event == null) {
			error(exchange, 404, "NOT_FOUND", "Not Found");
			return;
		}
		changes.properties().forEach(entry -> event.set(entry.getKey(), entry.getValue()));
		write(calendarId, event);
		respond(exchange, 200, event);
	}

	private void delete(HttpExchange exchange, String calendarId, String id) throws IOException {
		ObjectNode event = events(calendarId).get(id);
		if (event == null) {
			error(exchange, 404, "NOT_FOUND", "Not Found");
			return;
		}
		if ("cancelled".equals(event.path("status").asString())) {
			error(exchange, 410, "GONE", "Resource has been deleted");
			return;
		}
		event.put("status", "cancelled");
		write(calendarId, event);
		respond(exchange, 204, null);
	}

	private void watch(HttpExchange exchange, String calendarId, JsonNode request) throws IOException {
		if (refuseWatches) {
			error(exchange, 400, "INVALID_ARGUMENT", "Push notifications are not supported by this resource.");
			return;
		}
		long ttl = Long.parseLong(request.path("params").path("ttl").asString("604800"));
		ObjectNode channel = JSON.createObjectNode()
			.put("kind", "api#channel")
			.put("id", request.path("id").asString())
			.put("resourceId", "resource-" + calendarId)
			.put("resourceUri", baseUrl() + "/calendars/" + calendarId + "/events")
			.put("token", request.path("token").asString())
			.put("address", request.path("address").asString())
			.put("expiration", Long.toString(MutableClock.DEFAULT.plusSeconds(ttl).toEpochMilli()));
		channels.put(request.path("id").asString(), channel);
		respond(exchange, 200, channel);
	}

	private static void error(HttpExchange exchange, int status, String reason, String message) throws IOException {
		ObjectNode body = JSON.createObjectNode();
		body.putObject("error").put("code", status).put("message", message).put("status", reason);
		respond(exchange, status, body);
	}

	private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
		if (body == null) {
			exchange.sendResponseHeaders(status, -1);
			return;
		}
		byte[] bytes = JSON.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> query = new LinkedHashMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int equals = pair.indexOf('=');
				query.put(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
						equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return query;
	}

}
