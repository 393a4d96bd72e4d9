package io.smiledesk.channel;

import java.nio.charset.StandardCharsets;

import io.smiledesk.system.ApiProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Google Pub/Sub's push for the clinic's Gmail mailbox. A push only says the mailbox
 * changed: it is authenticated, stored and acknowledged with an empty 200 at once, and
 * {@link GmailSync} reads the mailbox in the background. A push Pub/Sub signed but that
 * cannot be read is acknowledged too (a refusal would only make Pub/Sub retry it for a
 * week) and kept as a dead letter.
 */
@RestController
class GmailPushWebhook {

	static final String PATH = "/api/v1/webhooks/gmail";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final GmailPushAuthentication authentication;

	private final GmailStore store;

	private final Inbox inbox;

	GmailPushWebhook(GmailPushAuthentication authentication, GmailStore store, Inbox inbox) {
		this.authentication = authentication;
		this.store = store;
		this.inbox = inbox;
	}

	@PostMapping(PATH)
	ResponseEntity<Void> receive(@RequestHeader(name = "Authorization", required = false) String authorization,
			@RequestParam(name = "token", required = false) String token, @RequestBody(required = false) byte[] body) {
		String refusal = authentication.refusal(authorization, token);
		if (refusal != null) {
			throw new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", refusal);
		}
		String raw = body == null ? "" : new String(body, StandardCharsets.UTF_8);
		JsonNode message = message(raw);
		String reason = unreadable(message);
		if (reason != null) {
			inbox.deadLetter("gmail", reason, raw);
		}
		else {
			store.store(message.path("messageId").asString().strip(), message.path("data").asString().strip());
		}
		return ResponseEntity.ok().build();
	}

	private static String unreadable(JsonNode message) {
		if (message == null) {
			return "the body is not a Pub/Sub push (a JSON object with a message)";
		}
		String id = message.path("messageId").asString("").strip();
		if (id.isEmpty() || id.length() > 200) {
			return "message.messageId is missing or longer than 200 characters";
		}
		if (message.path("data").asString("").isBlank()) {
			return "message.data is missing";
		}
		return null;
	}

	private static JsonNode message(String raw) {
		try {
			JsonNode json = JSON.readTree(raw.isBlank() ? "null" : raw);
			return json != null && json.path("message").isObject() ? json.path("message") : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
