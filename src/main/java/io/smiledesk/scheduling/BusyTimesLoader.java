package io.smiledesk.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads what occupies providers and operatories in a window: open appointments and live
 * holds, and time providers are busy elsewhere ({@link ExternalBusyTimes}).
 */
@Component
class BusyTimesLoader {

	/**
	 * Nothing the clinic offers lasts longer, so nothing starting earlier can reach into
	 * the window.
	 */
	private static final Duration LONGEST_APPOINTMENT = Duration.ofHours(12);

	private final JdbcClient jdbc;

	private final ObjectProvider<ExternalBusyTimes> external;

	BusyTimesLoader(JdbcClient jdbc, ObjectProvider<ExternalBusyTimes> external) {
		this.jdbc = jdbc;
		this.external = external;
	}

	/**
	 * @param ignore an appointment or hold that must not count (the one being moved or
	 * confirmed)
	 */
	BusyTimes load(Instant from, Instant to, Instant now, UUID ignore) {
		BusyTimes.Builder busy = BusyTimes.builder();
		OffsetDateTime since = utc(from.minus(LONGEST_APPOINTMENT));
		OffsetDateTime until = utc(to);
		jdbc.sql("""
				select id, provider_id, operatory_id, starts_at, duration_minutes, buffer_minutes from appointment
				where starts_at >= :since and starts_at < :until and status not in ('CANCELLED', 'NO_SHOW')
				union all
				select id, provider_id, operatory_id, starts_at, duration_minutes, buffer_minutes from slot_hold
				where starts_at >= :since and starts_at < :until and expires_at > :now""")
			.param("since", since)
			.param("until", until)
			.param("now", utc(now))
			.query((rs, row) -> {
				if (!rs.getObject(1, UUID.class).equals(ignore)) {
					long start = rs.getObject(4, OffsetDateTime.class).toEpochSecond();
					long end = start + 60L * (rs.getInt(5) + rs.getInt(6));
					busy.add(BusyTimes.provider(rs.getString(2)), start, end);
					busy.add(BusyTimes.operatory(rs.getString(3)), start, end);
				}
				return row;
			})
			.list();
		external.orderedStream()
			.flatMap(source -> source.overlapping(from, to).stream())
			.forEach(block -> busy.add(BusyTimes.provider(block.providerId()), block.start().getEpochSecond(),
					block.end().getEpochSecond()));
		return busy.build();
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
