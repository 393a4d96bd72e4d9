package io.smiledesk.insurance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A patient covered by a subscriber's plan, first or second in line, for a period. */
@Entity
@Table(name = "insurance_coverage")
class Coverage {

	enum Priority {

		PRIMARY, SECONDARY;

		String json() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	enum Relationship {

		SELF, SPOUSE, CHILD, OTHER;

		String json() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	@Id
	private UUID id;

	private int clinicId;

	private UUID patientId;

	private UUID subscriberId;

	@Enumerated(EnumType.STRING)
	private Priority priority;

	@Enumerated(EnumType.STRING)
	private Relationship relationship;

	private LocalDate effectiveOn;

	private LocalDate endsOn;

	private Instant createdAt;

	protected Coverage() {
	}

	Coverage(UUID patientId, UUID subscriberId, Priority priority, Relationship relationship, LocalDate effectiveOn,
			LocalDate endsOn, Instant now) {
		this.id = UUID.randomUUID();
		this.clinicId = Clinics.DEFAULT;
		this.patientId = patientId;
		this.subscriberId = subscriberId;
		this.priority = priority;
		this.relationship = relationship;
		this.effectiveOn = effectiveOn;
		this.endsOn = endsOn;
		this.createdAt = now;
	}

	/** Whether it covers a visit on this day (both ends inclusive). */
	boolean coversOn(LocalDate day) {
		return !day.isBefore(effectiveOn) && (endsOn == null || !day.isAfter(endsOn));
	}

	/** Whether the two periods share a day. */
	boolean overlaps(LocalDate from, LocalDate to) {
		return (to == null || !to.isBefore(effectiveOn)) && (endsOn == null || !endsOn.isBefore(from));
	}

	/**
	 * Ends the coverage on this day (inclusive); its history stays for claims and
	 * estimates.
	 */
	void endOn(LocalDate day) {
		this.endsOn = day;
	}

	UUID id() {
		return id;
	}

	UUID patientId() {
		return patientId;
	}

	UUID subscriberId() {
		return subscriberId;
	}

	Priority priority() {
		return priority;
	}

	Relationship relationship() {
		return relationship;
	}

	LocalDate effectiveOn() {
		return effectiveOn;
	}

	LocalDate endsOn() {
		return endsOn;
	}

}
