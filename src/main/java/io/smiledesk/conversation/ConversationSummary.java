package io.smiledesk.conversation;

import java.time.Instant;
import java.util.UUID;

/** A conversation in a list such as the handoff queue. */
public record ConversationSummary(UUID id, ConversationChannel channel, ConversationStatus status, Urgency urgency,
		String handoffReason, String handoffSummary, Instant handoffAt, UUID assignedTo, UUID patientId,
		String patientName, int messageCount, Instant createdAt, Instant updatedAt) {
}
