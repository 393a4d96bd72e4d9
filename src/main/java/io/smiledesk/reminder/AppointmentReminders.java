package io.smiledesk.reminder;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.conversation.MessageDeliveries;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Appointments;

import org.springframework.stereotype.Service;

/**
 * What staff see of an appointment's reminders: each with its delivery as the channel
 * reported it, and how the patient answered.
 */
@Service
class AppointmentReminders {

	/**
	 * @param status pending, skipped, failed, or the delivery of a queued one (pending,
	 * sent, delivered, read, undelivered, failed, not_sent)
	 */
	record Line(String rule, String channel, Instant dueAt, String status, String detail, UUID messageId,
			Instant appointmentStart, String response, String responseVia, Instant respondedAt) {
	}

	/** How the patient answered the reminders, if at all. */
	record Answer(String response, String via, Instant at) {
	}

	record View(AppointmentView appointment, List<Line> reminders, Answer answer) {
	}

	private final Appointments appointments;

	private final ReminderLedger ledger;

	private final MessageDeliveries deliveries;

	AppointmentReminders(Appointments appointments, ReminderLedger ledger, MessageDeliveries deliveries) {
		this.appointments = appointments;
		this.ledger = ledger;
		this.deliveries = deliveries;
	}

	Optional<View> of(UUID appointmentId) {
		return appointments.find(appointmentId).map(appointment -> {
			List<ReminderRecord> rows = ledger.ofAppointment(appointmentId);
			List<UUID> sent = rows.stream().map(ReminderRecord::messageId).filter(Objects::nonNull).toList();
			Map<UUID, MessageDeliveries.Delivery> delivered = sent.isEmpty() ? Map.of() : deliveries.of(sent);
			List<Line> lines = rows.stream().map(row -> {
				String status = row.status().name().toLowerCase(Locale.ROOT);
				if (row.status() == ReminderRecord.Status.QUEUED) {
					MessageDeliveries.Delivery delivery = delivered.get(row.messageId());
					status = delivery == null ? "pending" : delivery.status();
				}
				return new Line(row.ruleCode(), row.channel(), row.dueAt(), status, row.detail(), row.messageId(),
						row.appointmentStart(), row.response(), row.responseVia(), row.respondedAt());
			}).toList();
			Answer answer = rows.stream()
				.filter(row -> row.response() != null)
				.reduce((first, second) -> second)
				.map(row -> new Answer(row.response(), row.responseVia(), row.respondedAt()))
				.orElse(null);
			return new View(appointment, lines, answer);
		});
	}

}
