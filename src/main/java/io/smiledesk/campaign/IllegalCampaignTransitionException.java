package io.smiledesk.campaign;

/** A status change the campaign's current status does not allow. */
class IllegalCampaignTransitionException extends RuntimeException {

	private final CampaignStatus current;

	private final CampaignStatus requested;

	IllegalCampaignTransitionException(CampaignStatus current, CampaignStatus requested) {
		super("A campaign in " + current + " cannot become " + requested + ".");
		this.current = current;
		this.requested = requested;
	}

	CampaignStatus current() {
		return current;
	}

	CampaignStatus requested() {
		return requested;
	}

}
