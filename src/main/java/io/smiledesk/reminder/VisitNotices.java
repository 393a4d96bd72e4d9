package io.smiledesk.reminder;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which visit each booking email was about, by the message that carried it. */
@Repository
class VisitNotices {

	private final JdbcClient jdbc;

	VisitNotices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(UUID appointmentId, UUID conversationId, UUID messageId, String kind, Instant now) {
		jdbc.sql("""
				insert into visit_notice (id, clinic_id, appointment_id, conversation_id, message_id, kind, created_at)
				values (:id, :clinic, :appointment, :conversation, :message, :kind, :now)""")
			.param("id", UUID.randomUUID())
			.param("clinic", Clinics.DEFAULT)
			.param("appointment", appointmentId)
			.param("conversation", conversationId)
			.param("message", messageId)
			.param("kind", kind)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
	}

	/** The newest booking email written into a conversation. */
	Optional<Notice> latestIn(UUID conversationId) {
		return jdbc.sql("""
				select appointment_id, message_id from visit_notice where conversation_id = ?
				order by created_at desc""")
			.param(conversationId)
			.query((rs, row) -> new Notice(rs.getObject("appointment_id", UUID.class),
					rs.getObject("message_id", UUID.class)))
			.list()
			.stream()
			.findFirst();
	}

	record Notice(UUID appointmentId, UUID messageId) {
	}

}
