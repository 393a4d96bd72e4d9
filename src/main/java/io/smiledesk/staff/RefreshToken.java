package io.smiledesk.staff;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "refresh_token")
class RefreshToken {

	@Id
	private UUID id;

	private UUID userId;

	private UUID familyId;

	private String tokenHash;

	private Instant issuedAt;

	private Instant expiresAt;

	private Instant usedAt;

	private Instant revokedAt;

	protected RefreshToken() {
	}

	RefreshToken(UUID userId, UUID familyId, String tokenHash, Instant now, Instant expiresAt) {
		this.id = UUID.randomUUID();
		this.userId = userId;
		this.familyId = familyId;
		this.tokenHash = tokenHash;
		this.issuedAt = now;
		this.expiresAt = expiresAt;
	}

	boolean isUsable(Instant now) {
		return usedAt == null && revokedAt == null && now.isBefore(expiresAt);
	}

	UUID id() {
		return id;
	}

	boolean wasUsed() {
		return usedAt != null;
	}

	void revoke(Instant now) {
		if (revokedAt == null) {
			revokedAt = now;
		}
	}

	UUID userId() {
		return userId;
	}

	UUID familyId() {
		return familyId;
	}

	Instant issuedAt() {
		return issuedAt;
	}

}
