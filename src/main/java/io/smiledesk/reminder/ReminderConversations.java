package io.smiledesk.reminder;

import java.text.Normalizer;
import java.time.Clock;
import java.util.Arrays;
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
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.AppointmentStatus;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Appointments;
import io.smiledesk.scheduling.Booking;

import org.springframework.stereotype.Component;

/**
 * Replies on a reminder's thread. The thread is the patient's own, so the assistant knows
 * who it is and which visit it is about; a bare "C" or "yes" right after the reminder
 * confirms the visit here; anything else ("can't make it", "could we do Thursday
 * instead") goes to the assistant's cancelling and moving, with the visit already chosen.
 */
@Component
class ReminderConversations implements ConversationPurpose {

	private static final Set<AppointmentStatus> OPEN = EnumSet.of(AppointmentStatus.BOOKED,
			AppointmentStatus.CONFIRMED);

	/** Words that say yes to a reminder; a reply of these alone confirms. */
	private static final Set<String> YES = Set.of("c", "y", "yes", "yeah", "yep", "yup", "ok", "okay", "sure",
			"confirm", "confirmed", "confirming", "si", "oui", "confirme", "confirmo", "confirmado", "confirmada",
			"\uD83D\uDC4D");

	/** Words that may stand beside a yes without changing it. */
	private static final Set<String> ALONGSIDE = Set.of("i", "we", "will", "be", "there", "see", "you", "then",
			"thanks", "thank", "please", "ty", "great", "perfect", "its", "it", "is", "all", "good", "merci", "gracias",
			"je", "yo", "lo", "le", "a", "and", "that", "sounds", "fine");

	private final ReminderLedger ledger;

	private final Appointments appointments;

	private final Conversations conversations;

	private final ReminderResponses responses;

	private final ReminderWording wording;

	private final Patients patients;

	private final ClinicCatalog catalog;

	private final Clock clock;

	ReminderConversations(ReminderLedger ledger, Appointments appointments, Conversations conversations,
			ReminderResponses responses, ReminderWording wording, Patients patients, ClinicCatalog catalog,
			Clock clock) {
		this.ledger = ledger;
		this.appointments = appointments;
		this.conversations = conversations;
		this.responses = responses;
		this.wording = wording;
		this.patients = patients;
		this.catalog = catalog;
		this.clock = clock;
	}

	@Override
	public Optional<Assistant.Known> known(UUID conversationId) {
		return visit(conversationId).map(visit -> new Assistant.Known(visit.patientId(), visit.id()));
	}

	@Override
	public Optional<Answer> answer(UUID conversationId, String text) {
		if (!saysYes(text)) {
			return Optional.empty();
		}
		Optional<ReminderRecord> reminder = ledger.latestIn(conversationId)
			.filter(row -> !ReminderRecord.MISSED_YOU.equals(row.ruleCode()));
		if (reminder.isEmpty() || !lastSaid(conversationId, reminder.get())) {
			// the assistant has spoken since: this yes answers its question
			return Optional.empty();
		}
		ClinicSnapshot clinic = catalog.snapshot();
		Optional<AppointmentView> found = appointments.find(reminder.get().appointmentId());
		if (found.isEmpty() || !OPEN.contains(found.get().status()) || !found.get().start().isAfter(clock.instant())) {
			return Optional.of(new Answer(wording.text("gone", "", "", "", "", clinic.profile().phone()),
					"confirm_appointment", Map.of("reminder", "gone")));
		}
		AppointmentView visit = found.get();
		String first = patients.find(new PatientId(visit.patientId()))
			.map(patient -> ReminderWording.firstName(patient.name()))
			.orElse("");
		Object[] about = { first, ReminderSending.service(clinic, visit),
				ReminderWording.day(visit.start(), clinic.zone()), ReminderWording.time(visit.start(), clinic.zone()),
				clinic.profile().phone() };
		if (visit.status() == AppointmentStatus.CONFIRMED) {
			return Optional.of(new Answer(wording.text("already-confirmed", about), "confirm_appointment",
					Map.of("reminder", "already_confirmed", "appointment_id", visit.id().toString())));
		}
		Booking.Outcome outcome = responses.confirm(visit, ReminderResponses.REPLY);
		if (outcome instanceof Booking.Rejected) {
			return Optional
				.of(new Answer(wording.text("gone", about), "confirm_appointment", Map.of("reminder", "gone")));
		}
		return Optional.of(new Answer(wording.text("confirmed", about), "confirm_appointment",
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

	/** The open, upcoming visit the thread's latest reminder is about. */
	private Optional<AppointmentView> visit(UUID conversationId) {
		return ledger.latestIn(conversationId)
			.flatMap(row -> appointments.find(row.appointmentId()))
			.filter(visit -> OPEN.contains(visit.status()) && visit.start().isAfter(clock.instant()));
	}

	/** Whether the reminder is still the last thing said on the thread. */
	private boolean lastSaid(UUID conversationId, ReminderRecord reminder) {
		Optional<MessageView> message = conversations.message(reminder.messageId());
		Optional<ConversationSummary> summary = conversations.view(conversationId);
		return message.isPresent() && summary.isPresent()
				&& summary.get().messageCount() == message.get().position() + 1;
	}

	static boolean saysYes(String text) {
		String plain = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replace("'", "")
			.replaceAll("[^\\p{L}\\p{N}\\x{1F44D}]+", " ")
			.strip();
		if (plain.isEmpty() || plain.length() > 60) {
			return false;
		}
		String[] words = plain.split(" ");
		return Arrays.stream(words).anyMatch(YES::contains)
				&& Arrays.stream(words).allMatch(word -> YES.contains(word) || ALONGSIDE.contains(word));
	}

}
