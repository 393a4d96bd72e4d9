package io.smiledesk.channel;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the channels are reached and paced. Secrets come from the environment; a channel
 * whose secret is missing refuses its webhook and keeps its outgoing messages as
 * {@code not_sent}.
 *
 * @param webhookSecret HMAC key of the generic incoming-message webhook
 * ({@code SMILEDESK_WEBHOOK_SECRET})
 * @param publicBaseUrl the URL providers call, as they see it (behind a proxy it differs
 * from the request's), for Twilio's signatures
 * @param workers whether this instance runs the inbox worker and the dispatcher
 */
@ConfigurationProperties("smiledesk.channels")
record ChannelProperties(String webhookSecret, String publicBaseUrl, @DefaultValue("true") boolean workers,
		@DefaultValue Inbox inbox, @DefaultValue Outbox outbox, @DefaultValue Twilio twilio,
		@DefaultValue Proactive proactive) {

	/**
	 * @param lease how long a worker owns a message it is answering before another may
	 * try again
	 */
	record Inbox(@DefaultValue("PT0.5S") Duration pollInterval, @DefaultValue("5") int maxAttempts,
			@DefaultValue("PT2M") Duration lease, @DefaultValue("PT10S") Duration retryDelay,
			@DefaultValue("20") int batch) {
	}

	/** Retries back off exponentially from {@code firstRetry} up to {@code maxRetry}. */
	record Outbox(@DefaultValue("PT0.5S") Duration pollInterval, @DefaultValue("5") int maxAttempts,
			@DefaultValue("PT30S") Duration firstRetry, @DefaultValue("PT1H") Duration maxRetry,
			@DefaultValue("PT1M") Duration lease, @DefaultValue("20") int batch) {
	}

	/**
	 * @param apiBaseUrl Twilio's REST API; tests point it at a local fake
	 */
	record Twilio(String accountSid, String authToken, String smsFrom, String whatsappFrom,
			@DefaultValue("https://api.twilio.com") String apiBaseUrl) {

		boolean canSend() {
			return present(accountSid) && present(authToken);
		}

	}

	/**
	 * Limits on messages the clinic starts (campaigns, reminders), not on replies.
	 *
	 * @param quietFrom no proactive message from this clinic-local time...
	 * @param quietUntil ...until this one
	 */
	record Proactive(@DefaultValue("21:00") LocalTime quietFrom, @DefaultValue("08:00") LocalTime quietUntil,
			@DefaultValue("1") int maxPerDay, @DefaultValue("3") int maxPerWeek) {
	}

	static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
