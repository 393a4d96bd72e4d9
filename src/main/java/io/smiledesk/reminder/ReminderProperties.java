package io.smiledesk.reminder;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the reminder job runs; what it sends is each clinic's {@link ReminderSettings}.
 *
 * @param every how often the job looks for reminders due
 * @param publicBaseUrl where patients open the links (this server's public address)
 * @param missedYouAt the clinic-local time the word after a missed visit goes, the next
 * day the clinic is open
 */
@ConfigurationProperties("smiledesk.reminders")
record ReminderProperties(@DefaultValue("PT5M") Duration every,
		@DefaultValue("http://localhost:8080") String publicBaseUrl, @DefaultValue("10:00") LocalTime missedYouAt) {
}
