package io.smiledesk.campaign;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import io.smiledesk.system.InOrder;
import io.smiledesk.conversation.ConversationEvents;
import io.smiledesk.conversation.ConversationPurpose;
import io.smiledesk.conversation.Conversations;
import io.smiledesk.conversation.MessageView;
import io.smiledesk.conversation.Reply;
import io.smiledesk.conversation.Sender;
import io.smiledesk.scheduling.AppointmentEvents;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Notes how far each journey towards a booking gets, for {@link ConversationFunnel}. The
 * assistant's reply knows the service, the times it offered and a time held, but only for
 * that turn: {@link #review} writes the turn's furthest stage into the reply's metadata,
 * so the fact is stored with the message it describes, and a listener copies it into the
 * {@code conversation_funnel} read model (metadata is encrypted, so it cannot be counted
 * in SQL). A reply belongs to the campaign writing on its thread at the time, else to the
 * conversation the patient started; a campaign's journey starts with its first message,
 * and a booking through its link counts for it too.
 */
@Component
class FunnelRecorder implements ConversationPurpose {

	/** The reply's metadata key. */
	static final String KEY = "funnel";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The stages in order; each implies the ones before it. */
	enum Stage {

		STARTED(null), SERVICE_KNOWN("service_known_at"), TIMES_OFFERED("times_offered_at"), HELD("held_at"),
		BOOKED("booked_at");

		private final String column;

		Stage(String column) {
			this.column = column;
		}

		String json() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Optional<Stage> of(String json) {
			for (Stage stage : values()) {
				if (stage.json().equals(json)) {
					return Optional.of(stage);
				}
			}
			return Optional.empty();
		}

	}

	private final CampaignRepository campaigns;

	private final Conversations conversations;

	private final JdbcClient jdbc;

	FunnelRecorder(CampaignRepository campaigns, Conversations conversations, JdbcClient jdbc) {
		this.campaigns = campaigns;
		this.conversations = conversations;
		this.jdbc = jdbc;
	}

	@Override
	public Reply review(UUID conversationId, String text, Reply reply) {
		Map<String, Object> metadata = new LinkedHashMap<>(reply.metadata());
		metadata.put(KEY, stage(reply).json());
		return new Reply(reply.text(), reply.intent(), reply.language(), reply.options(), reply.appointment(),
				reply.handoff(), reply.close(), reply.patientId(), reply.progress(), reply.state(), metadata);
	}

	/**
	 * The furthest stage of a booking this turn shows; rescheduling and questions stay at
	 * the start.
	 */
	static Stage stage(Reply reply) {
		if (reply.appointment() != null && "booked".equals(reply.appointment().action())) {
			return Stage.BOOKED;
		}
		Reply.Progress progress = reply.progress();
		if (progress == null || !"book".equals(progress.task())) {
			return Stage.STARTED;
		}
		if (progress.chosenSlot() != null && progress.chosenSlot().held()) {
			return Stage.HELD;
		}
		if ("slot".equals(progress.stage())) {
			return Stage.TIMES_OFFERED;
		}
		return progress.service() != null ? Stage.SERVICE_KNOWN : Stage.STARTED;
	}

	@InOrder(CampaignConfiguration.IN_ORDER)
	void on(ConversationEvents.MessageAdded event) {
		if (event.sender() != Sender.BOT) {
			return;
		}
		conversations.message(event.messageId()).ifPresent(message -> marked(message).ifPresent(stage -> {
			UUID journey = campaignAt(event.conversationId(), message.createdAt()).map(Campaign::id)
				.orElse(event.conversationId());
			start(journey, event.conversationId(), journey.equals(event.conversationId()) ? null : journey,
					message.createdAt());
			reach(journey, stage, message.createdAt());
		}));
	}

	@InOrder(CampaignConfiguration.IN_ORDER)
	void on(CampaignEvents.FollowUpQueued event) {
		campaigns.findById(event.campaignId()).ifPresent(campaign -> {
			Instant sent = conversations.message(event.messageId())
				.map(MessageView::createdAt)
				.orElse(campaign.updatedAt());
			start(campaign.id(), campaign.conversationId(), campaign.id(), sent);
		});
	}

	/**
	 * A booking credited to a campaign (through its link, or by staff) ends its journey.
	 */
	@InOrder(CampaignConfiguration.IN_ORDER)
	void on(AppointmentEvents.AppointmentBooked event) {
		if (event.campaignId() == null) {
			return;
		}
		UUID campaign;
		try {
			campaign = UUID.fromString(event.campaignId());
		}
		catch (IllegalArgumentException notOurs) {
			return;
		}
		campaigns.findById(campaign).ifPresent(found -> {
			start(found.id(), found.conversationId(), found.id(), event.bookedAt());
			reach(found.id(), Stage.BOOKED, event.bookedAt());
		});
	}

	/**
	 * The campaign writing on the conversation at that time: begun by then, and not ended
	 * before.
	 */
	private Optional<Campaign> campaignAt(UUID conversationId, Instant at) {
		return campaigns.findByConversationId(conversationId)
			.stream()
			.filter(campaign -> !campaign.createdAt().isAfter(at)
					&& (campaign.status().isActive() || !campaign.updatedAt().isBefore(at)))
			.max(Comparator.comparing(Campaign::createdAt));
	}

	private static Optional<Stage> marked(MessageView message) {
		if (message.metadata() == null) {
			return Optional.empty();
		}
		JsonNode stage = JSON.readTree(message.metadata()).path(KEY);
		return stage.isString() ? Stage.of(stage.asString()) : Optional.empty();
	}

	private void start(UUID journey, UUID conversationId, UUID campaignId, Instant at) {
		// one thread records (see InOrder): no other insert can come in between
		boolean known = jdbc.sql("select count(*) from conversation_funnel where journey_id = ?")
			.param(journey)
			.query(Long.class)
			.single() > 0;
		if (!known) {
			jdbc.sql("""
					insert into conversation_funnel (journey_id, clinic_id, conversation_id, campaign_id, started_at)
					values (:journey, :clinic, :conversation, :campaign, :at)""")
				.param("journey", journey)
				.param("clinic", Clinics.DEFAULT)
				.param("conversation", conversationId)
				.param("campaign", campaignId)
				.param("at", utc(at))
				.update();
		}
		else if (conversationId != null) {
			// a campaign's journey may begin with a booking, before its thread is known
			jdbc.sql(
					"update conversation_funnel set conversation_id = ? where journey_id = ? and conversation_id is null")
				.params(conversationId, journey)
				.update();
		}
	}

	private void reach(UUID journey, Stage stage, Instant at) {
		if (stage.column == null) {
			return;
		}
		// the first time counts; columns come from the enum, never from input
		jdbc.sql("update conversation_funnel set " + stage.column + " = coalesce(" + stage.column
				+ ", :at) where journey_id = :journey")
			.param("at", utc(at))
			.param("journey", journey)
			.update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
