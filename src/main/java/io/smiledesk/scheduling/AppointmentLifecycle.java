package io.smiledesk.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.Patients;
import io.smiledesk.patient.TreatmentRecord;
import io.smiledesk.scheduling.Booking.Actor;
import io.smiledesk.scheduling.Booking.Done;
import io.smiledesk.scheduling.Booking.Outcome;
import io.smiledesk.scheduling.Booking.Rejected;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The changes of an appointment's state that take no new time: cancel, confirm, complete,
 * no-show, deposits settled or lapsed, removal. {@link Booking} is their public face; the
 * appointment guards each transition, and a transition it refuses is answered as a
 * refusal, not an error.
 */
@Component
class AppointmentLifecycle {

	private final ClinicCatalog catalog;

	private final Patients patients;

	private final AppointmentRepository appointments;

	private final SlotClaims claims;

	private final TransactionTemplate transaction;

	private final Clock clock;

	AppointmentLifecycle(ClinicCatalog catalog, Patients patients, AppointmentRepository appointments,
			SlotClaims claims, PlatformTransactionManager transactionManager, Clock clock) {
		this.catalog = catalog;
		this.patients = patients;
		this.appointments = appointments;
		this.claims = claims;
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	Outcome cancel(UUID appointmentId, String reason, Actor actor) {
		Optional<Appointment> found = authorised(appointmentId, actor);
		if (found.isEmpty()) {
			return new Rejected(Refusal.APPOINTMENT_NOT_FOUND);
		}
		Optional<Rejected> tooLate = checkNotice(found.get(), actor);
		if (tooLate.isPresent()) {
			return tooLate.get();
		}
		return change(appointmentId, appointment -> {
			appointment.cancel(reason, actor instanceof Actor.Staff, clock.instant());
			appointments.saveAndFlush(appointment);
			claims.releaseAppointment(appointment.id());
		});
	}

	Outcome confirm(UUID appointmentId, Actor actor) {
		if (authorised(appointmentId, actor).isEmpty()) {
			return new Rejected(Refusal.APPOINTMENT_NOT_FOUND);
		}
		return change(appointmentId, appointment -> {
			appointment.confirm(clock.instant());
			appointments.saveAndFlush(appointment);
		});
	}

	Outcome complete(UUID appointmentId, LocalDate nextFollowUpDate, String nextRecommended) {
		return change(appointmentId, appointment -> {
			appointment.complete(clock.instant());
			appointments.saveAndFlush(appointment);
			ServiceInfo service = serviceOf(appointment);
			LocalDate performedOn = appointment.startsAt().atZone(catalog.snapshot().zone()).toLocalDate();
			patients.recordTreatment(new PatientId(appointment.patientId()), new TreatmentRecord(null, service.name(),
					performedOn, nextRecommended, nextFollowUpDate, appointment.id()));
		});
	}

	Outcome settleDeposit(UUID appointmentId) {
		return change(appointmentId, appointment -> {
			if (appointment.settleDeposit(clock.instant())) {
				appointments.saveAndFlush(appointment);
			}
		});
	}

	Outcome releaseUnpaid(UUID appointmentId) {
		return change(appointmentId, appointment -> {
			appointment.releaseUnpaid(clock.instant());
			appointments.saveAndFlush(appointment);
			claims.releaseAppointment(appointment.id());
		});
	}

	Outcome markNoShow(UUID appointmentId) {
		return change(appointmentId, appointment -> {
			appointment.markNoShow(clock.instant());
			appointments.saveAndFlush(appointment);
			// the patient is not coming: the rest of the visit's time can be booked
			claims.releaseAppointment(appointment.id());
		});
	}

	Outcome delete(UUID appointmentId) {
		try {
			return transaction.execute(status -> appointments.findById(appointmentId).<Outcome>map(appointment -> {
				AppointmentView removed = appointment.view();
				appointment.remove();
				appointments.delete(appointment);
				appointments.flush();
				return new Done(removed, false);
			}).orElseGet(() -> new Rejected(Refusal.APPOINTMENT_NOT_FOUND)));
		}
		catch (IllegalTransitionException ex) {
			return new Rejected(Refusal.INVALID_TRANSITION, ex.getMessage(), List.of());
		}
	}

	/**
	 * Applies {@code change} to the appointment in one transaction; an illegal transition
	 * or a concurrent change is a refusal.
	 */
	Outcome change(UUID appointmentId, Consumer<Appointment> change) {
		try {
			return transaction.execute(status -> {
				Optional<Appointment> found = appointments.findById(appointmentId);
				if (found.isEmpty()) {
					return new Rejected(Refusal.APPOINTMENT_NOT_FOUND);
				}
				change.accept(found.get());
				return new Done(found.get().view(), false);
			});
		}
		catch (IllegalTransitionException ex) {
			return new Rejected(Refusal.INVALID_TRANSITION, ex.getMessage(), List.of());
		}
		catch (OptimisticLockingFailureException ex) {
			return new Rejected(Refusal.CONCURRENT_CHANGE);
		}
	}

	/**
	 * The appointment, if the actor may change it: staff always, a patient who proves it.
	 */
	Optional<Appointment> authorised(UUID appointmentId, Actor actor) {
		Optional<Appointment> appointment = appointments.findById(appointmentId);
		if (actor instanceof Actor.Patient patient) {
			return appointment.filter(found -> patients.isReachableAt(new PatientId(found.patientId()), patient.email(),
					patient.phone()));
		}
		return appointment;
	}

	/**
	 * Patients may not cancel or move an appointment within the clinic's notice period;
	 * staff may.
	 */
	Optional<Rejected> checkNotice(Appointment appointment, Actor actor) {
		if (actor instanceof Actor.Staff) {
			return Optional.empty();
		}
		Duration notice = catalog.snapshot().rules().cancellationNotice();
		if (clock.instant().plus(notice).isAfter(appointment.startsAt())) {
			return Optional.of(new Rejected(Refusal.CHANGE_TOO_LATE, "Appointments can be changed online up to "
					+ notice.toHours() + " hours before they start. Please call the clinic.", List.of()));
		}
		return Optional.empty();
	}

	ServiceInfo serviceOf(Appointment appointment) {
		return catalog.snapshot()
			.serviceById(appointment.serviceId())
			.orElseThrow(() -> new IllegalStateException("Service " + appointment.serviceId() + " is missing"));
	}

}
