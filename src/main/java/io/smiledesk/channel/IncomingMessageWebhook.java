package io.smiledesk.channel;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import io.smiledesk.conversation.ConversationChannel;
import io.smiledesk.system.ApiProblem;
import io.smiledesk.system.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The engagement platform's contract for channels without a webhook of their own: a JSON
 * object with channel, thread_id, message_content, from and message_id, signed with the
 * shared secret. Accepted messages are stored and answered in the background.
 */
@RestController
class IncomingMessageWebhook {

	static final String PATH = "/api/v1/webhooks/incoming-message";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_TEXT = 10_000;

	private final WebhookSignatures signatures;

	private final Inbox inbox;

	IncomingMessageWebhook(WebhookSignatures signatures, Inbox inbox) {
		this.signatures = signatures;
		this.inbox = inbox;
	}

	@PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> receive(
			@RequestHeader(name = "X-SmileDesk-Timestamp", required = false) String timestamp,
			@RequestHeader(name = "X-SmileDesk-Signature", required = false) String signature,
			@RequestBody(required = false) byte[] body) {
		byte[] raw = body == null ? new byte[0] : body;
		String refusal = signatures.refusal(timestamp, signature, raw);
		if (refusal != null) {
			throw new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", refusal);
		}
		Arrival arrival;
		try {
			arrival = read(raw);
		}
		catch (InvalidInputException ex) {
			// signed by the platform but unreadable: kept for staff, and the sender told
			// why
			inbox.deadLetter("generic", ex.field() + ": " + ex.getMessage(), new String(raw, StandardCharsets.UTF_8));
			throw ex;
		}
		Inbox.Accepted accepted;
		try {
			accepted = inbox.accept(arrival);
		}
		catch (InvalidInputException ex) {
			inbox.deadLetter("generic", "from: " + ex.getMessage(), new String(raw, StandardCharsets.UTF_8));
			throw new InvalidInputException("from",
					"is not an address of the " + arrival.channel().name().toLowerCase(Locale.ROOT) + " channel");
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(accepted == Inbox.Accepted.DUPLICATE ? Map.of("status", "accepted", "duplicate", true)
					: Map.of("status", "accepted"));
	}

	private static Arrival read(byte[] raw) {
		JsonNode json;
		try {
			json = JSON.readTree(raw);
		}
		catch (JacksonException ex) {
			throw new InvalidInputException("", "the body is not JSON");
		}
		if (json == null || !json.isObject()) {
			throw new InvalidInputException("", "the body must be a JSON object");
		}
		ConversationChannel channel = switch (text(json, "channel", 20).toLowerCase(Locale.ROOT)) {
			case "sms" -> ConversationChannel.SMS;
			case "whatsapp" -> ConversationChannel.WHATSAPP;
			case "email" -> ConversationChannel.EMAIL;
			case "voice" -> ConversationChannel.VOICE;
			default -> throw new InvalidInputException("channel", "must be one of sms, whatsapp, email, voice");
		};
		String thread = json.path("thread_id").isString() ? json.path("thread_id").asString().strip() : null;
		if (thread != null && thread.length() > 200) {
			throw new InvalidInputException("thread_id", "must be at most 200 characters");
		}
		return new Arrival(channel, "generic", text(json, "message_id", 200), thread, text(json, "from", 320),
				text(json, "message_content", MAX_TEXT));
	}

	private static String text(JsonNode json, String field, int max) {
		JsonNode value = json.get(field);
		if (value == null || !value.isString() || value.asString().isBlank()) {
			throw new InvalidInputException(field, "is required and must be a non-empty string");
		}
		if (value.asString().length() > max) {
			throw new InvalidInputException(field, "must be at most " + max + " characters");
		}
		return value.asString();
	}

}
