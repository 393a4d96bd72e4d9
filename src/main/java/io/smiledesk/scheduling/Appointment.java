package io.smiledesk.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import io.smiledesk.scheduling.AppointmentEvents.AppointmentBooked;
import io.smiledesk.system.EncryptedText;
import io.smiledesk.scheduling.AppointmentEvents.AppointmentCancelled;
import io.smiledesk.scheduling.AppointmentEvents.AppointmentCompleted;
import io.smiledesk.scheduling.AppointmentEvents.AppointmentConfirmed;
import io.smiledesk.scheduling.AppointmentEvents.AppointmentMissed;
import io.smiledesk.scheduling.AppointmentEvents.AppointmentRescheduled;

import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * An appointment guards its own lifecycle; an illegal transition throws
 * {@link IllegalTransitionException}.
 */
@Entity
@Table(name = "appointment")
class Appointment extends AbstractAggregateRoot<Appointment> {

	@Id
	private UUID id;

	private UUID patientId;

	private String providerId;

	private String operatoryId;

	private String serviceId;

	private Instant startsAt;

	private int durationMinutes;

	private int bufferMinutes;

	@Enumerated(EnumType.STRING)
	private AppointmentStatus status;

	@Convert(converter = EncryptedText.class)
	private String notes;

	@Enumerated(EnumType.STRING)
	private CreatedFrom createdFrom;

	private String campaignId;

	private String cancelReason;

	private Instant depositDueBy;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected Appointment() {
	}

	Appointment(UUID patientId, Placement placement, String serviceId, String notes, CreatedFrom createdFrom,
			String campaignId, Instant depositDueBy, Instant now) {
		this.id = UUID.randomUUID();
		this.patientId = patientId;
		this.providerId = placement.providerId();
		this.operatoryId = placement.operatoryId();
		this.serviceId = serviceId;
		this.startsAt = placement.start();
		this.durationMinutes = (int) placement.duration().toMinutes();
		this.bufferMinutes = (int) placement.buffer().toMinutes();
		// a deposit to pay first: the time is claimed until the deadline
		this.status = depositDueBy == null ? AppointmentStatus.BOOKED : AppointmentStatus.PENDING_DEPOSIT;
		this.depositDueBy = depositDueBy;
		this.notes = notes;
		this.createdFrom = createdFrom;
		this.campaignId = campaignId;
		this.createdAt = now;
		this.updatedAt = now;
		registerEvent(
				new AppointmentBooked(id, patientId, serviceId, providerId, startsAt, createdFrom, campaignId, now));
	}

	void confirm(Instant now) {
		require(status == AppointmentStatus.BOOKED || status == AppointmentStatus.CONFIRMED, "confirmed");
		if (status == AppointmentStatus.BOOKED) {
			status = AppointmentStatus.CONFIRMED;
			updatedAt = now;
			registerEvent(new AppointmentConfirmed(id, patientId, startsAt));
		}
	}

	void cancel(String reason, boolean byStaff, Instant now) {
		require(status.isOpen(), "cancelled");
		status = AppointmentStatus.CANCELLED;
		cancelReason = reason;
		updatedAt = now;
		registerEvent(new AppointmentCancelled(id, patientId, startsAt, reason, byStaff));
	}

	/**
	 * The deposit came in (or was waived): the booking counts. False when it already did.
	 */
	boolean settleDeposit(Instant now) {
		require(status.isOpen(), "booked");
		if (status != AppointmentStatus.PENDING_DEPOSIT) {
			return false;
		}
		status = AppointmentStatus.BOOKED;
		updatedAt = now;
		registerEvent(new AppointmentEvents.AppointmentDepositSettled(id, patientId, startsAt));
		return true;
	}

	/** No deposit by the deadline: the time goes back (the waitlist hears of it). */
	void releaseUnpaid(Instant now) {
		require(status == AppointmentStatus.PENDING_DEPOSIT, "released for an unpaid deposit");
		cancel(DepositTerms.RELEASED_UNPAID, false, now);
	}

	void complete(Instant now) {
		require(status.isOpen(), "completed");
		if (now.isBefore(startsAt)) {
			throw new IllegalTransitionException("An appointment cannot be completed before it starts.");
		}
		status = AppointmentStatus.COMPLETED;
		updatedAt = now;
		registerEvent(new AppointmentCompleted(id, patientId, serviceId, startsAt));
	}

	void markNoShow(Instant now) {
		require(status.isOpen(), "marked as a no-show");
		if (now.isBefore(startsAt)) {
			throw new IllegalTransitionException("A patient cannot miss an appointment that has not started yet.");
		}
		status = AppointmentStatus.NO_SHOW;
		updatedAt = now;
		registerEvent(new AppointmentMissed(id, patientId, startsAt));
	}

	/**
	 * Marks the appointment for removal (a staff correction); the repository's delete
	 * publishes the event.
	 */
	void remove() {
		if (status == AppointmentStatus.COMPLETED) {
			throw new IllegalTransitionException("A completed visit is on the patient's record and has been billed:"
					+ " it cannot be deleted. Correct its charges with an adjustment on the ledger.");
		}
		registerEvent(new AppointmentEvents.AppointmentDeleted(id, patientId, startsAt, providerId, durationMinutes));
	}

	void moveTo(Placement placement, Instant now) {
		require(status.isOpen(), "rescheduled");
		Instant previous = startsAt;
		String previousProvider = providerId;
		providerId = placement.providerId();
		operatoryId = placement.operatoryId();
		startsAt = placement.start();
		durationMinutes = (int) placement.duration().toMinutes();
		bufferMinutes = (int) placement.buffer().toMinutes();
		if (status != AppointmentStatus.PENDING_DEPOSIT) {
			status = AppointmentStatus.BOOKED;
		}
		updatedAt = now;
		registerEvent(new AppointmentRescheduled(id, patientId, previous, startsAt, providerId, previousProvider));
	}

	private void require(boolean allowed, String action) {
		if (!allowed) {
			throw new IllegalTransitionException("The appointment is " + status.name().toLowerCase().replace('_', '-')
					+ " and cannot be " + action + ".");
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

	Instant startsAt() {
		return startsAt;
	}

	AppointmentStatus status() {
		return status;
	}

	Instant depositDueBy() {
		return depositDueBy;
	}

	Placement placement() {
		return new Placement(providerId, operatoryId, startsAt, Duration.ofMinutes(durationMinutes),
				Duration.ofMinutes(bufferMinutes));
	}

	AppointmentView view() {
		return new AppointmentView(id, patientId, providerId, operatoryId, serviceId, startsAt, durationMinutes, status,
				notes, createdFrom, campaignId, cancelReason, createdAt, updatedAt);
	}

}
