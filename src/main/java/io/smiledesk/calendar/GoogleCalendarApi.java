package io.smiledesk.calendar;

import java.net.http.HttpRequest;
import java.time.Duration;

import io.smiledesk.system.GoogleOAuthTokens;
import io.smiledesk.system.GoogleRestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The Calendar API v3 calls SmileDesk makes (events list, insert, patch, delete, watch;
 * channels stop), over the shared {@link GoogleRestClient}, as the Gmail integration
 * does.
 */
@Component
class GoogleCalendarApi {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final CalendarProperties properties;

	private final GoogleOAuthTokens tokens;

	private final GoogleRestClient client;

	GoogleCalendarApi(CalendarProperties properties, GoogleOAuthTokens calendarAccessTokens) {
		this.properties = properties;
		this.tokens = calendarAccessTokens;
		this.client = new GoogleRestClient("google-calendar", calendarAccessTokens::refused,
				(status, message, error) -> new Failure(status, message));
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
		return client.call(request(events(calendarId) + query).GET());
	}

	JsonNode insert(String calendarId, JsonNode event) {
		return send(events(calendarId), "POST", event);
	}

	JsonNode patch(String calendarId, String eventId, JsonNode event) {
		return send(events(calendarId) + "/" + encode(eventId), "PATCH", event);
	}

	void delete(String calendarId, String eventId) {
		client.call(request(events(calendarId) + "/" + encode(eventId)).DELETE());
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
		return client.send(request(path), method, body);
	}

	private HttpRequest.Builder request(String path) {
		String token;
		try {
			token = tokens.current();
		}
		catch (GoogleOAuthTokens.Refused ex) {
			throw new Failure(ex.status() == 0 ? 0 : 401, ex.getMessage());
		}
		return GoogleRestClient.request(properties.google().apiBaseUrl(), path, token);
	}

	static String encode(String value) {
		return GoogleRestClient.encode(value);
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
