package io.smiledesk.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.patient.Channel;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.PatientType;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.AvailabilityEngine.Evaluation;
import io.smiledesk.scheduling.AvailabilityEngine.Mode;
import io.smiledesk.scheduling.IdempotencyRecords.KeyAlreadyUsedException;
import io.smiledesk.scheduling.SlotClaims.SlotTakenException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Books, holds, moves, cancels and closes appointments. Rules are checked by the
 * {@link AvailabilityEngine}; the final word on overlaps belongs to the database (slot
 * claims), and a lost race is answered with the nearest free times. Changes that take no
 * new time (cancel, confirm, complete, no-show, deposits) are
 * {@link AppointmentLifecycle}'s.
 */
@Service
public class Booking {

	private static final int ATTEMPTS = 3;

	private static final int ALTERNATIVES = 5;

	private final ClinicCatalog catalog;

	private final Availability availability;

	private final Patients patients;

	private final AppointmentRepository appointments;

	private final SlotHoldRepository holds;

	private final SlotClaims claims;

	private final IdempotencyRecords idempotency;

	private final SchedulingProperties properties;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final ObjectProvider<CampaignAttribution> attribution;

	private final ObjectProvider<DepositTerms> deposits;

	private final AppointmentLifecycle lifecycle;

	Booking(ClinicCatalog catalog, Availability availability, Patients patients, AppointmentRepository appointments,
			SlotHoldRepository holds, SlotClaims claims, IdempotencyRecords idempotency,
			SchedulingProperties properties, PlatformTransactionManager transactionManager, Clock clock,
			ObjectProvider<CampaignAttribution> attribution, ObjectProvider<DepositTerms> deposits,
			AppointmentLifecycle lifecycle) {
		this.lifecycle = lifecycle;
		this.attribution = attribution;
		this.deposits = deposits;
		this.catalog = catalog;
		this.availability = availability;
		this.patients = patients;
		this.appointments = appointments;
		this.holds = holds;
		this.claims = claims;
		this.idempotency = idempotency;
		this.properties = properties;
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * The result of a scheduling command: done, or refused with a reason and, where
	 * useful, free alternatives.
	 */
	public sealed interface Outcome {

	}

	public record Done(AppointmentView appointment, boolean replayed) implements Outcome {
	}

	public record Rejected(Reason reason, String message, List<Slot> alternatives) implements Outcome {

		Rejected(Reason reason) {
			this(reason, reason.message(), List.of());
		}

	}

	public record Held(HoldView hold) implements Outcome {
	}

	/**
	 * Who asks: staff may act at short notice; a patient must prove who they are with the
	 * email or phone on file.
	 */
	public sealed interface Actor {

		record Staff() implements Actor {
		}

		record Patient(String email, String phone) implements Actor {
		}

		static Actor staff() {
			return new Staff();
		}

	}

	/**
	 * @param language the language the patient asked in (ISO 639-1), recorded so
	 * reminders and emails speak it; null leaves what is on file
	 */
	public record BookRequest(String name, String email, String phone, LocalDate dateOfBirth, Channel preferredChannel,
			String service, Instant start, Optional<String> providerId, Optional<Integer> durationMinutes, String notes,
			CreatedFrom createdFrom, String campaignId, UUID holdId, String idempotencyKey, String requestHash,
			String language) {

		public BookRequest(String name, String email, String phone, LocalDate dateOfBirth, Channel preferredChannel,
				String service, Instant start, Optional<String> providerId, Optional<Integer> durationMinutes,
				String notes, CreatedFrom createdFrom, String campaignId, UUID holdId, String idempotencyKey,
				String requestHash) {
			this(name, email, phone, dateOfBirth, preferredChannel, service, start, providerId, durationMinutes, notes,
					createdFrom, campaignId, holdId, idempotencyKey, requestHash, null);
		}

	}

	public record HoldView(UUID holdId, String serviceId, String providerId, String operatoryId, Instant start,
			Instant expiresAt) {
	}

	public Outcome book(BookRequest request) {
		ClinicSnapshot clinic = catalog.snapshot();
		Optional<ServiceInfo> found = clinic.service(request.service());
		if (found.isEmpty()) {
			return new Rejected(Refusal.SERVICE_UNKNOWN);
		}
		ServiceInfo service = found.get();
		if (request.providerId().isPresent() && clinic.provider(request.providerId().get()).isEmpty()) {
			return new Rejected(Refusal.PROVIDER_UNKNOWN);
		}
		boolean staff = request.createdFrom() == CreatedFrom.MANUAL_ADMIN;
		Mode mode = staff ? Mode.STAFF : Mode.PATIENT;
		Duration duration = request.durationMinutes().map(Duration::ofMinutes).orElse(service.duration());
		Patients.Contact contact = patients.contact(request.email(), request.phone());
		if (request.idempotencyKey() != null) {
			Optional<Outcome> replay = replay(request.idempotencyKey(), request.requestHash());
			if (replay.isPresent()) {
				return replay.get();
			}
		}
		Instant now = clock.instant();
		Optional<SlotHold> hold = Optional.ofNullable(request.holdId())
			.flatMap(holds::findById)
			.filter(candidate -> candidate.isLiveAt(now) && candidate.serviceId().equals(service.id())
					&& candidate.placement().start().equals(request.start()));
		Optional<String> provider = hold.map(held -> held.placement().providerId()).or(request::providerId);
		UUID ignore = hold.map(SlotHold::id).orElse(null);
		for (int attempt = 1;; attempt++) {
			Evaluation evaluation = availability.evaluate(service, duration, request.start(), provider, mode, ignore);
			if (evaluation instanceof Evaluation.Unavailable unavailable) {
				return rejected(unavailable.reason(), service, request.start(), request.providerId());
			}
			Placement placement = ((Evaluation.Available) evaluation).placement();
			try {
				AppointmentView booked = transaction.execute(status -> {
					Instant at = clock.instant();
					if (request.idempotencyKey() != null) {
						idempotency.claim(request.idempotencyKey(), request.requestHash(), at);
					}
					PatientSummary patient = patients
						.findOrRegister(new Patients.NewPatient(request.name(), contact, request.dateOfBirth(),
								PatientType.NEW, request.preferredChannel()), staff || properties.allowNewPatients())
						.orElseThrow(UnknownPatientException::new);
					if (request.language() != null) {
						patients.speaks(patient.id(), request.language());
					}
					hold.ifPresent(held -> {
						holds.delete(held);
						holds.flush();
					});
					String campaign = request.campaignId() != null ? request.campaignId()
							: attribution.stream()
								.findFirst()
								.flatMap(source -> source.forPatient(patient.id().value()))
								.orElse(null);
					Instant depositDueBy = deposits.stream()
						.findFirst()
						.flatMap(terms -> terms.paymentDueBy(service.id(), at))
						.orElse(null);
					Appointment appointment = appointments.saveAndFlush(new Appointment(patient.id().value(), placement,
							service.id(), request.notes(), request.createdFrom(), campaign, depositDueBy, at));
					claims.claimForAppointment(appointment.id(), placement, at);
					if (request.idempotencyKey() != null) {
						idempotency.complete(request.idempotencyKey(), appointment.id());
					}
					return appointment.view();
				});
				if (booked.status() == AppointmentStatus.PENDING_DEPOSIT) {
					deposits.ifAvailable(terms -> terms.booked(booked.id()));
				}
				return new Done(booked, false);
			}
			catch (SlotTakenException ex) {
				// the winner has committed: the next evaluation sees it and picks another
				// room or provider
				if (attempt >= ATTEMPTS) {
					return rejected(Unavailability.SLOT_TAKEN, service, request.start(), request.providerId());
				}
			}
			catch (KeyAlreadyUsedException ex) {
				return replay(request.idempotencyKey(), request.requestHash())
					.orElse(new Rejected(Refusal.CONCURRENT_CHANGE));
			}
			catch (UnknownPatientException ex) {
				return new Rejected(Refusal.PATIENT_UNKNOWN);
			}
			catch (DataIntegrityViolationException ex) {
				// the same new patient registered concurrently: the next attempt finds
				// them
				if (attempt >= ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Keeps a slot for a few minutes for a patient who is confirming; nobody else is
	 * offered it meanwhile.
	 */
	public Outcome hold(String serviceRef, Instant start, Optional<String> providerId) {
		return hold(serviceRef, start, providerId, null);
	}

	/**
	 * Holds a new time for an appointment being moved ({@code moving}, may be null): the
	 * time may overlap the appointment itself, whose granules stay the appointment's
	 * until it moves.
	 */
	public Outcome hold(String serviceRef, Instant start, Optional<String> providerId, UUID moving) {
		ClinicSnapshot clinic = catalog.snapshot();
		Optional<ServiceInfo> found = clinic.service(serviceRef);
		if (found.isEmpty()) {
			return new Rejected(Refusal.SERVICE_UNKNOWN);
		}
		if (providerId.isPresent() && clinic.provider(providerId.get()).isEmpty()) {
			return new Rejected(Refusal.PROVIDER_UNKNOWN);
		}
		ServiceInfo service = found.get();
		for (int attempt = 1;; attempt++) {
			Evaluation evaluation = availability.evaluate(service, service.duration(), start, providerId, Mode.PATIENT,
					moving);
			if (evaluation instanceof Evaluation.Unavailable unavailable) {
				return rejected(unavailable.reason(), service, start, providerId);
			}
			Placement placement = ((Evaluation.Available) evaluation).placement();
			try {
				return new Held(transaction.execute(status -> {
					Instant now = clock.instant();
					Instant expires = now.plus(clinic.rules().holdTime());
					SlotHold hold = holds.saveAndFlush(new SlotHold(service.id(), placement, expires, now));
					claims.claimForHold(hold.id(), placement, expires, now, moving);
					return new HoldView(hold.id(), service.id(), placement.providerId(), placement.operatoryId(),
							placement.start(), expires);
				}));
			}
			catch (SlotTakenException ex) {
				if (attempt >= ATTEMPTS) {
					return rejected(Unavailability.SLOT_TAKEN, service, start, providerId);
				}
			}
		}
	}

	/**
	 * Gives a held slot back at once (the patient said no). Unknown or lapsed holds are
	 * ignored.
	 */
	public void releaseHold(UUID holdId) {
		transaction.executeWithoutResult(status -> holds.findById(holdId).ifPresent(holds::delete));
	}

	public Outcome reschedule(UUID appointmentId, Instant start, Optional<String> providerId, Actor actor) {
		Optional<Appointment> found = lifecycle.authorised(appointmentId, actor);
		if (found.isEmpty()) {
			return new Rejected(Refusal.APPOINTMENT_NOT_FOUND);
		}
		Appointment current = found.get();
		Optional<Rejected> tooLate = lifecycle.checkNotice(current, actor);
		if (tooLate.isPresent()) {
			return tooLate.get();
		}
		if (!current.status().isOpen()) {
			return new Rejected(
					Refusal.INVALID_TRANSITION, "The appointment is "
							+ current.status().name().toLowerCase().replace('_', '-') + " and cannot be rescheduled.",
					List.of());
		}
		if (providerId.isPresent() && catalog.snapshot().provider(providerId.get()).isEmpty()) {
			return new Rejected(Refusal.PROVIDER_UNKNOWN);
		}
		ServiceInfo service = lifecycle.serviceOf(current);
		Duration duration = current.placement().duration();
		Mode mode = actor instanceof Actor.Staff ? Mode.STAFF : Mode.PATIENT;
		for (int attempt = 1;; attempt++) {
			// Same provider first: patients usually want to keep their dentist.
			Evaluation evaluation = availability.evaluate(service, duration, start,
					providerId.or(() -> Optional.of(current.placement().providerId())), mode, appointmentId);
			if (evaluation instanceof Evaluation.Unavailable && providerId.isEmpty()) {
				evaluation = availability.evaluate(service, duration, start, Optional.empty(), mode, appointmentId);
			}
			if (evaluation instanceof Evaluation.Unavailable unavailable) {
				return rejected(unavailable.reason(), service, start, providerId);
			}
			Placement placement = ((Evaluation.Available) evaluation).placement();
			try {
				return lifecycle.change(appointmentId, appointment -> {
					Instant now = clock.instant();
					claims.releaseAppointment(appointment.id());
					appointment.moveTo(placement, now);
					appointments.saveAndFlush(appointment);
					claims.claimForAppointment(appointment.id(), placement, now);
				});
			}
			catch (SlotTakenException ex) {
				if (attempt >= ATTEMPTS) {
					return rejected(Unavailability.SLOT_TAKEN, service, start, providerId);
				}
			}
		}
	}

	public Outcome cancel(UUID appointmentId, String reason, Actor actor) {
		return lifecycle.cancel(appointmentId, reason, actor);
	}

	public Outcome confirm(UUID appointmentId, Actor actor) {
		return lifecycle.confirm(appointmentId, actor);
	}

	/**
	 * Closes a visit and writes it into the patient's treatment history with the next
	 * follow-up, if any.
	 */
	public Outcome complete(UUID appointmentId, LocalDate nextFollowUpDate, String nextRecommended) {
		return lifecycle.complete(appointmentId, nextFollowUpDate, nextRecommended);
	}

	/**
	 * The deposit was paid or waived: a pending appointment becomes booked; one already
	 * booked stays as it is; a cancelled one is refused.
	 */
	public Outcome settleDeposit(UUID appointmentId) {
		return lifecycle.settleDeposit(appointmentId);
	}

	/**
	 * Gives back the time of an appointment whose deposit was not paid by its deadline;
	 * refused when it is no longer waiting for one.
	 */
	public Outcome releaseUnpaid(UUID appointmentId) {
		return lifecycle.releaseUnpaid(appointmentId);
	}

	public Outcome markNoShow(UUID appointmentId) {
		return lifecycle.markNoShow(appointmentId);
	}

	/**
	 * Removes an appointment entered by mistake; its time becomes free. A completed visit
	 * is refused: it is on the patient's record and has been billed.
	 */
	public Outcome delete(UUID appointmentId) {
		return lifecycle.delete(appointmentId);
	}

	private Rejected rejected(Unavailability reason, ServiceInfo service, Instant start, Optional<String> providerId) {
		boolean suggest = reason != Unavailability.NOT_ON_GRID && reason != Unavailability.NO_QUALIFIED_PROVIDER
				&& reason != Unavailability.PROVIDER_NOT_QUALIFIED;
		List<Slot> alternatives = suggest ? availability.nearest(service, start, providerId, ALTERNATIVES) : List.of();
		return new Rejected(reason, reason.message(), alternatives);
	}

	private Optional<Outcome> replay(String key, String requestHash) {
		return idempotency.find(key).map(stored -> {
			if (!stored.requestHash().equals(requestHash)) {
				return new Rejected(Refusal.IDEMPOTENCY_KEY_REUSED);
			}
			return appointments.findById(stored.appointmentId())
				.<Outcome>map(appointment -> new Done(appointment.view(), true))
				.orElse(new Rejected(Refusal.APPOINTMENT_NOT_FOUND));
		});
	}

	private static final class UnknownPatientException extends RuntimeException {

	}

}
