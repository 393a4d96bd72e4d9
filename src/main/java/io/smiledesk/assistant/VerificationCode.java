package io.smiledesk.assistant;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A one-time code sent to a patient; only its hash is stored. */
@Entity
@Table(name = "verification_code")
class VerificationCode {

	@Id
	private UUID id;

	private UUID conversationId;

	private UUID patientId;

	private String codeHash;

	private int attempts;

	private Instant expiresAt;

	private Instant createdAt;

	protected VerificationCode() {
	}

	VerificationCode(UUID conversationId, UUID patientId, String codeHash, Instant expiresAt, Instant now) {
		this.id = UUID.randomUUID();
		this.conversationId = conversationId;
		this.patientId = patientId;
		this.codeHash = codeHash;
		this.expiresAt = expiresAt;
		this.createdAt = now;
	}

	UUID patientId() {
		return patientId;
	}

	String codeHash() {
		return codeHash;
	}

	boolean usableAt(Instant now) {
		return attempts < OneTimeCodes.MAX_ATTEMPTS && now.isBefore(expiresAt);
	}

	void countAttempt() {
		attempts++;
	}

	void spend() {
		attempts = OneTimeCodes.MAX_ATTEMPTS;
	}

}
