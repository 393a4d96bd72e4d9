package io.smiledesk.calendar;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.smiledesk.system.GoogleOAuthTokens;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The Calendar API v3 calls SmileDesk makes (events list, insert, patch, delete, watch;
 * channels stop), over the JDK's HTTP client with Jackson, as the Gmail integration does.
 */
@Component
class GoogleCalendarApi {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final CalendarProperties properties;

	private final GoogleOAuthTokens tokens;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	GoogleCalendarApi(CalendarProperties properties, GoogleOAuthTokens calendarAccessTokens) {
		this.properties = properties;
		this.tokens = calendarAccessTokens;
	}

	boolean configured() {
		return properties.google().configured();
	}

	/**
	 * One page of events: incremental after a sync token, or from {@code timeMin} (RFC
	 * 3339) for a full sync. Recurring events come as single instances.
	 */
	JsonNode list(String calendarId, String syncToken, String timeMin, String pageToken) {
		StringBuilder query = new StringBuilder("?singleEvents=true&maxResults=250");
		if (syncToken != null) {
			query.append("&syncToken=").append(encode(syncToken));
		}
		else {
			query.append("&timeMin=").append(encode(timeMin));
		}
		if (pageToken != null) {
			query.append("&pageToken=").append(encode(pageToken));
		}
		return call(request(events(calendarId) + query).GET());
	}

	JsonNode insert(String calendarId, JsonNode event) {
		return send(events(calendarId), "POST", event);
	}

	JsonNode patch(String calendarId, String eventId, JsonNode event) {
		return send(events(calendarId) + "/" + encode(eventId), "PATCH", event);
	}

	void delete(String calendarId, String eventId) {
		call(request(events(calendarId) + "/" + encode(eventId)).DELETE());
	}

	/** Push notifications of the calendar's changes to our webhook. */
	JsonNode watch(String calendarId, String channelId, String token, String address, Duration ttl) {
		var body = JSON.createObjectNode()
			.put("id", channelId)
			.put("type", "web_hook")
			.put("address", address)
			.put("token", token);
		body.putObject("params").put("ttl", Long.toString(ttl.toSeconds()));
		return send(events(calendarId) + "/watch", "POST", body);
	}

	void stop(String channelId, String resourceId) {
		send("/channels/stop", "POST", JSON.createObjectNode().put("id", channelId).put("resourceId", resourceId));
	}

	private static String events(String calendarId) {
		return "/calendars/" + encode(calendarId) + "/events";
	}

	private JsonNode send(String path, String method, JsonNode body) {
		return call(request(path).header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	private HttpRequest.Builder request(String path) {
		String base = properties.google().apiBaseUrl();
		base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		String token;
		try {
			token = tokens.current();
		}
		catch (GoogleOAuthTokens.Refused ex) {
			throw new Failure(ex.status() == 0 ? 0 : 401, ex.getMessage());
		}
		return HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(15))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json");
	}

	private JsonNode call(HttpRequest.Builder builder) {
		HttpResponse<String> response;
		try {
			response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new Failure(0, "google-calendar-unreachable: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Failure(0, "interrupted");
		}
		JsonNode body = parse(response.body());
		if (response.statusCode() / 100 == 2) {
			return body;
		}
		if (response.statusCode() == 401) {
			tokens.refused();
		}
		throw new Failure(response.statusCode(),
				"google-calendar-" + response.statusCode() + ": " + body.path("error").path("message").asString(""));
	}

	private static JsonNode parse(String body) {
		try {
			return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
		}
		catch (JacksonException ex) {
			return JSON.createObjectNode();
		}
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** Google refused (status 4xx/5xx) or could not be reached (status 0). */
	static class Failure extends RuntimeException {

		private final int status;

		Failure(int status, String message) {
			super(message);
			this.status = status;
		}

		int status() {
			return status;
		}

		/** The sync token is too old: a full sync is needed. */
		boolean gone() {
			return status == 410;
		}

	}

}
