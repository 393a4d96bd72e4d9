package io.smiledesk.channel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The clinic's Gmail mailbox, read through the Gmail API when Google Pub/Sub says it
 * changed, and used for email replies. Secrets come from the environment. Without an
 * access token (or a refresh token with its OAuth client) Gmail is off: pushes are still
 * refused or stored, and email replies fall back to SMTP.
 *
 * @param userId the mailbox in Gmail's URLs; {@code me} is the account the token belongs
 * to
 * @param emailAddress the mailbox's address: pushes for another mailbox are dead letters,
 * messages from it are the clinic's own
 * @param accessToken a static OAuth access token ({@code SMILEDESK_GMAIL_ACCESS_TOKEN})
 * @param refreshToken with {@code clientId} and {@code clientSecret}: access tokens are
 * fetched from {@code tokenUrl} and renewed before they expire
 * @param apiBaseUrl Gmail's REST API; tests point it at a local fake
 * @param topicName the Pub/Sub topic the mailbox watch publishes to
 * @param send whether email replies go out through Gmail (before SMTP)
 */
@ConfigurationProperties("smiledesk.channels.gmail")
record GmailProperties(@DefaultValue("me") String userId, String emailAddress, String accessToken, String clientId,
		String clientSecret, String refreshToken, @DefaultValue("https://oauth2.googleapis.com/token") String tokenUrl,
		@DefaultValue("https://gmail.googleapis.com") String apiBaseUrl, String topicName,
		@DefaultValue("true") boolean send, @DefaultValue Push push, @DefaultValue Sync sync) {

	boolean canRefresh() {
		return ChannelProperties.present(refreshToken) && ChannelProperties.present(clientId)
				&& ChannelProperties.present(clientSecret);
	}

	/** Whether SmileDesk may call the Gmail API at all. */
	boolean apiConfigured() {
		return ChannelProperties.present(accessToken) || canRefresh();
	}

	/**
	 * How a push proves it comes from Pub/Sub: the OIDC token Pub/Sub signs (both
	 * {@code audience} and {@code serviceAccountEmail} set), or a secret {@code token}
	 * query parameter. With both set, either is accepted (while moving from one to the
	 * other).
	 *
	 * @param audience the audience the push subscription puts in its tokens
	 * @param serviceAccountEmail the service account the subscription signs as: any
	 * Google account can obtain a token for any audience, so this is what proves the
	 * sender
	 * @param jwkSetUri Google's signing keys
	 * @param token the secret in the push endpoint's URL
	 */
	record Push(String audience, String serviceAccountEmail,
			@DefaultValue("https://www.googleapis.com/oauth2/v3/certs") String jwkSetUri, String token) {

		boolean oidc() {
			return ChannelProperties.present(audience) && ChannelProperties.present(serviceAccountEmail);
		}

		boolean secret() {
			return ChannelProperties.present(token);
		}

	}

	/**
	 * @param fullSyncQuery what a full sync reads when the history cursor is missing or
	 * too old
	 * @param watchRenewWithin a watch lasts 7 days; one ending sooner than this is
	 * renewed, so P6D renews it daily
	 */
	record Sync(@DefaultValue("PT1S") Duration pollInterval, @DefaultValue("newer_than:2d") String fullSyncQuery,
			@DefaultValue("100") int fullSyncLimit, @DefaultValue("PT30S") Duration retryDelay,
			@DefaultValue("PT1H") Duration watchCheckInterval, @DefaultValue("P6D") Duration watchRenewWithin) {
	}

}
