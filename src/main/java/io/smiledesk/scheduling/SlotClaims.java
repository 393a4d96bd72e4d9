package io.smiledesk.scheduling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the per-granule claims that make overlapping bookings impossible to commit
 * (primary key on resource and 5-minute granule). Must run inside the transaction that
 * writes the appointment or hold.
 */
@Component
class SlotClaims {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	SlotClaims(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * Claims provider and operatory for an appointment; throws {@link SlotTakenException}
	 * when either is taken.
	 */
	void claimForAppointment(UUID appointmentId, Placement placement, Instant now) {
		claim(placement, appointmentId, null, null, now, null);
	}

	/**
	 * Claims for a hold, leaving out the granules that the appointment being moved
	 * ({@code sparing}, may be null) already has.
	 */
	void claimForHold(UUID holdId, Placement placement, Instant expiresAt, Instant now, UUID sparing) {
		claim(placement, null, holdId, expiresAt, now, sparing);
	}

	void releaseAppointment(UUID appointmentId) {
		jdbc.sql("delete from slot_claim where appointment_id = ?").param(appointmentId).update();
	}

	private void claim(Placement placement, UUID appointmentId, UUID holdId, Instant expiresAt, Instant now,
			UUID sparing) {
		long granule = AvailabilityEngine.GRANULE_SECONDS;
		long first = placement.start().getEpochSecond() / granule;
		long end = (placement.occupiedUntil().getEpochSecond() + granule - 1) / granule;
		String provider = BusyTimes.provider(placement.providerId());
		String operatory = BusyTimes.operatory(placement.operatoryId());
		// A lapsed hold gives its granules up to whoever needs them first; no clean-up
		// job has to run before.
		// One statement per resource: H2 only uses the primary key for an equality on its
		// first column.
		for (String resource : List.of(provider, operatory)) {
			jdbc.sql("""
					delete from slot_claim
					where resource = :resource and granule >= :first and granule < :end
					  and expires_at is not null and expires_at <= :now""")
				.param("resource", resource)
				.param("first", first)
				.param("end", end)
				.param("now", BusyTimesLoader.utc(now))
				.update();
		}
		Set<String> spared = sparing == null ? Set.of()
				: new HashSet<>(jdbc.sql("""
						select resource, granule from slot_claim
						where appointment_id = :appointment and granule >= :first and granule < :end""")
					.param("appointment", sparing)
					.param("first", first)
					.param("end", end)
					.query((row, number) -> row.getString("resource") + "@" + row.getLong("granule"))
					.list());
		List<Object[]> rows = new ArrayList<>();
		for (long index = first; index < end; index++) {
			for (String resource : List.of(provider, operatory)) {
				if (!spared.contains(resource + "@" + index)) {
					rows.add(new Object[] { resource, index, appointmentId, holdId,
							expiresAt == null ? null : BusyTimesLoader.utc(expiresAt) });
				}
			}
		}
		try {
			template.batchUpdate(
					"insert into slot_claim (resource, granule, appointment_id, hold_id, expires_at) values (?, ?, ?, ?, ?)",
					rows);
		}
		catch (DuplicateKeyException | PessimisticLockingFailureException ex) {
			throw new SlotTakenException(ex);
		}
	}

	/**
	 * Another booking or hold committed (or is committing) on the same provider or
	 * operatory time.
	 */
	static class SlotTakenException extends RuntimeException {

		SlotTakenException(Throwable cause) {
			super("slot taken", cause);
		}

	}

}
