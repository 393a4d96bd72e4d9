package io.smiledesk.conversation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.smiledesk.scheduling.AppointmentStatus;
import io.smiledesk.scheduling.DepositSummary;

/**
 * The assistant's answer to one message, as the web chat shows it: options become
 * buttons. {@code reply} is null when a person has taken the conversation over (their
 * answer comes separately).
 */
public record ChatReply(UUID sessionId, String reply, String intent, ConversationStatus status, String language,
		Reply.Progress state, List<Option> options, Appointment appointment) {

	public record Option(String label, String value) {
	}

	/**
	 * An appointment booked, moved or cancelled in this turn.
	 *
	 * @param calendarUrl its calendar file, while it stands: a path on this server until
	 * {@link ChatReply#onServer} makes it absolute
	 * @param deposit the deposit its service asks for (with the payment link while it is
	 * pending), else null
	 */
	public record Appointment(UUID appointmentId, OffsetDateTime appointmentDate, String serviceName,
			String providerName, AppointmentStatus status, String action, String calendarUrl, DepositSummary deposit) {
	}

	/** The web chat's rendering of what came of a message. */
	public static ChatReply of(PatientMessages.Exchange exchange) {
		Reply reply = exchange.reply();
		if (reply == null) {
			return new ChatReply(exchange.conversationId(), null, null, exchange.status(), null, null, List.of(), null);
		}
		Reply.AppointmentCard card = reply.appointment();
		Appointment appointment = card == null ? null
				: new Appointment(card.appointmentId(), card.start(), card.serviceName(), card.providerName(),
						card.status(), card.action(), card.calendarPath(), card.deposit());
		return new ChatReply(exchange.conversationId(), reply.text(), reply.intent(), exchange.status(),
				reply.language(), reply.progress(),
				reply.options().stream().map(option -> new Option(option.label(), option.value())).toList(),
				appointment);
	}

	/**
	 * The reply with its links absolute, for clients on other sites (the widget is
	 * embedded in the clinic's own website).
	 */
	public ChatReply onServer(String baseUrl) {
		if (appointment == null || appointment.calendarUrl() == null || !appointment.calendarUrl().startsWith("/")) {
			return this;
		}
		Appointment linked = new Appointment(appointment.appointmentId(), appointment.appointmentDate(),
				appointment.serviceName(), appointment.providerName(), appointment.status(), appointment.action(),
				baseUrl + appointment.calendarUrl(), appointment.deposit());
		return new ChatReply(sessionId, reply, intent, status, language, state, options, linked);
	}

}
