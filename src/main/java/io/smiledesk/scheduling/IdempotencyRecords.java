package io.smiledesk.scheduling;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Remembers which appointment a booking request with an {@code Idempotency-Key} produced.
 * The key is inserted first in the booking's own transaction, so a concurrent retry waits
 * for the first attempt and then finds its result.
 */
@Component
class IdempotencyRecords {

	private final JdbcClient jdbc;

	IdempotencyRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void claim(String key, String requestHash, Instant now) {
		try {
			jdbc.sql("insert into idempotency_record (idempotency_key, request_hash, created_at) values (?, ?, ?)")
				.params(key, requestHash, BusyTimesLoader.utc(now))
				.update();
		}
		catch (DuplicateKeyException | PessimisticLockingFailureException ex) {
			throw new KeyAlreadyUsedException(ex);
		}
	}

	void complete(String key, UUID appointmentId) {
		jdbc.sql("update idempotency_record set appointment_id = ? where idempotency_key = ?")
			.params(appointmentId, key)
			.update();
	}

	Optional<Stored> find(String key) {
		return jdbc.sql("select request_hash, appointment_id from idempotency_record where idempotency_key = ?")
			.param(key)
			.query((rs, row) -> new Stored(rs.getString(1), rs.getObject(2, UUID.class)))
			.optional();
	}

	int purgeOlderThan(Instant cutoff) {
		return jdbc.sql("delete from idempotency_record where created_at < ?")
			.param(BusyTimesLoader.utc(cutoff))
			.update();
	}

	record Stored(String requestHash, UUID appointmentId) {
	}

	static class KeyAlreadyUsedException extends RuntimeException {

		KeyAlreadyUsedException(Throwable cause) {
			super("idempotency key already used", cause);
		}

	}

}
