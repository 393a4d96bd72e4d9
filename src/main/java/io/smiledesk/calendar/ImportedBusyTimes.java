package io.smiledesk.calendar;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import io.smiledesk.scheduling.ExternalBusyTimes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static io.smiledesk.calendar.CalendarFeeds.utc;

/** Providers' busy Google events, as scheduling asks for them. */
@Component
class ImportedBusyTimes implements ExternalBusyTimes {

	private final JdbcClient jdbc;

	ImportedBusyTimes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Block> overlapping(Instant from, Instant to) {
		return jdbc.sql("""
				select provider_id, starts_at, ends_at from google_calendar_busy
				where clinic_id = ? and starts_at < ? and ends_at > ?""")
			.params(Clinics.DEFAULT, utc(to), utc(from))
			.query((rs, row) -> new Block(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
					rs.getObject(3, OffsetDateTime.class).toInstant()))
			.list();
	}

}
