package io.smiledesk.conversation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Who a handoff went to, when and how: the round robin's memory and a log for managers.
 */
@Entity
@Table(name = "handoff_assignment")
class HandoffAssignment {

	@Id
	private UUID id;

	private int clinicId;

	private UUID conversationId;

	private Instant requestedAt;

	private UUID staffId;

	@Enumerated(EnumType.STRING)
	private AssignmentMethod method;

	private long turn;

	private Instant assignedAt;

	protected HandoffAssignment() {
	}

	HandoffAssignment(UUID conversationId, Instant requestedAt, UUID staffId, AssignmentMethod method, long turn,
			Instant assignedAt) {
		this.id = UUID.randomUUID();
		this.clinicId = 1;
		this.conversationId = conversationId;
		this.requestedAt = requestedAt;
		this.staffId = staffId;
		this.method = method;
		this.turn = turn;
		this.assignedAt = assignedAt;
	}

}
