package io.smiledesk.campaign;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks every minute whether today's run is due (its clinic-local time has come and no
 * instance has done it); an instance that was down at 09:00 catches up when it starts.
 */
@Component
@ConditionalOnProperty(name = "smiledesk.campaigns.scheduler", havingValue = "true", matchIfMissing = true)
class DailyCampaignRun {

	private static final Logger log = LoggerFactory.getLogger(DailyCampaignRun.class);

	private final CampaignRun run;

	private final CampaignProperties properties;

	DailyCampaignRun(CampaignRun run, CampaignProperties properties) {
		this.run = run;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT30S")
	void tick() {
		try {
			run.runDaily(properties.runAt())
				.ifPresent(result -> log.info("Daily campaign run: {} campaigns started, {} messages queued, {} failed",
						result.campaignsCreated(), result.messagesQueued(), result.campaignsFailed()));
		}
		catch (RuntimeException ex) {
			// the next minute tries again: the day is claimed only by a run that starts
			log.warn("Daily campaign run failed: {}", ex.toString());
		}
	}

}
