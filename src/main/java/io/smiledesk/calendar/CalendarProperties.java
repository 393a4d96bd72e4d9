package io.smiledesk.calendar;

import java.time.Duration;

import io.smiledesk.system.GoogleOAuthTokens;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff calendars. Secrets come from the environment.
 *
 * @param publicBaseUrl this server's public address, for feed URLs and Google's push
 * channel; empty: feed URLs take the request's address
 * @param feeds what a feed shows
 * @param google Google Calendar sync; without credentials it is off
 */
@ConfigurationProperties("smiledesk.calendar")
record CalendarProperties(String publicBaseUrl, @DefaultValue Feeds feeds, @DefaultValue Google google) {

	/**
	 * @param daysBack how many days of past appointments a feed keeps
	 * @param weeksAhead how many weeks ahead it shows
	 */
	record Feeds(@DefaultValue("7") int daysBack, @DefaultValue("8") int weeksAhead) {
	}

	/**
	 * @param apiBaseUrl Calendar API v3; tests point it at a local fake
	 * @param accessToken a static OAuth token; or a refresh token with its OAuth client
	 * @param scheduler whether the watch renewal and polling jobs run (off in tests)
	 * @param watchTtl how long a push channel is asked to last
	 * @param renewWithin a channel ending sooner than this is renewed
	 * @param pollInterval how often calendars without a live channel are read
	 * @param fullSyncDaysBack how far back a full sync reads events
	 */
	record Google(@DefaultValue("https://www.googleapis.com/calendar/v3") String apiBaseUrl, String accessToken,
			String clientId, String clientSecret, String refreshToken,
			@DefaultValue("https://oauth2.googleapis.com/token") String tokenUrl,
			@DefaultValue("true") boolean scheduler, @DefaultValue("P7D") Duration watchTtl,
			@DefaultValue("P1D") Duration renewWithin, @DefaultValue("PT5M") Duration pollInterval,
			@DefaultValue("1") int fullSyncDaysBack) {

		GoogleOAuthTokens.Credentials credentials() {
			return new GoogleOAuthTokens.Credentials(accessToken, clientId, clientSecret, refreshToken, tokenUrl);
		}

		boolean configured() {
			return credentials().configured();
		}

	}

}
