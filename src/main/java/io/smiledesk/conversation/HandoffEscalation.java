package io.smiledesk.conversation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A handoff that waited past its service level, kept as a record of the escalation. */
@Entity
@Table(name = "handoff_escalation")
class HandoffEscalation {

	@Id
	private UUID id;

	private int clinicId;

	private UUID conversationId;

	private String reasonCode;

	@Enumerated(EnumType.STRING)
	private Urgency urgency;

	private Instant requestedAt;

	private Instant dueAt;

	private Instant escalatedAt;

	private Instant answeredAt;

	protected HandoffEscalation() {
	}

	HandoffEscalation(UUID conversationId, String reasonCode, Urgency urgency, Instant requestedAt, Instant dueAt,
			Instant escalatedAt) {
		this.id = UUID.randomUUID();
		this.clinicId = 1;
		this.conversationId = conversationId;
		this.reasonCode = reasonCode;
		this.urgency = urgency;
		this.requestedAt = requestedAt;
		this.dueAt = dueAt;
		this.escalatedAt = escalatedAt;
	}

	void answered(Instant at) {
		if (answeredAt == null) {
			answeredAt = at;
		}
	}

	Escalation view() {
		return new Escalation(id, conversationId, reasonCode, urgency, requestedAt, dueAt, escalatedAt, answeredAt);
	}

}
