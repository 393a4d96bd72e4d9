package io.smiledesk.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * A conversation in a list such as the handoff queue.
 *
 * @param assignedTo the member of staff a waiting handoff was routed to or claimed by, or
 * who has the conversation; null while it is open to anyone
 */
public record ConversationSummary(UUID id, ConversationChannel channel, ConversationStatus status, Urgency urgency,
		String handoffReason, String handoffSummary, Instant handoffAt, UUID assignedTo, String assigneeName,
		UUID patientId, String patientName, int messageCount, Instant createdAt, Instant updatedAt) {
}
