package io.smiledesk.conversation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smiledesk.scheduling.AppointmentStatus;
import io.smiledesk.scheduling.DepositSummary;

/**
 * The assistant's answer to one message, before any channel renders it.
 *
 * @param text what to tell the patient
 * @param intent what the message was read as, for the record
 * @param language the conversation's language (ISO 639-1)
 * @param options choices the patient may pick; the {@code value} is what picking sends
 * @param appointment an appointment booked, moved or cancelled in this turn, or null
 * @param handoff staff are asked to step in, or null
 * @param close the patient said goodbye
 * @param patientId the patient this turn identified, or null
 * @param progress what the assistant knows so far, for the patient's screen
 * @param state what the assistant keeps for the next turn (opaque here)
 * @param metadata how the message was read and answered, stored with the message
 */
public record Reply(String text, String intent, String language, List<Option> options, AppointmentCard appointment,
		Handoff handoff, boolean close, UUID patientId, Progress progress, String state, Map<String, Object> metadata) {

	public Reply {
		options = List.copyOf(options);
		metadata = Map.copyOf(metadata);
	}

	public record Option(String label, String value) {
	}

	/**
	 * @param reason a stable code first ("stuck", "medical_risk"...), then ": " and the
	 * particulars
	 */
	public record Handoff(Urgency urgency, String reason, String summary) {

		/** The code of the reason, without the particulars. */
		public String code() {
			int colon = reason.indexOf(':');
			return colon < 0 ? reason : reason.substring(0, colon);
		}

	}

	/**
	 * An appointment changed in this turn, as the patient sees it.
	 *
	 * @param calendarPath its calendar file on this server while it stands, else null
	 * @param deposit the deposit its service asks for, else null
	 */
	public record AppointmentCard(UUID appointmentId, OffsetDateTime start, String serviceName, String providerName,
			AppointmentStatus status, String action, String calendarPath, DepositSummary deposit) {
	}

	/** What the assistant knows so far; absent facts are null. */
	public record Progress(String task, String stage, Named service, Named provider, Window window, Chosen chosenSlot,
			String name, String email, String phone, LocalDate dateOfBirth, Boolean pendingConfirmation,
			Boolean identityChecked) {

		public static final Progress NONE = new Progress(null, null, null, null, null, null, null, null, null, null,
				null, null);

	}

	public record Named(String id, String name) {
	}

	/** Clinic-local, end exclusive. */
	public record Window(String from, String to) {
	}

	public record Chosen(OffsetDateTime start, String providerId, boolean held) {
	}

}
