package io.smiledesk.payment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Releases unpaid deposits' times every minute ({@code smiledesk.stripe.every}). */
@Component
@ConditionalOnProperty(name = "smiledesk.stripe.scheduler", havingValue = "true", matchIfMissing = true)
class DepositJob {

	private static final Logger log = LoggerFactory.getLogger(DepositJob.class);

	private final DepositDeadlines deadlines;

	DepositJob(DepositDeadlines deadlines) {
		this.deadlines = deadlines;
	}

	@Scheduled(fixedDelayString = "${smiledesk.stripe.every:PT1M}", initialDelayString = "PT1M")
	void tick() {
		try {
			deadlines.runNow()
				.filter(released -> released > 0)
				.ifPresent(released -> log.info("Unpaid deposits released: {}", released));
		}
		catch (RuntimeException ex) {
			log.warn("Deposit deadline run failed: {}", ex.toString());
		}
	}

}
