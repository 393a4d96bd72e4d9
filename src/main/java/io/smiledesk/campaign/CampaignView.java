package io.smiledesk.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.smiledesk.conversation.ConversationChannel;

/** A campaign as staff see it. */
record CampaignView(UUID id, UUID patientId, String patientName, CampaignType type, CampaignStatus status,
		ConversationChannel channel, String threadId, UUID conversationId, String dueService, String engagementSummary,
		int attemptsMade, int maxAttempts, Instant nextAttemptAt, String funnelStatus, String linkUrl,
		Instant submittedAt, String handoffReason, String handoffSummary, Instant handoffAt, BigDecimal estimatedValue,
		String initialInquiry, UUID appointmentId, Instant createdAt, Instant updatedAt) {

	static CampaignView of(Campaign campaign, String patientName) {
		return new CampaignView(campaign.id(), campaign.patientId(), patientName, campaign.type(), campaign.status(),
				campaign.channel(), campaign.threadId(), campaign.conversationId(), campaign.dueService(),
				campaign.engagementSummary(), campaign.attemptsMade(), campaign.maxAttempts(), campaign.nextAttemptAt(),
				campaign.funnelStatus() == null ? null : campaign.funnelStatus().name(), campaign.linkUrl(),
				campaign.submittedAt(), campaign.handoffReason(), campaign.handoffSummary(), campaign.handoffAt(),
				campaign.estimatedValue(), campaign.initialInquiry(), campaign.appointmentId(), campaign.createdAt(),
				campaign.updatedAt());
	}

	/** An interaction as staff see it. */
	record InteractionView(UUID id, UUID campaignId, String direction, String content, String intent,
			Sentiment sentiment, Instant timestamp) {

		static InteractionView of(Interaction interaction) {
			return new InteractionView(interaction.id(), interaction.campaignId(), interaction.direction().json(),
					interaction.content(), interaction.intent(), interaction.sentiment(), interaction.occurredAt());
		}

	}

}
