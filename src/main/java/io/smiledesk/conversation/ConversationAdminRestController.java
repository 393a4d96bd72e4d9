package io.smiledesk.conversation;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.smiledesk.system.Access;
import io.smiledesk.system.ApiProblem;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The handoff queue for staff: any member of staff may read it and answer, because risk
 * topics are often for a clinician and scheduling for the front desk.
 */
@RestController
@Validated
@RequestMapping(path = "/api/v1/admin/conversations", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize(Access.ANY_STAFF)
class ConversationAdminRestController {

	private final Conversations conversations;

	ConversationAdminRestController(Conversations conversations) {
		this.conversations = conversations;
	}

	/** Defaults to the queue: waiting for staff and with staff. */
	@GetMapping
	List<ConversationSummary> list(@RequestParam(required = false) List<String> status,
			@RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
		Set<ConversationStatus> statuses = EnumSet.noneOf(ConversationStatus.class);
		if (status != null) {
			for (String value : status) {
				try {
					statuses.add(ConversationStatus.valueOf(value.trim().toUpperCase(Locale.ROOT)));
				}
				catch (IllegalArgumentException ex) {
					throw ApiProblem.invalidField("status",
							"status must be one of active, handoff_required, human_active, closed");
				}
			}
		}
		return conversations.queue(statuses, limit);
	}

	/**
	 * Handoffs left unanswered past their service level, with their times and reason
	 * code.
	 */
	@GetMapping("/escalations")
	List<Escalation> escalations(@RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
		return conversations.escalations(limit);
	}

	@GetMapping("/{id}")
	ConversationSummary get(@PathVariable UUID id) {
		return conversations.view(id)
			.orElseThrow(() -> ApiProblem.notFound("conversation", "No conversation with id " + id + "."));
	}

	@GetMapping("/{id}/messages")
	TranscriptJson messages(@PathVariable UUID id, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
		Page<MessageView> found = conversations.messages(id, page, size);
		return new TranscriptJson(id, found.getContent(), page, size, found.getTotalElements());
	}

	/** Takes a waiting handoff from the queue (from whoever it was routed to). */
	@PostMapping("/{id}/claim")
	ConversationSummary claim(@PathVariable UUID id, @AuthenticationPrincipal Jwt staff) {
		return conversations.claim(id, staffId(staff));
	}

	@PostMapping("/{id}/take-over")
	ConversationSummary takeOver(@PathVariable UUID id, @AuthenticationPrincipal Jwt staff) {
		return conversations.takeOver(id, staffId(staff));
	}

	@PostMapping("/{id}/messages")
	@ResponseStatus(HttpStatus.CREATED)
	MessageView reply(@PathVariable UUID id, @Valid @RequestBody ReplyJson reply, @AuthenticationPrincipal Jwt staff) {
		return conversations.reply(id, staffId(staff), reply.text().strip());
	}

	@PostMapping("/{id}/hand-back")
	ConversationSummary handBack(@PathVariable UUID id, @AuthenticationPrincipal Jwt staff) {
		return conversations.handBack(id, staffId(staff));
	}

	@PostMapping("/{id}/close")
	ConversationSummary close(@PathVariable UUID id, @AuthenticationPrincipal Jwt staff) {
		return conversations.close(id, staffId(staff));
	}

	private static UUID staffId(Jwt jwt) {
		return UUID.fromString(jwt.getSubject());
	}

	record ReplyJson(@NotBlank @Size(max = ChatRestController.MAX_MESSAGE_LENGTH) String text) {
	}

	record TranscriptJson(UUID conversationId, List<MessageView> messages, int page, int size, long total) {
	}

}
