package io.smiledesk.reminder;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.conversation.Assistant;
import io.smiledesk.conversation.ConversationPurpose;
import io.smiledesk.conversation.ConversationSummary;
import io.smiledesk.conversation.Conversations;
import io.smiledesk.conversation.MessageView;
import io.smiledesk.conversation.Reply;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.Patients;
import io.smiledesk.safety.SafetyAssessment;
import io.smiledesk.safety.SafetyScreen;
import io.smiledesk.scheduling.AppointmentStatus;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Appointments;
import io.smiledesk.scheduling.Booking;

import org.springframework.stereotype.Component;

/**
 * Replies on a reminder's or a booking email's thread. The thread is the patient's own,
 * so the assistant knows who it is and which visit it is about; a plain yes (C, yes, see
 * you then) right after the reminder confirms the visit here; can't make it or another
 * day instead go to the assistant's cancelling and moving with the visit already chosen;
 * the rest to the assistant as it is.
 */
@Component
class ReminderConversations implements ConversationPurpose {

	private static final Set<AppointmentStatus> OPEN = EnumSet.of(AppointmentStatus.BOOKED,
			AppointmentStatus.CONFIRMED);

	private final ReminderLedger ledger;

	private final Appointments appointments;

	private final Conversations conversations;

	private final ReminderResponses responses;

	private final ReminderWording wording;

	private final Patients patients;

	private final ClinicCatalog catalog;

	private final Clock clock;

	private final SafetyScreen safety;

	private final VisitNotices notices;

	ReminderConversations(ReminderLedger ledger, Appointments appointments, Conversations conversations,
			ReminderResponses responses, ReminderWording wording, Patients patients, ClinicCatalog catalog, Clock clock,
			SafetyScreen safety, VisitNotices notices) {
		this.notices = notices;
		this.safety = safety;
		this.ledger = ledger;
		this.appointments = appointments;
		this.conversations = conversations;
		this.responses = responses;
		this.wording = wording;
		this.patients = patients;
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * The visit the last reminder or booking email on the thread was about; right after
	 * it, also what a clear reply asks for (can't make it is cancelling it; Thursday
	 * instead, moving it).
	 */
	@Override
	public Optional<Assistant.Known> known(UUID conversationId, String text) {
		Optional<Said> said = lastAbout(conversationId);
		return said.flatMap(about -> appointments.find(about.appointmentId()))
			.filter(visit -> OPEN.contains(visit.status()) && visit.start().isAfter(clock.instant()))
			.map(visit -> new Assistant.Known(visit.patientId(), visit.id(),
					lastSaid(conversationId, said.get().messageId()) ? wants(text) : null));
	}

	/** The newer of the thread's last reminder and its last booking email. */
	private Optional<Said> lastAbout(UUID conversationId) {
		Optional<Said> reminder = ledger.latestIn(conversationId)
			.map(row -> new Said(row.appointmentId(), row.messageId()));
		Optional<Said> notice = notices.latestIn(conversationId)
			.map(row -> new Said(row.appointmentId(), row.messageId()));
		if (reminder.isEmpty() || notice.isEmpty()) {
			return reminder.or(() -> notice);
		}
		return position(notice.get()) > position(reminder.get()) ? notice : reminder;
	}

	private int position(Said said) {
		return conversations.message(said.messageId()).map(MessageView::position).orElse(-1);
	}

	private record Said(UUID appointmentId, UUID messageId) {
	}

	private static Assistant.Wants wants(String text) {
		return switch (ReminderReplies.read(text)) {
			case CANCEL -> Assistant.Wants.CANCEL;
			case RESCHEDULE -> Assistant.Wants.RESCHEDULE;
			default -> null;
		};
	}

	@Override
	public Optional<Answer> answer(UUID conversationId, String text) {
		if (ReminderReplies.read(text) != ReminderReplies.Meaning.CONFIRM) {
			return Optional.empty();
		}
		SafetyAssessment assessment = safety.assess(text);
		if (assessment.isEmergency() || assessment.needsStaff()) {
			// "yes, but it hurts a lot now": the assistant's safety rules answer that
			return Optional.empty();
		}
		Optional<ReminderRecord> reminder = ledger.latestIn(conversationId)
			.filter(row -> !ReminderRecord.MISSED_YOU.equals(row.ruleCode()));
		if (reminder.isEmpty() || !lastSaid(conversationId, reminder.get().messageId())) {
			// the assistant has spoken since: this yes answers its question
			return Optional.empty();
		}
		ClinicSnapshot clinic = catalog.snapshot();
		Optional<AppointmentView> found = appointments.find(reminder.get().appointmentId());
		if (found.isEmpty() || !OPEN.contains(found.get().status()) || !found.get().start().isAfter(clock.instant())) {
			Locale locale = found.map(visit -> wording.localeOf(new PatientId(visit.patientId())))
				.orElse(Locale.ENGLISH);
			return Optional.of(new Answer(wording.text(locale, "gone", "", "", "", "", clinic.profile().phone()),
					"confirm_appointment", Map.of("reminder", "gone")));
		}
		AppointmentView visit = found.get();
		PatientId patient = new PatientId(visit.patientId());
		Locale locale = wording.localeOf(patient);
		String first = patients.find(patient).map(PatientSummary::firstName).orElse("");
		Object[] about = { first, wording.service(locale, clinic, visit),
				ReminderWording.day(locale, visit.start(), clinic.zone()),
				ReminderWording.time(locale, visit.start(), clinic.zone()), clinic.profile().phone() };
		if (visit.status() == AppointmentStatus.CONFIRMED) {
			return Optional.of(new Answer(wording.text(locale, "already-confirmed", about), "confirm_appointment",
					Map.of("reminder", "already_confirmed", "appointment_id", visit.id().toString())));
		}
		Booking.Outcome outcome = responses.confirm(visit, ReminderResponses.REPLY);
		if (outcome instanceof Booking.Rejected) {
			return Optional
				.of(new Answer(wording.text(locale, "gone", about), "confirm_appointment", Map.of("reminder", "gone")));
		}
		return Optional.of(new Answer(wording.text(locale, "confirmed", about), "confirm_appointment",
				Map.of("reminder", "confirmed", "appointment_id", visit.id().toString())));
	}

	@Override
	public Reply review(UUID conversationId, String text, Reply reply) {
		Reply.AppointmentCard card = reply.appointment();
		if (card != null && ("cancelled".equals(card.action()) || "rescheduled".equals(card.action()))) {
			ledger.latestIn(conversationId)
				.filter(row -> row.appointmentId().equals(card.appointmentId()))
				.ifPresent(row -> responses.note(row.appointmentId(), card.action(), ReminderResponses.REPLY));
		}
		return reply;
	}

	/** Whether the message is still the last thing said on the thread. */
	private boolean lastSaid(UUID conversationId, UUID messageId) {
		Optional<MessageView> message = conversations.message(messageId);
		Optional<ConversationSummary> summary = conversations.view(conversationId);
		return message.isPresent() && summary.isPresent()
				&& summary.get().messageCount() == message.get().position() + 1;
	}

}
