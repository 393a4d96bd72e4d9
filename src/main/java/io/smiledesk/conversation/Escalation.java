package io.smiledesk.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * A handoff that waited past its service level, as staff and managers read it.
 *
 * @param answeredAt when a member of staff took the conversation over, or null
 */
public record Escalation(UUID id, UUID conversationId, String reasonCode, Urgency urgency, Instant requestedAt,
		Instant dueAt, Instant escalatedAt, Instant answeredAt) {
}
