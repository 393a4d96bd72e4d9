package io.smiledesk.channel;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The few Gmail REST calls SmileDesk makes ({@code /gmail/v1/users/{userId}/...}), over
 * the JDK's HTTP client with Jackson: the Google client library would add Gson, Guava and
 * its own HTTP stack for five requests.
 */
@Component
class GmailApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final GmailProperties properties;

	private final GmailAccessTokens tokens;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	GmailApi(GmailProperties properties, GmailAccessTokens tokens) {
		this.properties = properties;
		this.tokens = tokens;
	}

	boolean configured() {
		return properties.apiConfigured();
	}

	/** {@code users.history.list}: what was added since a history id, one page. */
	JsonNode history(long startHistoryId, String pageToken) {
		return get("/history?startHistoryId=" + startHistoryId + "&historyTypes=messageAdded"
				+ (pageToken == null ? "" : "&pageToken=" + encode(pageToken)));
	}

	/** {@code users.messages.list}: one page of messages matching a Gmail search. */
	JsonNode messages(String query, int maxResults, String pageToken) {
		return get("/messages?q=" + encode(query) + "&maxResults=" + maxResults
				+ (pageToken == null ? "" : "&pageToken=" + encode(pageToken)));
	}

	/**
	 * {@code users.messages.get}; {@code format=metadata} with the headers named, or
	 * {@code full} when none are.
	 */
	JsonNode message(String id, List<String> metadataHeaders) {
		String query = metadataHeaders.isEmpty() ? "?format=full"
				: "?format=metadata" + metadataHeaders.stream()
					.map(header -> "&metadataHeaders=" + encode(header))
					.collect(Collectors.joining());
		return get("/messages/" + encode(id) + query);
	}

	/** {@code users.watch}: Gmail publishes the inbox's changes to the topic. */
	JsonNode watch(String topicName) {
		return post("/watch",
				JSON.createObjectNode()
					.put("topicName", topicName)
					.put("labelFilterBehavior", "INCLUDE")
					.set("labelIds", JSON.createArrayNode().add("INBOX")));
	}

	/** {@code users.messages.send}: an RFC 2822 message, base64url, in a thread. */
	JsonNode send(String raw, String threadId) {
		var body = JSON.createObjectNode().put("raw", raw);
		if (threadId != null) {
			body.put("threadId", threadId);
		}
		return post("/messages/send", body);
	}

	private JsonNode get(String path) {
		return call(request(path).GET());
	}

	private JsonNode post(String path, JsonNode body) {
		return call(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	private HttpRequest.Builder request(String path) {
		String base = properties.apiBaseUrl().endsWith("/")
				? properties.apiBaseUrl().substring(0, properties.apiBaseUrl().length() - 1) : properties.apiBaseUrl();
		return HttpRequest.newBuilder(URI.create(base + "/gmail/v1/users/" + encode(properties.userId()) + path))
			.timeout(Duration.ofSeconds(15))
			.header("Authorization", "Bearer " + tokens.current())
			.header("Accept", "application/json");
	}

	private JsonNode call(HttpRequest.Builder builder) {
		HttpResponse<String> response;
		try {
			response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new Failure(0, "gmail-unreachable: " + ex.getMessage());
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
		// Google's errors: {"error":{"code":404,"message":"...","status":"NOT_FOUND"}}
		throw new Failure(response.statusCode(),
				"gmail-" + response.statusCode() + " " + body.path("error").path("status").asString("") + ": "
						+ body.path("error").path("message").asString(""));
	}

	private static JsonNode parse(String body) {
		try {
			return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
		}
		catch (JacksonException ex) {
			return JSON.createObjectNode();
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** Gmail refused (status 4xx/5xx) or could not be reached (status 0). */
	static class Failure extends RuntimeException {

		private final int status;

		Failure(int status, String message) {
			super(message);
			this.status = status;
		}

		int status() {
			return status;
		}

		boolean notFound() {
			return status == 404;
		}

	}

}
