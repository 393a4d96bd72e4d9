package io.smiledesk.channel;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.stream.Collectors;

import io.smiledesk.system.GoogleRestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The few Gmail REST calls SmileDesk makes ({@code /gmail/v1/users/{userId}/...}), over
 * the shared {@link GoogleRestClient}.
 */
@Component
class GmailApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final GmailProperties properties;

	private final GmailAccessTokens tokens;

	private final GoogleRestClient client;

	GmailApi(GmailProperties properties, GmailAccessTokens tokens) {
		this.properties = properties;
		this.tokens = tokens;
		this.client = new GoogleRestClient("gmail", tokens::refused, GmailApi::failure);
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
		return client.call(request(path).GET());
	}

	private JsonNode post(String path, JsonNode body) {
		return client.send(request(path), "POST", body);
	}

	private HttpRequest.Builder request(String path) {
		return GoogleRestClient.request(properties.apiBaseUrl(),
				"/gmail/v1/users/" + encode(properties.userId()) + path, tokens.current());
	}

	/** Gmail's own wording of its errors, with Google's status name. */
	private static Failure failure(int status, String message, JsonNode error) {
		return new Failure(status, status == 0 ? message : "gmail-" + status + " " + error.path("status").asString("")
				+ ": " + error.path("message").asString(""));
	}

	private static String encode(String value) {
		return GoogleRestClient.encode(value);
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
