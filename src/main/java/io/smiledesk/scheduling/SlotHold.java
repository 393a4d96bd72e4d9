package io.smiledesk.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A slot kept for a patient who is confirming; it lapses by itself at {@code expiresAt}.
 */
@Entity
@Table(name = "slot_hold")
class SlotHold {

	@Id
	private UUID id;

	private String serviceId;

	private String providerId;

	private String operatoryId;

	private Instant startsAt;

	private int durationMinutes;

	private int bufferMinutes;

	private Instant expiresAt;

	private Instant createdAt;

	protected SlotHold() {
	}

	SlotHold(String serviceId, Placement placement, Instant expiresAt, Instant now) {
		this.id = UUID.randomUUID();
		this.serviceId = serviceId;
		this.providerId = placement.providerId();
		this.operatoryId = placement.operatoryId();
		this.startsAt = placement.start();
		this.durationMinutes = (int) placement.duration().toMinutes();
		this.bufferMinutes = (int) placement.buffer().toMinutes();
		this.expiresAt = expiresAt;
		this.createdAt = now;
	}

	UUID id() {
		return id;
	}

	String serviceId() {
		return serviceId;
	}

	Instant expiresAt() {
		return expiresAt;
	}

	boolean isLiveAt(Instant now) {
		return now.isBefore(expiresAt);
	}

	Placement placement() {
		return new Placement(providerId, operatoryId, startsAt, Duration.ofMinutes(durationMinutes),
				Duration.ofMinutes(bufferMinutes));
	}

}
