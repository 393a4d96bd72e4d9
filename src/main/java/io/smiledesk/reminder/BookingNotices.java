package io.smiledesk.reminder;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.smiledesk.channel.MailAttachment;
import io.smiledesk.channel.ProactiveMessages;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.AppointmentCalendar;
import io.smiledesk.scheduling.AppointmentEvents;
import io.smiledesk.scheduling.AppointmentStatus;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.DepositTerms;
import io.smiledesk.scheduling.Appointments;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * An email to the patient when a visit is booked, moved or cancelled, with the visit's
 * calendar file: an invitation in the clinic's time zone the first time, an update with
 * the same UID and a higher SEQUENCE after a move, METHOD:CANCEL after a cancellation.
 * The listeners run after the commit, off the request, and hold no transaction of their
 * own: each email commits in the proactive path's own, one at a time, so a series' emails
 * to one address find one thread; a thread another instance started at that moment makes
 * the email try once more. Each email is noted with its visit, so a reply on the thread
 * is about that visit.
 */
@Component
@ConditionalOnProperty(name = "smiledesk.reminders.booking-emails", havingValue = "true", matchIfMissing = true)
class BookingNotices {

	private static final Logger log = LoggerFactory.getLogger(BookingNotices.class);

	private final Appointments appointments;

	private final Patients patients;

	private final ProactiveMessages proactive;

	private final AppointmentCalendar calendar;

	private final ReminderWording wording;

	private final ClinicCatalog catalog;

	private final VisitNotices notices;

	private final Clock clock;

	BookingNotices(Appointments appointments, Patients patients, ProactiveMessages proactive,
			AppointmentCalendar calendar, ReminderWording wording, ClinicCatalog catalog, VisitNotices notices,
			Clock clock) {
		this.notices = notices;
		this.clock = clock;
		this.appointments = appointments;
		this.patients = patients;
		this.proactive = proactive;
		this.calendar = calendar;
		this.wording = wording;
		this.catalog = catalog;
	}

	@Async
	@TransactionalEventListener
	void on(AppointmentEvents.AppointmentBooked booked) {
		// booked and cancelled before this ran: the cancellation's notice says it all
		open(booked.appointmentId()).ifPresent(visit -> send(visit, "booked"));
	}

	/** A booking that waited for its deposit is invited once it counts. */
	@Async
	@TransactionalEventListener
	void on(AppointmentEvents.AppointmentDepositSettled settled) {
		open(settled.appointmentId()).ifPresent(visit -> send(visit, "booked"));
	}

	@Async
	@TransactionalEventListener
	void on(AppointmentEvents.AppointmentRescheduled moved) {
		open(moved.appointmentId()).ifPresent(visit -> send(visit, "rescheduled"));
	}

	@Async
	@TransactionalEventListener
	void on(AppointmentEvents.AppointmentCancelled cancelled) {
		if (DepositTerms.RELEASED_UNPAID.equals(cancelled.reason())) {
			// never invited (it waited for its deposit); the payment module tells the
			// patient
			return;
		}
		appointments.find(cancelled.appointmentId())
			.filter(visit -> visit.status() == AppointmentStatus.CANCELLED)
			.ifPresent(visit -> send(visit, "cancelled"));
	}

	private Optional<AppointmentView> open(UUID appointmentId) {
		return appointments.find(appointmentId)
			.filter(visit -> visit.status() == AppointmentStatus.BOOKED
					|| visit.status() == AppointmentStatus.CONFIRMED);
	}

	private void send(AppointmentView visit, String what) {
		PatientSummary patient = patients.find(new PatientId(visit.patientId())).orElse(null);
		if (patient == null || patient.email() == null) {
			return;
		}
		ClinicSnapshot clinic = catalog.snapshot();
		Locale locale = wording.localeOf(patient.id());
		Object[] about = { patient.firstName(), clinic.profile().name(), wording.service(locale, clinic, visit),
				ReminderSending.provider(clinic, visit), ReminderWording.day(locale, visit.start(), clinic.zone()),
				ReminderWording.time(locale, visit.start(), clinic.zone()), ReminderWording.address(clinic.profile()),
				clinic.profile().phone() };
		String method = "cancelled".equals(what) ? "CANCEL" : "REQUEST";
		MailAttachment file = new MailAttachment("cancelled".equals(what) ? "cancelled.ics" : "appointment.ics",
				"text/calendar; method=" + method, calendar.invitation(visit, clinic, patient.email()));
		ProactiveMessages.Outcome outcome = noticeOnce(patient,
				wording.text(locale, "notice." + what + ".subject", about),
				wording.text(locale, "notice." + what, about), file);
		if (outcome instanceof ProactiveMessages.Outcome.Queued queued) {
			notices.record(visit.id(), queued.conversationId(), queued.messageId(), what, clock.instant());
		}
		else if (outcome instanceof ProactiveMessages.Outcome.Refused refused) {
			log.debug("No {} email for appointment {}: {}", what, visit.id(), refused.reason());
		}
	}

	private synchronized ProactiveMessages.Outcome noticeOnce(PatientSummary patient, String subject, String text,
			MailAttachment file) {
		try {
			return proactive.notice(patient.id(), subject, text, file);
		}
		catch (DataIntegrityViolationException ex) {
			return proactive.notice(patient.id(), subject, text, file);
		}
	}

}
