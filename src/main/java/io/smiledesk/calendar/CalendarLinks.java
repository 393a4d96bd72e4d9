package io.smiledesk.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static io.smiledesk.calendar.CalendarFeeds.utc;

/**
 * Providers' Google Calendar links: the calendar, the sync cursor and the push channel.
 */
@Component
class CalendarLinks {

	private static final String COLUMNS = "id, provider_id, calendar_id, sync_token, channel_id, channel_resource_id, "
			+ "channel_token, channel_expires_at, last_synced_at, last_error";

	private final JdbcClient jdbc;

	private final Clock clock;

	CalendarLinks(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record Link(UUID id, String providerId, String calendarId, String syncToken, String channelId,
			String channelResourceId, String channelToken, Instant channelExpiresAt, Instant lastSyncedAt,
			String lastError) {

		boolean watched(Instant now) {
			return channelId != null && channelExpiresAt != null && channelExpiresAt.isAfter(now);
		}

	}

	/** Links the provider to a calendar (or changes it); the cursor starts over. */
	Link link(String providerId, String calendarId) {
		Instant now = clock.instant();
		int changed = jdbc.sql("""
				update google_calendar_link set calendar_id = ?, sync_token = null, last_error = null, updated_at = ?
				where clinic_id = ? and provider_id = ?""")
			.params(calendarId, utc(now), Clinics.DEFAULT, providerId)
			.update();
		if (changed == 0) {
			jdbc.sql("""
					insert into google_calendar_link (id, clinic_id, provider_id, calendar_id, created_at, updated_at)
					values (?, ?, ?, ?, ?, ?)""")
				.params(UUID.randomUUID(), Clinics.DEFAULT, providerId, calendarId, utc(now), utc(now))
				.update();
		}
		return ofProvider(providerId).orElseThrow();
	}

	void unlink(String providerId) {
		jdbc.sql("delete from google_calendar_busy where clinic_id = ? and provider_id = ?")
			.params(Clinics.DEFAULT, providerId)
			.update();
		jdbc.sql("delete from google_calendar_link where clinic_id = ? and provider_id = ?")
			.params(Clinics.DEFAULT, providerId)
			.update();
	}

	Optional<Link> ofProvider(String providerId) {
		return jdbc.sql("select " + COLUMNS + " from google_calendar_link where clinic_id = ? and provider_id = ?")
			.params(Clinics.DEFAULT, providerId)
			.query(CalendarLinks::link)
			.optional();
	}

	Optional<Link> ofChannel(String channelId) {
		return jdbc.sql("select " + COLUMNS + " from google_calendar_link where channel_id = ?")
			.param(channelId)
			.query(CalendarLinks::link)
			.optional();
	}

	List<Link> all() {
		return jdbc.sql("select " + COLUMNS + " from google_calendar_link where clinic_id = ? order by provider_id")
			.param(Clinics.DEFAULT)
			.query(CalendarLinks::link)
			.list();
	}

	void synced(UUID id, String syncToken) {
		jdbc.sql("update google_calendar_link set sync_token = ?, last_synced_at = ?, last_error = null where id = ?")
			.params(syncToken, utc(clock.instant()), id)
			.update();
	}

	void failed(UUID id, String error) {
		jdbc.sql("update google_calendar_link set last_error = ? where id = ?")
			.params(error.length() > 500 ? error.substring(0, 500) : error, id)
			.update();
	}

	void watching(UUID id, String channelId, String resourceId, String token, Instant expiresAt) {
		jdbc.sql("""
				update google_calendar_link set channel_id = ?, channel_resource_id = ?, channel_token = ?,
				channel_expires_at = ? where id = ?""")
			.params(channelId, resourceId, token, utc(expiresAt), id)
			.update();
	}

	private static Link link(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Link(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getString(7), instant(rs.getObject(8, OffsetDateTime.class)),
				instant(rs.getObject(9, OffsetDateTime.class)), rs.getString(10));
	}

	private static Instant instant(OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}

}
