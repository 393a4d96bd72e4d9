package io.smiledesk.channel;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a push announces: the mailbox has changed, up to this history id. */
record GmailNotification(String emailAddress, long historyId) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Pub/Sub's {@code data}: base64 of a JSON object with emailAddress and historyId.
	 * @throws IllegalArgumentException when it is not that
	 */
	static GmailNotification decode(String data) {
		JsonNode json;
		try {
			// Pub/Sub writes standard base64; the URL-safe alphabet is read too
			byte[] bytes = Base64.getDecoder().decode(data.strip().replace('-', '+').replace('_', '/'));
			json = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw new IllegalArgumentException("not base64 of a JSON object");
		}
		String address = json == null ? "" : json.path("emailAddress").asString("").strip();
		long historyId = json == null ? 0 : GmailMessage.number(json.path("historyId"));
		if (address.isEmpty() || historyId <= 0) {
			throw new IllegalArgumentException("emailAddress and a positive historyId are required");
		}
		return new GmailNotification(address, historyId);
	}

}
