package io.smiledesk.calendar;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Google's push channels on providers' calendars: opened, renewed before they end (a new
 * channel first, then the old one stopped, so no change goes unannounced), and stopped.
 * Each channel carries a random token that the webhook checks.
 */
@Component
class CalendarWatch {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final GoogleCalendarApi api;

	private final CalendarLinks links;

	private final CalendarProperties properties;

	private final Clock clock;

	CalendarWatch(GoogleCalendarApi api, CalendarLinks links, CalendarProperties properties, Clock clock) {
		this.api = api;
		this.links = links;
		this.properties = properties;
		this.clock = clock;
	}

	/** Whether push channels can be opened: Google needs our public address. */
	boolean possible() {
		return api.configured() && properties.publicBaseUrl() != null && !properties.publicBaseUrl().isBlank();
	}

	/**
	 * Opens a channel for the link unless it has one that lasts beyond the renewal
	 * window.
	 */
	boolean ensure(CalendarLinks.Link link) {
		Instant now = clock.instant();
		if (!possible() || (link.watched(now)
				&& link.channelExpiresAt().isAfter(now.plus(properties.google().renewWithin())))) {
			return false;
		}
		String channelId = UUID.randomUUID().toString();
		byte[] secret = new byte[24];
		RANDOM.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		String base = properties.publicBaseUrl().strip();
		String address = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
				+ "/api/v1/webhooks/google-calendar";
		try {
			JsonNode channel = api.watch(link.calendarId(), channelId, token, address, properties.google().watchTtl());
			Instant expires = channel.path("expiration").isMissingNode() ? now.plus(properties.google().watchTtl())
					: Instant.ofEpochMilli(Long.parseLong(channel.path("expiration").asString()));
			links.watching(link.id(), channelId, channel.path("resourceId").asString(null), token, expires);
		}
		catch (GoogleCalendarApi.Failure | NumberFormatException ex) {
			links.failed(link.id(), "watch: " + ex.getMessage());
			return false;
		}
		stopQuietly(link);
		return true;
	}

	/** Stops the link's channel, if any; Google forgetting it first is no error. */
	void stopQuietly(CalendarLinks.Link link) {
		if (link.channelId() == null || link.channelResourceId() == null || !api.configured()) {
			return;
		}
		try {
			api.stop(link.channelId(), link.channelResourceId());
		}
		catch (GoogleCalendarApi.Failure ex) {
			// it ends on its own at its expiry; the webhook ignores an unknown channel
		}
	}

}
