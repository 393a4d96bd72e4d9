package io.smiledesk.waitlist;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A time that came free. It is claimed by the first accepted offer (a conditional update
 * in {@link FreedSlotRepository#claim}), then filled by the booking; it lapses when it
 * starts or nobody is left to offer it to.
 */
@Entity
@Table(name = "waitlist_slot")
class FreedSlot {

	enum Status {

		OPEN, CLAIMED, FILLED, LAPSED, GONE

	}

	enum Cause {

		CANCELLED, MOVED, MISSED, REMOVED, TIME_OFF

	}

	@Id
	private UUID id;

	private int clinicId;

	private Instant startsAt;

	private Instant endsAt;

	private String providerId;

	@Enumerated(EnumType.STRING)
	private Cause cause;

	private UUID sourceId;

	@Enumerated(EnumType.STRING)
	private Status status;

	private Instant freedAt;

	private Instant lastBatchAt;

	private int batches;

	private UUID claimedByOfferId;

	private Instant claimedAt;

	private Instant filledAt;

	private UUID appointmentId;

	protected FreedSlot() {
	}

	FreedSlot(Instant startsAt, Instant endsAt, String providerId, Cause cause, UUID sourceId, Instant now) {
		this.id = UUID.randomUUID();
		this.clinicId = Clinics.DEFAULT;
		this.startsAt = startsAt;
		this.endsAt = endsAt;
		this.providerId = providerId;
		this.cause = cause;
		this.sourceId = sourceId;
		this.status = Status.OPEN;
		this.freedAt = now;
	}

	void batchSent(Instant now) {
		batches++;
		lastBatchAt = now;
	}

	void filled(UUID appointment, Instant now) {
		status = Status.FILLED;
		appointmentId = appointment;
		filledAt = now;
	}

	void gone() {
		status = Status.GONE;
	}

	void lapse() {
		if (status == Status.OPEN) {
			status = Status.LAPSED;
		}
	}

	UUID id() {
		return id;
	}

	Instant startsAt() {
		return startsAt;
	}

	Instant endsAt() {
		return endsAt;
	}

	String providerId() {
		return providerId;
	}

	Cause cause() {
		return cause;
	}

	UUID sourceId() {
		return sourceId;
	}

	Status status() {
		return status;
	}

	Instant freedAt() {
		return freedAt;
	}

	Instant lastBatchAt() {
		return lastBatchAt;
	}

	int batches() {
		return batches;
	}

	Instant filledAt() {
		return filledAt;
	}

	UUID appointmentId() {
		return appointmentId;
	}

}
