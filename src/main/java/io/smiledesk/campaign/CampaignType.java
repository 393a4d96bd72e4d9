package io.smiledesk.campaign;

/** Why the clinic writes: a visit is due, or a lead went quiet. */
public enum CampaignType {

	RECALL, RECOVERY

}
