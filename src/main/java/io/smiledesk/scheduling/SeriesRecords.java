package io.smiledesk.scheduling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows of appointment series and their occurrences. */
@Component
class SeriesRecords {

	/** The clinic rows belong to while a deployment serves one. */
	static final int CLINIC = 1;

	private final JdbcClient jdbc;

	SeriesRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Series(UUID id, UUID patientId, String serviceId, String providerId, Instant firstStart,
			Recurrence recurrence, String idempotencyKey, String requestHash, Instant createdAt) {
	}

	record Occurrence(int position, Instant plannedStart, UUID appointmentId, String unavailableReason) {
	}

	/** Inserts the series; false when another request holds its idempotency key. */
	boolean insert(Series series) {
		try {
			jdbc.sql("""
					insert into appointment_series (id, clinic_id, patient_id, service_id, provider_id, first_start,
					  recurrence_unit, recurrence_interval, occurrence_count, idempotency_key, request_hash, created_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(series.id(), CLINIC, series.patientId(), series.serviceId(), series.providerId(),
						BusyTimesLoader.utc(series.firstStart()), series.recurrence().unit().name(),
						series.recurrence().interval(), series.recurrence().count(), series.idempotencyKey(),
						series.requestHash(), BusyTimesLoader.utc(series.createdAt()))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	Optional<Series> find(UUID id) {
		return jdbc.sql("select * from appointment_series where id = ? and clinic_id = ?")
			.params(id, CLINIC)
			.query(SeriesRecords::series)
			.optional();
	}

	Optional<Series> findByKey(String idempotencyKey) {
		return jdbc.sql("select * from appointment_series where idempotency_key = ? and clinic_id = ?")
			.params(idempotencyKey, CLINIC)
			.query(SeriesRecords::series)
			.optional();
	}

	List<Occurrence> occurrences(UUID seriesId) {
		return jdbc.sql("""
				select position, planned_start, appointment_id, unavailable_reason
				from appointment_series_occurrence where series_id = ? order by position""")
			.param(seriesId)
			.query((rs, row) -> new Occurrence(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
					rs.getObject(3, UUID.class), rs.getString(4)))
			.list();
	}

	void record(UUID seriesId, Occurrence occurrence) {
		jdbc.sql("""
				insert into appointment_series_occurrence (series_id, position, clinic_id, planned_start,
				  appointment_id, unavailable_reason) values (?, ?, ?, ?, ?, ?)""")
			.params(seriesId, occurrence.position(), CLINIC, BusyTimesLoader.utc(occurrence.plannedStart()),
					occurrence.appointmentId(), occurrence.unavailableReason())
			.update();
	}

	void delete(UUID seriesId) {
		jdbc.sql("delete from appointment_series where id = ?").param(seriesId).update();
	}

	private static Series series(ResultSet rs, int row) throws SQLException {
		Recurrence recurrence = new Recurrence(Recurrence.Unit.valueOf(rs.getString("recurrence_unit")),
				rs.getInt("recurrence_interval"), rs.getInt("occurrence_count"));
		return new Series(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
				rs.getString("service_id"), rs.getString("provider_id"),
				rs.getObject("first_start", OffsetDateTime.class).toInstant(), recurrence,
				rs.getString("idempotency_key"), rs.getString("request_hash"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

}
