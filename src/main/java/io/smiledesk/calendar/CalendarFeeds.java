package io.smiledesk.calendar;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.system.FieldCipher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feed tokens: made, listed, revoked, and recognised. The secret is 32 random bytes shown
 * once; the database keeps only its keyed hash, so a leaked table opens no feed.
 */
@Service
class CalendarFeeds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final ClinicCatalog catalog;

	private final Clock clock;

	CalendarFeeds(JdbcClient jdbc, FieldCipher cipher, ClinicCatalog catalog, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** A feed and its secret, which is not stored and cannot be shown again. */
	record Created(Feed feed, String token) {
	}

	record Feed(UUID id, String providerId, String createdBy, Instant createdAt, Instant revokedAt) {

		boolean active() {
			return revokedAt == null;
		}

	}

	sealed interface Creation permits Made, UnknownProvider {

	}

	record Made(Created created) implements Creation {
	}

	record UnknownProvider(String providerId) implements Creation {
	}

	/**
	 * A new feed for one provider, or for the clinic when {@code providerId} is null.
	 */
	@Transactional
	Creation create(String providerId, String createdBy) {
		if (providerId != null && catalog.snapshot().provider(providerId).isEmpty()) {
			return new UnknownProvider(providerId);
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Feed feed = new Feed(UUID.randomUUID(), providerId, createdBy, clock.instant(), null);
		jdbc.sql("""
				insert into calendar_feed (id, clinic_id, provider_id, token_hash, created_by, created_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(feed.id(), Clinics.DEFAULT, providerId, hash(token), createdBy, utc(feed.createdAt()))
			.update();
		return new Made(new Created(feed, token));
	}

	List<Feed> list() {
		return jdbc.sql("""
				select id, provider_id, created_by, created_at, revoked_at from calendar_feed
				where clinic_id = ? order by created_at, id""")
			.param(Clinics.DEFAULT)
			.query(CalendarFeeds::feed)
			.list();
	}

	/** Revokes a feed; false when there is no such feed. Revoking twice is harmless. */
	@Transactional
	boolean revoke(UUID id) {
		int found = jdbc.sql("select count(*) from calendar_feed where id = ? and clinic_id = ?")
			.params(id, Clinics.DEFAULT)
			.query(Integer.class)
			.single();
		if (found == 0) {
			return false;
		}
		jdbc.sql("update calendar_feed set revoked_at = ? where id = ? and revoked_at is null")
			.params(utc(clock.instant()), id)
			.update();
		return true;
	}

	/** The live feed a token opens, if any. */
	Optional<Feed> opened(String token) {
		if (token == null || token.length() < 20 || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select id, provider_id, created_by, created_at, revoked_at from calendar_feed
				where token_hash = ? and revoked_at is null""")
			.param(hash(token))
			.query(CalendarFeeds::feed)
			.optional();
	}

	private String hash(String token) {
		return cipher.blindIndex("calendar feed " + token);
	}

	private static Feed feed(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		OffsetDateTime revoked = rs.getObject(5, OffsetDateTime.class);
		return new Feed(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
				rs.getObject(4, OffsetDateTime.class).toInstant(), revoked == null ? null : revoked.toInstant());
	}

	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

}
