package io.smiledesk.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.clinic.ClinicCatalog;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import static io.smiledesk.calendar.CalendarFeeds.utc;

/**
 * Reads a provider's Google Calendar into busy blocks: incrementally after the stored
 * sync token, or in full (replacing every block) when there is none or Google says it is
 * gone (410). Only the provider's own opaque events count: not cancelled ones, not "free"
 * (transparent) ones, and not the ones SmileDesk wrote.
 */
@Component
class CalendarImport {

	private final GoogleCalendarApi api;

	private final CalendarLinks links;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ClinicCatalog catalog;

	private final CalendarProperties properties;

	private final Clock clock;

	CalendarImport(GoogleCalendarApi api, CalendarLinks links, JdbcClient jdbc, TransactionTemplate transactions,
			ClinicCatalog catalog, CalendarProperties properties, Clock clock) {
		this.api = api;
		this.links = links;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.catalog = catalog;
		this.properties = properties;
		this.clock = clock;
	}

	/** Syncs one provider's calendar; false when it failed (the error is on the link). */
	synchronized boolean sync(String providerId) {
		Optional<CalendarLinks.Link> found = links.ofProvider(providerId);
		if (found.isEmpty() || !api.configured()) {
			return false;
		}
		CalendarLinks.Link link = found.get();
		try {
			try {
				read(link, link.syncToken());
			}
			catch (GoogleCalendarApi.Failure ex) {
				if (!ex.gone() || link.syncToken() == null) {
					throw ex;
				}
				read(link, null);
			}
			return true;
		}
		catch (GoogleCalendarApi.Failure ex) {
			links.failed(link.id(), ex.getMessage());
			return false;
		}
	}

	private void read(CalendarLinks.Link link, String syncToken) {
		boolean full = syncToken == null;
		String timeMin = clock.instant()
			.minus(java.time.Duration.ofDays(properties.google().fullSyncDaysBack()))
			.toString();
		// all pages first, then one transaction: a failure halfway changes nothing
		java.util.List<JsonNode> items = new java.util.ArrayList<>();
		String pageToken = null;
		String nextSyncToken;
		do {
			JsonNode page = api.list(link.calendarId(), syncToken, timeMin, pageToken);
			page.path("items").forEach(items::add);
			pageToken = page.path("nextPageToken").asString(null);
			nextSyncToken = page.path("nextSyncToken").asString(null);
		}
		while (pageToken != null);
		String cursor = nextSyncToken;
		ZoneId zone = catalog.snapshot().zone();
		transactions.executeWithoutResult(status -> {
			if (full) {
				jdbc.sql("delete from google_calendar_busy where clinic_id = ? and provider_id = ?")
					.params(Clinics.DEFAULT, link.providerId())
					.update();
			}
			for (JsonNode item : items) {
				apply(link.providerId(), item, zone);
			}
			links.synced(link.id(), cursor);
		});
	}

	private void apply(String providerId, JsonNode item, ZoneId zone) {
		String eventId = item.path("id").asString("");
		if (eventId.isEmpty()) {
			return;
		}
		jdbc.sql("delete from google_calendar_busy where clinic_id = ? and provider_id = ? and google_event_id = ?")
			.params(Clinics.DEFAULT, providerId, eventId)
			.update();
		Optional<Instant[]> busy = busy(item, zone);
		if (busy.isEmpty() || ours(eventId, item)) {
			return;
		}
		jdbc.sql("""
				insert into google_calendar_busy (id, clinic_id, provider_id, google_event_id, starts_at, ends_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), Clinics.DEFAULT, providerId, eventId, utc(busy.get()[0]), utc(busy.get()[1]))
			.update();
	}

	private boolean ours(String eventId, JsonNode item) {
		if (item.path("extendedProperties").path("private").has(CalendarPush.MARK)) {
			return true;
		}
		return jdbc.sql("select count(*) from google_calendar_event where google_event_id = ?")
			.param(eventId)
			.query(Integer.class)
			.single() > 0;
	}

	/** The time an event blocks, if it blocks any. */
	static Optional<Instant[]> busy(JsonNode item, ZoneId zone) {
		if ("cancelled".equals(item.path("status").asString(""))
				|| "transparent".equals(item.path("transparency").asString(""))) {
			return Optional.empty();
		}
		Optional<Instant> start = instant(item.path("start"), zone);
		Optional<Instant> end = instant(item.path("end"), zone);
		if (start.isEmpty() || end.isEmpty() || !start.get().isBefore(end.get())) {
			return Optional.empty();
		}
		return Optional.of(new Instant[] { start.get(), end.get() });
	}

	private static Optional<Instant> instant(JsonNode time, ZoneId zone) {
		try {
			if (time.path("dateTime").isString()) {
				return Optional.of(OffsetDateTime.parse(time.path("dateTime").asString()).toInstant());
			}
			if (time.path("date").isString()) {
				// an all-day event: the whole clinic-local day
				return Optional.of(LocalDate.parse(time.path("date").asString()).atStartOfDay(zone).toInstant());
			}
		}
		catch (java.time.format.DateTimeParseException ex) {
			return Optional.empty();
		}
		return Optional.empty();
	}

}
