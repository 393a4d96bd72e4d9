package io.smiledesk.analytics;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

import io.smiledesk.system.InOrder;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.conversation.ConversationEvents;
import io.smiledesk.conversation.Sender;
import io.smiledesk.scheduling.AppointmentEvents;
import io.smiledesk.scheduling.AppointmentStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the analytics read model in step with what happens. Listeners run once the change
 * they describe has committed, each in its own transaction: a failure here never undoes a
 * booking, and the event publication registry hands an event that was not processed to
 * the listener again at the next start. Times come from the events, not the clock: a
 * listener may run a little after the change. Clinic-local dates and hours are worked out
 * here, once, in the clinic's time zone of the day.
 */
@Component
class AnalyticsRecorder {

	static final int REASON_LENGTH = 120;

	private final JdbcClient jdbc;

	private final ClinicCatalog catalog;

	AnalyticsRecorder(JdbcClient jdbc, ClinicCatalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	// --- appointments

	@InOrder(AnalyticsConfiguration.IN_ORDER)
	void on(AppointmentEvents.AppointmentBooked event) {
		ZoneId zone = zone();
		Instant now = event.bookedAt();
		ZonedDateTime start = event.start().atZone(zone);
		jdbc.sql("""
				insert into analytics_appointment (appointment_id, created_from, booked_at, booked_on, starts_at,
				    starts_on, start_weekday, start_hour, status)
				values (:id, :source, :bookedAt, :bookedOn, :startsAt, :startsOn, :weekday, :hour, :status)""")
			.param("id", event.appointmentId())
			.param("source", event.createdFrom().name())
			.param("bookedAt", utc(now))
			.param("bookedOn", now.atZone(zone).toLocalDate())
			.param("startsAt", utc(event.start()))
			.param("startsOn", start.toLocalDate())
			.param("weekday", start.getDayOfWeek().getValue())
			.param("hour", start.getHour())
			.param("status", AppointmentStatus.BOOKED.name())
			.update();
	}

	@InOrder(AnalyticsConfiguration.IN_ORDER)
	void on(AppointmentEvents.AppointmentRescheduled event) {
		ZonedDateTime start = event.start().atZone(zone());
		jdbc.sql("""
				update analytics_appointment set starts_at = :startsAt, starts_on = :startsOn,
				    start_weekday = :weekday, start_hour = :hour, status = :status
				where appointment_id = :id""")
			.param("startsAt", utc(event.start()))
			.param("startsOn", start.toLocalDate())
			.param("weekday", start.getDayOfWeek().getValue())
			.param("hour", start.getHour())
			.param("status", AppointmentStatus.BOOKED.name())
			.param("id", event.appointmentId())
			.update();
	}

	@InOrder(AnalyticsConfiguration.IN_ORDER)
	void on(AppointmentEvents.AppointmentConfirmed event) {
		status(event.appointmentId(), AppointmentStatus.CONFIRMED);
	}

	@InOrder(AnalyticsConfiguration.IN_ORDER)
	void on(AppointmentEvents.AppointmentCancelled event) {
		status(event.appointmentId(), AppointmentStatus.CANCELLED);
	}

	@InOrder(AnalyticsConfiguration.IN_ORDER)
	void on(AppointmentEvents.AppointmentCompleted event) {
		status(event.appointmentId(), AppointmentStatus.COMPLETED);
	}

	@InOrder(AnalyticsConfiguration.IN_ORDER)
	void on(AppointmentEvents.AppointmentMissed event) {
		status(event.appointmentId(), AppointmentStatus.NO_SHOW);
	}

	/** Entered by mistake: it never was a booking. */
	@InOrder(AnalyticsConfiguration.IN_ORDER)
	void on(AppointmentEvents.AppointmentDeleted event) {
		jdbc.sql("delete from analytics_appointment where appointment_id = ?").param(event.appointmentId()).update();
	}

	// --- conversations

	@InOrder(AnalyticsConfiguration.IN_ORDER)
	void on(ConversationEvents.ConversationStarted event) {
		jdbc.sql("""
				insert into analytics_conversation (conversation_id, channel, started_at, started_on, booked)
				values (:id, :channel, :startedAt, :startedOn, false)""")
			.param("id", event.conversationId())
			.param("channel", event.channel().name())
			.param("startedAt", utc(event.startedAt()))
			.param("startedOn", event.startedAt().atZone(zone()).toLocalDate())
			.update();
	}

	/**
	 * The clinic may write first (a campaign, a reminder): the patient's word counts it.
	 */
	@InOrder(AnalyticsConfiguration.IN_ORDER)
	void on(ConversationEvents.MessageAdded event) {
		if (event.sender() != Sender.PATIENT) {
			return;
		}
		jdbc.sql(
				"update analytics_conversation set patient_wrote = true where conversation_id = ? and not patient_wrote")
			.param(event.conversationId())
			.update();
	}

	@InOrder(AnalyticsConfiguration.IN_ORDER)
	void on(ConversationEvents.AppointmentBookedInConversation event) {
		jdbc.sql("update analytics_conversation set booked = true where conversation_id = ?")
			.param(event.conversationId())
			.update();
	}

	@InOrder(AnalyticsConfiguration.IN_ORDER)
	void on(ConversationEvents.HandoffRequested event) {
		Instant now = event.requestedAt();
		jdbc.sql("""
				insert into analytics_handoff (id, conversation_id, requested_at, requested_on, reason)
				values (:id, :conversation, :requestedAt, :requestedOn, :reason)""")
			.param("id", UUID.randomUUID())
			.param("conversation", event.conversationId())
			.param("requestedAt", utc(now))
			.param("requestedOn", now.atZone(zone()).toLocalDate())
			.param("reason", reason(event.reason()))
			.update();
	}

	/**
	 * The kind of handoff, without the particulars: "Emergency: severe swelling" counts
	 * as Emergency, "medical_risk: pregnancy" as Medical risk.
	 */
	static String reason(String reason) {
		if (reason == null || reason.isBlank()) {
			return "Unspecified";
		}
		String kind = reason.strip();
		int cut = kind.length();
		for (char separator : new char[] { ':', '(' }) {
			int at = kind.indexOf(separator);
			if (at > 0 && at < cut) {
				cut = at;
			}
		}
		kind = kind.substring(0, cut).strip();
		if (kind.matches("[a-z_]+")) {
			// a code ("medical_risk") reads as words on the charts ("Medical risk")
			kind = Character.toUpperCase(kind.charAt(0)) + kind.substring(1).replace('_', ' ');
		}
		return kind.length() > REASON_LENGTH ? kind.substring(0, REASON_LENGTH) : kind;
	}

	private void status(UUID appointment, AppointmentStatus status) {
		jdbc.sql("update analytics_appointment set status = ? where appointment_id = ?")
			.param(status.name())
			.param(appointment)
			.update();
	}

	private ZoneId zone() {
		return catalog.snapshot().zone();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
