package io.smiledesk.conversation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.smiledesk.scheduling.AppointmentStatus;

/**
 * The assistant's answer to one message, as the chat API returns it. {@code reply} is
 * null when a person has taken the conversation over (their answer comes separately).
 */
public record ChatReply(UUID sessionId, String reply, String intent, ConversationStatus status, State state,
		List<Option> options, Appointment appointment) {

	public record Option(String label, String value) {
	}

	/** What the assistant knows so far; absent facts are left out. */
	public record State(String task, String stage, Named service, Named provider, Window window, Chosen chosenSlot,
			String name, String email, String phone, LocalDate dateOfBirth, Boolean pendingConfirmation,
			Boolean identityChecked) {
	}

	public record Named(String id, String name) {
	}

	/** Clinic-local, end exclusive. */
	public record Window(String from, String to) {
	}

	public record Chosen(OffsetDateTime start, String providerId, boolean held) {
	}

	/**
	 * An appointment booked, moved or cancelled in this turn.
	 *
	 * @param calendarUrl its calendar file, while it stands: a path on this server until
	 * {@link ChatReply#onServer} makes it absolute
	 */
	public record Appointment(UUID appointmentId, OffsetDateTime appointmentDate, String serviceName,
			String providerName, AppointmentStatus status, String action, String calendarUrl) {
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
				baseUrl + appointment.calendarUrl());
		return new ChatReply(sessionId, reply, intent, status, state, options, linked);
	}

}
