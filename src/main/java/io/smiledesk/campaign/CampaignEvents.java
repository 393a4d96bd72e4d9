package io.smiledesk.campaign;

import java.util.UUID;

/** What happens to campaigns, for the audit trail. */
public final class CampaignEvents {

	private CampaignEvents() {
	}

	public record CampaignStarted(UUID campaignId, UUID patientId, CampaignType type) {
	}

	/**
	 * @param by who moved it: {@code patient}, {@code run}, {@code booking} or
	 * {@code staff}
	 */
	public record CampaignStatusChanged(UUID campaignId, CampaignStatus from, CampaignStatus to, String by) {
	}

	public record FollowUpQueued(UUID campaignId, UUID messageId, int attempt) {
	}

	/** Staff answered on the campaign's thread. */
	public record CampaignResponded(UUID campaignId, UUID messageId) {
	}

	/**
	 * @param byStaff entered by hand, not a message of the conversation
	 */
	public record InteractionRecorded(UUID campaignId, UUID interactionId, boolean byStaff) {
	}

	/** A manager created or changed a recall type. */
	public record RecallTypeChanged(String code, String interval) {
	}

	/** A member of staff read a campaign's history (it holds patients' words). */
	public record CampaignViewed(UUID campaignId) {
	}

}
