package io.smiledesk.reminder;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Booking;

import org.springframework.stereotype.Service;

/**
 * What a patient does with a reminder (confirm, cancel, move), by reply or link. The
 * scheduling core decides, with the patient's own rights (its notice period applies); the
 * answer is noted on the appointment's latest reminder.
 */
@Service
class ReminderResponses {

	static final String REPLY = "reply";

	static final String LINK = "link";

	private final Booking booking;

	private final Patients patients;

	private final ReminderLedger ledger;

	private final Clock clock;

	ReminderResponses(Booking booking, Patients patients, ReminderLedger ledger, Clock clock) {
		this.booking = booking;
		this.patients = patients;
		this.ledger = ledger;
		this.clock = clock;
	}

	Booking.Outcome confirm(AppointmentView appointment, String via) {
		return noted(appointment, booking.confirm(appointment.id(), actor(appointment)), "confirmed", via);
	}

	Booking.Outcome cancel(AppointmentView appointment, String via) {
		return noted(appointment,
				booking.cancel(appointment.id(), "Cancelled by the patient from a reminder", actor(appointment)),
				"cancelled", via);
	}

	Booking.Outcome reschedule(AppointmentView appointment, Instant start, String via) {
		return noted(appointment,
				booking.reschedule(appointment.id(), start, Optional.of(appointment.providerId()), actor(appointment)),
				"rescheduled", via);
	}

	/** Noted on the latest reminder that went out for the visit, when one did. */
	void note(UUID appointmentId, String response, String via) {
		List<ReminderRecord> rows = ledger.ofAppointment(appointmentId);
		rows.stream()
			.filter(row -> row.status() == ReminderRecord.Status.QUEUED)
			.reduce((first, second) -> second)
			.ifPresent(row -> ledger.responded(row.id(), response, via, clock.instant()));
	}

	private Booking.Outcome noted(AppointmentView appointment, Booking.Outcome outcome, String response, String via) {
		if (outcome instanceof Booking.Done) {
			note(appointment.id(), response, via);
		}
		return outcome;
	}

	private Booking.Actor actor(AppointmentView appointment) {
		PatientSummary patient = patients.find(new PatientId(appointment.patientId())).orElse(null);
		return patient == null ? new Booking.Actor.Patient(null, null)
				: new Booking.Actor.Patient(patient.email(), patient.phone());
	}

}
