package io.smiledesk.campaign;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import io.smiledesk.system.InOrder;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.conversation.ConversationEvents;
import io.smiledesk.conversation.Conversations;
import io.smiledesk.conversation.MessageView;
import io.smiledesk.conversation.Sender;
import io.smiledesk.scheduling.AppointmentEvents;
import io.smiledesk.scheduling.CreatedFrom;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

/**
 * Keeps campaigns in step with their conversations and appointments. Every message of a
 * campaign's conversation becomes an interaction once (an incoming one with its
 * sentiment); the outcome {@link CampaignConversations} put on a reply moves the
 * campaign; a booking, a confirmation, a visit, a cancellation move it too.
 */
@Component
class CampaignActivity {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Enough of a conversation's tail to hold everything since the last event. */
	private static final int TAIL = 50;

	private final CampaignRepository campaigns;

	private final InteractionRepository interactions;

	private final Conversations conversations;

	private final CampaignProperties properties;

	private final ApplicationEventPublisher events;

	private final ClinicCatalog catalog;

	private final Clock clock;

	private final ReplySentiment sentiment;

	CampaignActivity(CampaignRepository campaigns, InteractionRepository interactions, Conversations conversations,
			CampaignProperties properties, ApplicationEventPublisher events, ClinicCatalog catalog, Clock clock,
			ReplySentiment sentiment) {
		this.sentiment = sentiment;
		this.catalog = catalog;
		this.campaigns = campaigns;
		this.interactions = interactions;
		this.conversations = conversations;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	@InOrder(CampaignConfiguration.IN_ORDER)
	void on(ConversationEvents.MessageAdded event) {
		latestOn(event.conversationId()).ifPresent(campaign -> sync(campaign, event.conversationId()));
	}

	@InOrder(CampaignConfiguration.IN_ORDER)
	void on(ConversationEvents.HandoffRequested event) {
		latestOn(event.conversationId()).filter(campaign -> campaign.status().isActive()).ifPresent(campaign -> {
			if (campaign.status() != CampaignStatus.HANDOFF_REQUIRED) {
				String summary = conversations.view(event.conversationId())
					.map(conversation -> conversation.handoffSummary())
					.orElse(null);
				change(campaign, "patient", now -> campaign.handOff(event.reason(), summary, now));
			}
		});
	}

	@InOrder(CampaignConfiguration.IN_ORDER)
	void on(ConversationEvents.ConversationHandedBack event) {
		latestOn(event.conversationId()).filter(campaign -> campaign.status() == CampaignStatus.HANDOFF_REQUIRED)
			.ifPresent(campaign -> change(campaign, "staff", now -> campaign.moveTo(CampaignStatus.RE_ENGAGED, now)));
	}

	@InOrder(CampaignConfiguration.IN_ORDER)
	void on(AppointmentEvents.AppointmentBooked event) {
		if (event.campaignId() == null) {
			return;
		}
		campaignById(event.campaignId()).filter(campaign -> campaign.status().isActive()).ifPresent(campaign -> {
			boolean viaLink = event.createdFrom() == CreatedFrom.AI_AGENT_FORM
					&& campaign.funnelStatus() == Campaign.Funnel.FORM_SENT;
			BigDecimal price = catalog.snapshot().serviceById(event.serviceId()).map(ServiceInfo::price).orElse(null);
			change(campaign, "booking", now -> campaign.booked(event.appointmentId(), viaLink, price, now));
		});
	}

	@InOrder(CampaignConfiguration.IN_ORDER)
	void on(AppointmentEvents.AppointmentConfirmed event) {
		forAppointment(event.appointmentId(), CampaignStatus.BOOKING_INITIATED, CampaignStatus.BOOKING_COMPLETED);
	}

	@InOrder(CampaignConfiguration.IN_ORDER)
	void on(AppointmentEvents.AppointmentCompleted event) {
		for (Campaign campaign : campaigns.findByAppointmentId(event.appointmentId())) {
			if (campaign.status().allows(CampaignStatus.RECOVERED)) {
				change(campaign, "booking", now -> campaign.moveTo(CampaignStatus.RECOVERED, now));
			}
		}
	}

	@InOrder(CampaignConfiguration.IN_ORDER)
	void on(AppointmentEvents.AppointmentCancelled event) {
		reopen(event.appointmentId());
	}

	@InOrder(CampaignConfiguration.IN_ORDER)
	void on(AppointmentEvents.AppointmentMissed event) {
		reopen(event.appointmentId());
	}

	@InOrder(CampaignConfiguration.IN_ORDER)
	void on(AppointmentEvents.AppointmentDeleted event) {
		reopen(event.appointmentId());
	}

	/**
	 * The booking fell through: back to the conversation, follow-ups resume if any are
	 * left.
	 */
	private void reopen(UUID appointmentId) {
		for (Campaign campaign : campaigns.findByAppointmentId(appointmentId)) {
			if (campaign.status() == CampaignStatus.BOOKING_INITIATED
					|| campaign.status() == CampaignStatus.BOOKING_COMPLETED) {
				change(campaign, "booking", now -> {
					campaign.moveTo(CampaignStatus.RE_ENGAGED, now);
					campaign.heardFrom(null, now.plus(properties.waitAfter(Math.max(1, campaign.attemptsMade()))), now);
				});
			}
		}
	}

	private void forAppointment(UUID appointmentId, CampaignStatus from, CampaignStatus to) {
		for (Campaign campaign : campaigns.findByAppointmentId(appointmentId)) {
			if (campaign.status() == from) {
				change(campaign, "booking", now -> campaign.moveTo(to, now));
			}
		}
	}

	/**
	 * Records the conversation's messages since the campaign began that are not yet
	 * interactions, in order, and applies what the replies decided.
	 */
	private void sync(Campaign unlocked, UUID conversationId) {
		Campaign campaign = campaigns.lock(unlocked.id()).orElseThrow();
		Page<MessageView> first = conversations.messages(conversationId, 0, TAIL);
		List<MessageView> tail = new ArrayList<>();
		int pages = first.getTotalPages();
		for (int page = Math.max(0, pages - 2); page < pages; page++) {
			tail.addAll(
					page == 0 ? first.getContent() : conversations.messages(conversationId, page, TAIL).getContent());
		}
		tail.sort(Comparator.comparingInt(MessageView::position));
		Interaction lastIncoming = null;
		for (MessageView message : tail) {
			if (message.createdAt().isBefore(campaign.createdAt())
					|| interactions.existsByCampaignIdAndMessageId(campaign.id(), message.id())) {
				continue;
			}
			boolean incoming = message.sender() == Sender.PATIENT;
			Interaction interaction = new Interaction(campaign.id(), message.id(), message.position(),
					incoming ? Interaction.Direction.INCOMING : Interaction.Direction.OUTGOING, message.text(),
					message.createdAt());
			if (incoming) {
				interaction.analysed(null, sentiment.of(message.text()));
				interaction.language(ReplyReading.language(message.text()));
				if (campaign.status() == CampaignStatus.ATTEMPTING_RECOVERY) {
					change(campaign, "patient", now -> campaign.moveTo(CampaignStatus.RE_ENGAGED, now));
				}
			}
			// the saved copy is the managed one: the reply's reading is set on it later
			Interaction saved = interactions.save(interaction);
			if (incoming) {
				lastIncoming = saved;
			}
			events.publishEvent(new CampaignEvents.InteractionRecorded(campaign.id(), saved.id(), false));
			JsonNode outcome = outcome(message);
			if (outcome != null && campaign.id().toString().equals(outcome.path("campaign_id").asString())) {
				if (lastIncoming != null) {
					lastIncoming.analysed(outcome.path("intent").asString(), lastIncoming.sentiment());
				}
				apply(campaign, outcome.path("outcome").asString(), lastIncoming);
			}
		}
	}

	private void apply(Campaign campaign, String outcome, Interaction reply) {
		String summary = reply == null ? null : summary(reply);
		switch (outcome) {
			case "declined" -> change(campaign, "patient", now -> {
				campaign.heardFrom(summary, null, now);
				campaign.moveTo(CampaignStatus.RECOVERY_DECLINED, now);
			});
			case "booking" -> change(campaign, "patient", now -> {
				campaign.heardFrom(summary, next(campaign, now), now);
				campaign.linkSent(campaign.linkUrl(), now);
			});
			// a handoff arrives as its own event, with the conversation's reason
			default -> change(campaign, "patient", now -> campaign.heardFrom(summary, next(campaign, now), now));
		}
	}

	private Instant next(Campaign campaign, Instant now) {
		return now.plus(properties.waitAfter(Math.max(1, campaign.attemptsMade())));
	}

	private static String summary(Interaction reply) {
		String text = reply.content().strip().replaceAll("\\s+", " ");
		String said = text.length() <= 160 ? text : text.substring(0, 157) + "...";
		return "Replied (" + (reply.intent() == null ? "unread" : reply.intent().replace('_', ' ')) + ", "
				+ reply.sentiment().name().toLowerCase(java.util.Locale.ROOT) + "): \"" + said + "\"";
	}

	private static JsonNode outcome(MessageView message) {
		if (message.sender() != Sender.BOT || message.metadata() == null) {
			return null;
		}
		JsonNode campaign = JSON.readTree(message.metadata()).path(CampaignConversations.KEY);
		return campaign.isObject() ? campaign : null;
	}

	/** Applies a change and announces the status it led to, if it moved. */
	private void change(Campaign campaign, String by, java.util.function.Consumer<Instant> change) {
		CampaignStatus before = campaign.status();
		change.accept(clock.instant());
		campaigns.save(campaign);
		if (campaign.status() != before) {
			events.publishEvent(new CampaignEvents.CampaignStatusChanged(campaign.id(), before, campaign.status(), by));
		}
	}

	private Optional<Campaign> latestOn(UUID conversationId) {
		return campaigns.findByConversationId(conversationId).stream().max(Comparator.comparing(Campaign::createdAt));
	}

	private Optional<Campaign> campaignById(String id) {
		try {
			return campaigns.findById(UUID.fromString(id));
		}
		catch (IllegalArgumentException notOurs) {
			// set by staff to another system's reference
			return Optional.empty();
		}
	}

}
