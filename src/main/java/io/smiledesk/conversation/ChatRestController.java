package io.smiledesk.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.smiledesk.system.ApiProblem;
import io.smiledesk.system.RateLimiter;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The web chat: the widget sends patients' messages here and reads the history back. */
@RestController
@Validated
@RequestMapping(path = "/api/v1/chat", produces = MediaType.APPLICATION_JSON_VALUE)
class ChatRestController {

	/** What staff may write in one reply. */
	static final int MAX_MESSAGE_LENGTH = 10_000;

	private final PatientMessages patientMessages;

	private final MessageLength length;

	private final Conversations conversations;

	private final RateLimiter rateLimiter;

	ChatRestController(PatientMessages patientMessages, Conversations conversations, RateLimiter rateLimiter,
			MessageLength length) {
		this.length = length;
		this.patientMessages = patientMessages;
		this.conversations = conversations;
		this.rateLimiter = rateLimiter;
	}

	@PostMapping("/messages")
	ChatReply message(@Valid @RequestBody ChatMessageJson request) {
		length.check(request.message());
		UUID session = sessionId(request.sessionId());
		if (session != null && rateLimiter.tryConsume(RateLimiter.CHAT_PER_SESSION,
				session.toString()) instanceof RateLimiter.Refused refused) {
			throw refused.problem();
		}
		return ChatReply.of(patientMessages.receive(session, request.message(), ConversationChannel.WEB))
			.onServer(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
	}

	@GetMapping("/sessions/{id}/messages")
	HistoryJson history(@PathVariable String id, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		UUID session = sessionId(id);
		Page<MessageView> found = conversations.messages(session, page, size);
		return new HistoryJson(session, found.getContent()
			.stream()
			.map(message -> new MessageJson(message.id(), message.direction(),
					message.sender().name().toLowerCase(java.util.Locale.ROOT), message.text(), message.createdAt()))
			.toList(), page, size, found.getTotalElements());
	}

	static UUID sessionId(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(value.trim());
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.invalidField("session_id", "session_id must be a session id issued by this service");
		}
	}

	record ChatMessageJson(@Size(max = 64) String sessionId, @NotBlank String message) {
	}

	record HistoryJson(UUID sessionId, List<MessageJson> messages, int page, int size, long total) {
	}

	/** Patients see the words, not the assistant's reading of them. */
	record MessageJson(UUID id, String direction, String sender, String text, Instant createdAt) {
	}

}
