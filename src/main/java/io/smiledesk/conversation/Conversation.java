package io.smiledesk.conversation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import io.smiledesk.system.EncryptedText;

/**
 * One conversation with a patient. The dialogue state is kept as encrypted JSON: it holds
 * the contact details the patient gave.
 */
@Entity
@Table(name = "conversation")
class Conversation {

	@Id
	private UUID id;

	@Enumerated(EnumType.STRING)
	private ConversationChannel channel;

	@Enumerated(EnumType.STRING)
	private ConversationStatus status;

	private UUID patientId;

	@Convert(converter = EncryptedText.class)
	private String state;

	@Enumerated(EnumType.STRING)
	private Urgency urgency;

	private String handoffReason;

	@Convert(converter = EncryptedText.class)
	private String handoffSummary;

	private Instant handoffAt;

	private UUID assignedTo;

	private int messageCount;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected Conversation() {
	}

	Conversation(ConversationChannel channel, String state, Instant now) {
		this.id = UUID.randomUUID();
		this.channel = channel;
		this.status = ConversationStatus.ACTIVE;
		this.state = state;
		this.createdAt = now;
		this.updatedAt = now;
	}

	UUID id() {
		return id;
	}

	ConversationChannel channel() {
		return channel;
	}

	ConversationStatus status() {
		return status;
	}

	UUID patientId() {
		return patientId;
	}

	String state() {
		return state;
	}

	Urgency urgency() {
		return urgency;
	}

	String handoffReason() {
		return handoffReason;
	}

	String handoffSummary() {
		return handoffSummary;
	}

	Instant handoffAt() {
		return handoffAt;
	}

	UUID assignedTo() {
		return assignedTo;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant updatedAt() {
		return updatedAt;
	}

	int nextPosition() {
		return messageCount++;
	}

	int messageCount() {
		return messageCount;
	}

	void update(String state, Instant now) {
		this.state = state;
		this.updatedAt = now;
	}

	void linkPatient(UUID patientId) {
		if (patientId != null) {
			this.patientId = patientId;
		}
	}

	/**
	 * Asks staff to look. An urgent request is never downgraded by a later, ordinary one;
	 * a conversation already with a person stays with them.
	 */
	void requestHandoff(Urgency urgency, String reason, String summary, Instant now) {
		if (status == ConversationStatus.HUMAN_ACTIVE) {
			return;
		}
		boolean keepUrgent = status == ConversationStatus.HANDOFF_REQUIRED && this.urgency == Urgency.URGENT
				&& urgency != Urgency.URGENT;
		if (!keepUrgent) {
			this.urgency = urgency;
			this.handoffReason = reason;
			this.handoffAt = now;
		}
		this.handoffSummary = summary;
		this.status = ConversationStatus.HANDOFF_REQUIRED;
		this.updatedAt = now;
	}

	/**
	 * A person answers from now on; false for a closed conversation, which stays closed.
	 */
	boolean takeOver(UUID staffUserId, Instant now) {
		if (status == ConversationStatus.CLOSED) {
			return false;
		}
		this.status = ConversationStatus.HUMAN_ACTIVE;
		this.assignedTo = staffUserId;
		this.updatedAt = now;
		return true;
	}

	/**
	 * Puts a handoff still waiting for staff with one member of staff (null: open to
	 * anyone in the queue); false once it is with staff or settled.
	 */
	boolean assign(UUID staffUserId) {
		if (status != ConversationStatus.HANDOFF_REQUIRED) {
			return false;
		}
		this.assignedTo = staffUserId;
		return true;
	}

	/**
	 * The assistant answers again; false for a closed conversation, which stays closed.
	 */
	boolean handBack(Instant now) {
		if (status == ConversationStatus.CLOSED) {
			return false;
		}
		this.status = ConversationStatus.ACTIVE;
		clearHandoff(now);
		return true;
	}

	void close(Instant now) {
		this.status = ConversationStatus.CLOSED;
		clearHandoff(now);
	}

	/** A patient writing again after a goodbye opens the conversation again. */
	void reopen(Instant now) {
		if (status == ConversationStatus.CLOSED) {
			this.status = ConversationStatus.ACTIVE;
			this.updatedAt = now;
		}
	}

	private void clearHandoff(Instant now) {
		this.urgency = null;
		this.handoffReason = null;
		this.handoffSummary = null;
		this.handoffAt = null;
		this.assignedTo = null;
		this.updatedAt = now;
	}

}
