package io.smiledesk.waitlist;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the waitlist paces its offers.
 *
 * @param batchSize offers sent for a freed time at once
 * @param batchInterval the wait before the next batch for a time nobody took
 * @param offerExpiry how long a patient has to accept
 * @param recentlyOffered an entry offered a time this recently ranks after the others
 * @param entryExpiry how long an entry stays when staff or the patient give no date
 * @param alternatives free times offered to a patient who was too late
 * @param scheduler whether this instance runs the job (tests drive it by hand)
 */
@ConfigurationProperties("smiledesk.waitlist")
record WaitlistProperties(@DefaultValue("3") int batchSize, @DefaultValue("PT5M") Duration batchInterval,
		@DefaultValue("PT30M") Duration offerExpiry, @DefaultValue("PT2H") Duration recentlyOffered,
		@DefaultValue("P60D") Duration entryExpiry, @DefaultValue("3") int alternatives,
		@DefaultValue("true") boolean scheduler) {

	WaitlistProperties {
		if (batchSize < 1) {
			throw new IllegalArgumentException("smiledesk.waitlist.batch-size must be at least 1");
		}
	}

}
