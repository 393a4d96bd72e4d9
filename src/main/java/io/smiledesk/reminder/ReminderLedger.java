package io.smiledesk.reminder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reminder ledger. Its unique key (appointment, start, rule) is what makes a reminder
 * go out once: a second claim of the same one fails in the database.
 */
@Repository
class ReminderLedger {

	private static final String COLUMNS = """
			id, appointment_id, appointment_start, rule_code, asks_confirmation, due_at, status, detail, channel,
			conversation_id, message_id, response, response_via, responded_at, created_at""";

	private final JdbcClient jdbc;

	ReminderLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The rules already in the ledger per appointment, for the start each has now. */
	Map<UUID, Set<String>> handled(Map<UUID, Instant> starts) {
		Map<UUID, Set<String>> handled = new HashMap<>();
		if (starts.isEmpty()) {
			return handled;
		}
		jdbc.sql("select appointment_id, appointment_start, rule_code from reminder where appointment_id in (:ids)")
			.param("ids", starts.keySet())
			.query((rs, row) -> {
				UUID appointment = rs.getObject("appointment_id", UUID.class);
				if (instant(rs, "appointment_start").equals(starts.get(appointment))) {
					handled.computeIfAbsent(appointment, key -> new HashSet<>()).add(rs.getString("rule_code"));
				}
				return null;
			})
			.list();
		return handled;
	}

	/** A new row; fails with a duplicate key when this reminder is already there. */
	void insert(ReminderRecord record, Instant now) {
		jdbc.sql("""
				insert into reminder (id, clinic_id, appointment_id, appointment_start, rule_code, asks_confirmation,
				    due_at, status, detail, created_at, updated_at)
				values (:id, :clinic, :appointment, :start, :rule, :asks, :due, :status, :detail, :now, :now)""")
			.param("id", record.id())
			.param("clinic", Clinics.DEFAULT)
			.param("appointment", record.appointmentId())
			.param("start", utc(record.appointmentStart()))
			.param("rule", record.ruleCode())
			.param("asks", record.asksConfirmation())
			.param("due", utc(record.dueAt()))
			.param("status", record.status().name())
			.param("detail", record.detail())
			.param("now", utc(now))
			.update();
	}

	void queued(UUID id, String channel, UUID conversationId, UUID messageId, Instant now) {
		jdbc.sql(
				"""
						update reminder set status = 'QUEUED', detail = null, channel = :channel, conversation_id = :conversation,
						    message_id = :message, updated_at = :now where id = :id""")
			.param("channel", channel)
			.param("conversation", conversationId)
			.param("message", messageId)
			.param("now", utc(now))
			.param("id", id)
			.update();
	}

	void settle(UUID id, ReminderRecord.Status status, String detail, Instant now) {
		jdbc.sql("update reminder set status = :status, detail = :detail, updated_at = :now where id = :id")
			.param("status", status.name())
			.param("detail", detail == null ? null : detail.substring(0, Math.min(detail.length(), 500)))
			.param("now", utc(now))
			.param("id", id)
			.update();
	}

	void responded(UUID id, String response, String via, Instant now) {
		jdbc.sql("""
				update reminder set response = :response, response_via = :via, responded_at = :now, updated_at = :now
				where id = :id""")
			.param("response", response)
			.param("via", via)
			.param("now", utc(now))
			.param("id", id)
			.update();
	}

	List<ReminderRecord> ofAppointment(UUID appointmentId) {
		return jdbc.sql("select " + COLUMNS + " from reminder where appointment_id = ? order by due_at, created_at")
			.param(appointmentId)
			.query(ReminderLedger::record)
			.list();
	}

	Optional<ReminderRecord> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from reminder where id = ?")
			.param(id)
			.query(ReminderLedger::record)
			.optional();
	}

	/** The newest reminder written into a conversation. */
	Optional<ReminderRecord> latestIn(UUID conversationId) {
		return jdbc
			.sql("select " + COLUMNS
					+ " from reminder where conversation_id = ? and status = 'QUEUED' order by created_at desc")
			.param(conversationId)
			.query(ReminderLedger::record)
			.list()
			.stream()
			.findFirst();
	}

	List<ReminderRecord> pendingDue(Instant now) {
		return jdbc.sql("select " + COLUMNS + " from reminder where status = 'PENDING' and due_at <= ? order by due_at")
			.param(utc(now))
			.query(ReminderLedger::record)
			.list();
	}

	List<ReminderRecord> failedSince(Instant since, int limit) {
		return jdbc
			.sql("select " + COLUMNS
					+ " from reminder where status = 'FAILED' and updated_at >= ? order by updated_at desc")
			.param(utc(since))
			.query(ReminderLedger::record)
			.list()
			.stream()
			.limit(limit)
			.toList();
	}

	private static ReminderRecord record(ResultSet rs, int row) throws SQLException {
		return new ReminderRecord(rs.getObject("id", UUID.class), rs.getObject("appointment_id", UUID.class),
				instant(rs, "appointment_start"), rs.getString("rule_code"), rs.getBoolean("asks_confirmation"),
				instant(rs, "due_at"), ReminderRecord.Status.valueOf(rs.getString("status")), rs.getString("detail"),
				rs.getString("channel"), rs.getObject("conversation_id", UUID.class),
				rs.getObject("message_id", UUID.class), rs.getString("response"), rs.getString("response_via"),
				instant(rs, "responded_at"), instant(rs, "created_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

}
