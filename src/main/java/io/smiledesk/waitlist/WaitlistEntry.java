package io.smiledesk.waitlist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A patient waiting for an earlier time for one service, inside a window of days and
 * parts of day; it may name an appointment the patient wants moved earlier.
 */
@Entity
@Table(name = "waitlist_entry")
class WaitlistEntry {

	/** How the patient came onto the list. */
	enum Source {

		STAFF, ASSISTANT, REPLY

	}

	@Id
	private UUID id;

	private int clinicId;

	private UUID patientId;

	private String serviceId;

	private LocalDate earliest;

	private LocalDate latest;

	private String partsOfDay;

	private UUID appointmentId;

	@Enumerated(EnumType.STRING)
	private Source source;

	@Enumerated(EnumType.STRING)
	private EntryStatus status;

	private Instant expiresAt;

	private Instant lastOfferedAt;

	private UUID bookedAppointmentId;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected WaitlistEntry() {
	}

	WaitlistEntry(UUID patientId, String serviceId, LocalDate earliest, LocalDate latest, Set<PartOfDay> parts,
			UUID appointmentId, Source source, Instant expiresAt, Instant now) {
		this.id = UUID.randomUUID();
		this.clinicId = Clinics.DEFAULT;
		this.patientId = patientId;
		this.serviceId = serviceId;
		this.earliest = earliest;
		this.latest = latest;
		this.partsOfDay = PartOfDay.join(parts);
		this.appointmentId = appointmentId;
		this.source = source;
		this.status = EntryStatus.WAITING;
		this.expiresAt = expiresAt;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void offered(Instant now) {
		lastOfferedAt = now;
		updatedAt = now;
	}

	void booked(UUID appointment, Instant now) {
		if (status == EntryStatus.WAITING) {
			status = EntryStatus.BOOKED;
			bookedAppointmentId = appointment;
			updatedAt = now;
		}
	}

	void expire(Instant now) {
		if (status == EntryStatus.WAITING) {
			status = EntryStatus.EXPIRED;
			updatedAt = now;
		}
	}

	void withdraw(Instant now) {
		if (status == EntryStatus.WAITING) {
			status = EntryStatus.WITHDRAWN;
			updatedAt = now;
		}
	}

	UUID id() {
		return id;
	}

	UUID patientId() {
		return patientId;
	}

	String serviceId() {
		return serviceId;
	}

	UUID appointmentId() {
		return appointmentId;
	}

	EntryStatus status() {
		return status;
	}

	Instant expiresAt() {
		return expiresAt;
	}

	Instant createdAt() {
		return createdAt;
	}

	WaitlistView view() {
		return new WaitlistView(id, patientId, serviceId, earliest, latest, PartOfDay.split(partsOfDay), appointmentId,
				source.name(), status, expiresAt, lastOfferedAt, bookedAppointmentId, createdAt);
	}

	Ranking.Candidate candidate(Instant movingStart) {
		return new Ranking.Candidate(id, serviceId, earliest, latest, PartOfDay.split(partsOfDay), expiresAt, createdAt,
				lastOfferedAt, appointmentId != null, movingStart);
	}

}
