package io.smiledesk.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.JsonNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps Gmail pushing the mailbox's changes: a {@code users.watch} lasts 7 days, and
 * Google asks for it to be renewed daily. Checked every hour; renewed when the stored
 * watch ends within {@code watch-renew-within} (P6D, so a day after the last renewal), or
 * when there is none.
 */
@Component
class GmailWatch {

	private static final Logger log = LoggerFactory.getLogger(GmailWatch.class);

	private final GmailApi gmail;

	private final GmailStore store;

	private final GmailProperties properties;

	private final ChannelProperties channels;

	private final Clock clock;

	GmailWatch(GmailApi gmail, GmailStore store, GmailProperties properties, ChannelProperties channels, Clock clock) {
		this.gmail = gmail;
		this.store = store;
		this.properties = properties;
		this.channels = channels;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${smiledesk.channels.gmail.sync.watch-check-interval:PT1H}",
			initialDelayString = "PT10S")
	void poll() {
		if (channels.workers()) {
			try {
				renew();
			}
			catch (GmailApi.Failure ex) {
				log.warn("Renewing the Gmail watch failed; tried again within the hour: {}", ex.getMessage());
			}
		}
	}

	/**
	 * Renews the watch if it is due; returns whether it called Gmail.
	 * @throws GmailApi.Failure when Gmail refuses
	 */
	boolean renew() {
		if (!gmail.configured() || !ChannelProperties.present(properties.topicName())) {
			return false;
		}
		Instant expires = store.mailbox().watchExpiresAt();
		if (expires != null && expires.isAfter(clock.instant().plus(properties.sync().watchRenewWithin()))) {
			return false;
		}
		JsonNode watch = gmail.watch(properties.topicName());
		// expiration: epoch milliseconds, as a string
		long expiration = GmailMessage.number(watch.path("expiration"));
		store.watched(expiration > 0 ? Instant.ofEpochMilli(expiration) : clock.instant().plus(Duration.ofDays(7)));
		log.info("Gmail watch on {} renewed until {}", properties.topicName(), store.mailbox().watchExpiresAt());
		return true;
	}

}
