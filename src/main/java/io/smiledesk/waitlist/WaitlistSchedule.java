package io.smiledesk.waitlist;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the waitlist's round every minute; a batch goes out once its interval is up. */
@Component
@ConditionalOnProperty(name = "smiledesk.waitlist.scheduler", havingValue = "true", matchIfMissing = true)
class WaitlistSchedule {

	private static final Logger log = LoggerFactory.getLogger(WaitlistSchedule.class);

	private final WaitlistRun run;

	WaitlistSchedule(WaitlistRun run) {
		this.run = run;
	}

	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT40S")
	void tick() {
		try {
			run.runNow()
				.filter(result -> result.offersSent() + result.offersExpired() + result.slotsLapsed() > 0)
				.ifPresent(result -> log.info("Waitlist round: {} offers sent, {} expired, {} freed times lapsed",
						result.offersSent(), result.offersExpired(), result.slotsLapsed()));
		}
		catch (RuntimeException ex) {
			log.warn("Waitlist round failed: {}", ex.toString());
		}
	}

}
