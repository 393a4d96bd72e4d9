package io.smiledesk.campaign;

import org.springframework.context.ApplicationContext;

/** Lets the campaign benchmark start the run as {@code POST campaigns/run} does. */
public final class CampaignRunProbe {

	private CampaignRunProbe() {
	}

	/**
	 * Only the first half of the run: starts the campaigns that are due, sends nothing.
	 */
	public static int startDue(ApplicationContext context) {
		return context.getBean(CampaignStarts.class).startDue();
	}

	/**
	 * Campaigns created, messages queued, campaigns failed; empty when another run holds
	 * the lock.
	 */
	public static int[] runNow(ApplicationContext context) {
		CampaignRun.Result result = context.getBean(CampaignRun.class).runNow().orElseThrow();
		return new int[] { result.campaignsCreated(), result.messagesQueued(), result.campaignsFailed() };
	}

}
