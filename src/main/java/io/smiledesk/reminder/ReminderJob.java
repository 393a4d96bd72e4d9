package io.smiledesk.reminder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends the reminders due every few minutes ({@code smiledesk.reminders.every}). */
@Component
@ConditionalOnProperty(name = "smiledesk.reminders.scheduler", havingValue = "true", matchIfMissing = true)
class ReminderJob {

	private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

	private final ReminderRun run;

	ReminderJob(ReminderRun run) {
		this.run = run;
	}

	@Scheduled(fixedDelayString = "${smiledesk.reminders.every:PT5M}", initialDelayString = "PT1M")
	void tick() {
		try {
			run.runNow().filter(queued -> queued > 0).ifPresent(queued -> log.info("Reminders queued: {}", queued));
		}
		catch (RuntimeException ex) {
			// the next tick tries again; the ledger keeps what went out
			log.warn("Reminder run failed: {}", ex.toString());
		}
	}

}
