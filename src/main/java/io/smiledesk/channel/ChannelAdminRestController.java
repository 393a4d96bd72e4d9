package io.smiledesk.channel;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.smiledesk.conversation.ConversationChannel;
import io.smiledesk.conversation.ConversationStatus;
import io.smiledesk.conversation.Conversations;
import io.smiledesk.conversation.MessageDeliveries;
import io.smiledesk.system.Access;
import io.smiledesk.system.ApiProblem;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff side of the channels: one inbox across channels, retrying a message that
 * failed, and the payloads that could not be read.
 */
@RestController
@Validated
@PreAuthorize(Access.ANY_STAFF)
class ChannelAdminRestController {

	private final Conversations conversations;

	private final Outbox outbox;

	private final DeadLetterRepository deadLetters;

	ChannelAdminRestController(Conversations conversations, Outbox outbox, DeadLetterRepository deadLetters) {
		this.conversations = conversations;
		this.outbox = outbox;
		this.deadLetters = deadLetters;
	}

	/** Conversations on every channel (the web chat too), most recently active first. */
	@GetMapping(path = "/api/v1/admin/inbox", produces = MediaType.APPLICATION_JSON_VALUE)
	InboxJson inbox(@RequestParam(required = false) List<String> channel,
			@RequestParam(required = false) List<String> status, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		Set<ConversationChannel> channels = parse(channel, ConversationChannel.class, "channel",
				ConversationChannel::valueOf);
		Set<ConversationStatus> statuses = parse(status, ConversationStatus.class, "status",
				ConversationStatus::valueOf);
		Page<Conversations.InboxEntry> found = conversations.inbox(channels, statuses, page, size);
		return new InboxJson(found.getContent().stream().map(InboxItemJson::of).toList(), page, size,
				found.getTotalElements());
	}

	/** Sends a failed or unsent message again; the id is the transcript message's. */
	@PostMapping(path = "/api/v1/admin/messages/{id}/retry", produces = MediaType.APPLICATION_JSON_VALUE)
	MessageDeliveries.Delivery retry(@PathVariable UUID id) {
		Outbox.Retried retried = outbox.retry(id)
			.orElseThrow(() -> ApiProblem.notFound("message", "No message sent on a channel has id " + id + "."));
		if (!retried.accepted()) {
			throw ApiProblem.conflict("message-not-retryable",
					"Only a failed, undelivered or unsent message can be sent again; this one is "
							+ retried.delivery().status() + ".");
		}
		return retried.delivery();
	}

	/** What providers sent that could not be read (the payloads stay in the database). */
	@GetMapping(path = "/api/v1/admin/channels/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(Access.MANAGERS)
	List<DeadLetterJson> deadLetters(@RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
		return deadLetters.findAllByOrderByReceivedAtDesc(PageRequest.of(0, limit))
			.stream()
			.map(letter -> new DeadLetterJson(letter.id(), letter.provider(), letter.reason(), letter.receivedAt()))
			.toList();
	}

	private static <E extends Enum<E>> Set<E> parse(List<String> values, Class<E> type, String field,
			Function<String, E> valueOf) {
		Set<E> parsed = EnumSet.noneOf(type);
		for (String value : values == null ? List.<String>of() : values) {
			try {
				parsed.add(valueOf.apply(value.strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				throw ApiProblem.invalidField(field, field + " must be one of " + String.join(", ",
						EnumSet.allOf(type).stream().map(e -> e.name().toLowerCase(Locale.ROOT)).toList()));
			}
		}
		return parsed;
	}

	record InboxJson(List<InboxItemJson> items, int page, int size, long total) {
	}

	record InboxItemJson(UUID conversationId, ConversationChannel channel, ConversationStatus status, String urgency,
			UUID patientId, String patientName, UUID assignedTo, String assigneeName, int messageCount,
			LastMessageJson lastMessage, Instant updatedAt) {

		static InboxItemJson of(Conversations.InboxEntry entry) {
			var conversation = entry.conversation();
			var last = entry.lastMessage();
			return new InboxItemJson(conversation.id(), conversation.channel(), conversation.status(),
					conversation.urgency() == null ? null : conversation.urgency().name(), conversation.patientId(),
					conversation.patientName(), conversation.assignedTo(), conversation.assigneeName(),
					conversation.messageCount(), last == null ? null : new LastMessageJson(last.sender().name(),
							last.direction(), last.text(), last.createdAt()),
					conversation.updatedAt());
		}

	}

	record LastMessageJson(String sender, String direction, String text, Instant createdAt) {
	}

	record DeadLetterJson(UUID id, String provider, String reason, Instant receivedAt) {
	}

}
