package io.smiledesk.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * What happens in conversations that others (the audit trail, live screens) care about.
 */
public final class ConversationEvents {

	private ConversationEvents() {
	}

	/** A patient opened a conversation (the first message is on its way). */
	public record ConversationStarted(UUID conversationId, ConversationChannel channel, Instant startedAt) {
	}

	/** The assistant booked an appointment in the conversation. */
	public record AppointmentBookedInConversation(UUID conversationId, UUID appointmentId) {
	}

	/** The assistant asked staff to step in, at {@code requestedAt}. */
	public record HandoffRequested(UUID conversationId, Urgency urgency, String reason, Instant requestedAt) {
	}

	/**
	 * A handoff waited past its service level ({@link ServiceLevel}): managers are
	 * alerted.
	 */
	public record HandoffOverdue(UUID conversationId, Urgency urgency, String reasonCode, Instant requestedAt,
			Instant dueAt) {
	}

	/**
	 * A waiting handoff went to a member of staff ({@code staffUserId}), or, with nobody
	 * suitable on duty, stays unassigned in the queue for anyone to claim.
	 */
	public record HandoffAssigned(UUID conversationId, UUID staffUserId, AssignmentMethod method, Instant requestedAt) {
	}

	public record ConversationTakenOver(UUID conversationId, UUID staffUserId) {
	}

	public record ConversationHandedBack(UUID conversationId, UUID staffUserId) {
	}

	public record ConversationClosed(UUID conversationId, UUID staffUserId) {
	}

	/** A new message in a conversation, from anyone; live screens refresh on it. */
	public record MessageAdded(UUID conversationId, UUID messageId, Sender sender) {
	}

	/** A member of staff read a transcript (it holds personal data). */
	public record TranscriptViewed(UUID conversationId) {
	}

}
