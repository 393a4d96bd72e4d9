package io.smiledesk.campaign;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.smiledesk.conversation.ConversationStatus;
import io.smiledesk.conversation.Conversations;
import io.smiledesk.patient.Channel;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.PatientType;
import io.smiledesk.patient.Patients;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What staff do with campaigns: list, read, start one for a lead, answer, settle. */
@Service
@Transactional
class Campaigns {

	private final CampaignRepository campaigns;

	private final InteractionRepository interactions;

	private final CampaignStarts starts;

	private final Patients patients;

	private final Conversations conversations;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ReplySentiment replySentiment;

	Campaigns(CampaignRepository campaigns, InteractionRepository interactions, CampaignStarts starts,
			Patients patients, Conversations conversations, ApplicationEventPublisher events, Clock clock,
			ReplySentiment sentiment) {
		this.replySentiment = sentiment;
		this.campaigns = campaigns;
		this.interactions = interactions;
		this.starts = starts;
		this.patients = patients;
		this.conversations = conversations;
		this.events = events;
		this.clock = clock;
	}

	/** Newest activity first; page counts from 0. */
	@Transactional(readOnly = true)
	Page<CampaignView> list(CampaignStatus status, CampaignType type, int page, int size) {
		Page<Campaign> found = campaigns.list(status, type, PageRequest.of(page, size));
		Map<UUID, PatientSummary> names = patients.findAll(found.map(Campaign::patientId).toSet());
		return found.map(campaign -> CampaignView.of(campaign, name(names.get(campaign.patientId()))));
	}

	/** A campaign and its whole history; the read is audited. */
	Details details(UUID id) {
		Campaign campaign = find(id);
		events.publishEvent(new CampaignEvents.CampaignViewed(id));
		return new Details(view(campaign), interactions(id));
	}

	record Details(CampaignView campaign, List<CampaignView.InteractionView> interactions) {
	}

	@Transactional(readOnly = true)
	List<CampaignView.InteractionView> interactions(UUID campaignId) {
		find(campaignId);
		return interactions.findByCampaignIdOrderByOccurredAtAscPositionAsc(campaignId)
			.stream()
			.map(CampaignView.InteractionView::of)
			.toList();
	}

	record NewLead(String name, String email, String phone, Channel preferredChannel, String inquiry,
			BigDecimal estimatedValue) {
	}

	/**
	 * A recovery campaign for a lead staff enter by hand; the lead becomes a patient
	 * record ({@code COLD_LEAD}) when not known yet. The first message goes out with the
	 * next run.
	 */
	CampaignView startRecovery(NewLead lead) {
		Patients.Contact contact = patients.contact(lead.email(), lead.phone());
		PatientSummary patient = patients
			.findOrRegister(
					new Patients.NewPatient(lead.name(), contact, null, PatientType.COLD_LEAD, lead.preferredChannel()),
					true)
			.orElseThrow();
		boolean active = campaigns.findByPatientIdInAndStatusIn(Set.of(patient.id().value()), CampaignStatus.ACTIVE)
			.stream()
			.findAny()
			.isPresent();
		if (active) {
			throw new CampaignConflictException("campaign-active",
					"This patient already has an active campaign; answer or settle it first.");
		}
		return view(starts.startRecovery(patient.id(), lead.inquiry(), lead.estimatedValue()));
	}

	/**
	 * Staff answer on the campaign's thread: they take the conversation over, so the
	 * assistant stays silent there until it is handed back.
	 */
	CampaignView respond(UUID id, UUID staffUserId, String message, CampaignStatus newStatus) {
		Campaign campaign = find(id);
		if (campaign.conversationId() == null) {
			throw new CampaignConflictException("campaign-not-started",
					"Nothing has been sent for this campaign yet, so there is no thread to answer on.");
		}
		if (newStatus != null) {
			move(campaign, newStatus);
		}
		if (conversations.status(campaign.conversationId()) != ConversationStatus.HUMAN_ACTIVE) {
			conversations.takeOver(campaign.conversationId(), staffUserId);
		}
		var sent = conversations.reply(campaign.conversationId(), staffUserId, message);
		events.publishEvent(new CampaignEvents.CampaignResponded(id, sent.id()));
		return view(campaign);
	}

	/**
	 * Moves a campaign by hand; settling one ({@code MANUAL_FOLLOWUP_COMPLETE}) also
	 * takes its conversation off the handoff queue.
	 */
	CampaignView changeStatus(UUID id, UUID staffUserId, CampaignStatus status) {
		Campaign campaign = find(id);
		move(campaign, status);
		if (!status.isActive() && campaign.conversationId() != null) {
			ConversationStatus conversation = conversations.status(campaign.conversationId());
			if (conversation == ConversationStatus.HANDOFF_REQUIRED
					|| conversation == ConversationStatus.HUMAN_ACTIVE) {
				conversations.close(campaign.conversationId(), staffUserId);
			}
		}
		return view(campaign);
	}

	/** A note staff add by hand (a phone call, a letter). */
	CampaignView.InteractionView record(UUID campaignId, Interaction.Direction direction, String content, String intent,
			Sentiment sentiment) {
		find(campaignId);
		Interaction interaction = new Interaction(campaignId, null, direction, content, clock.instant());
		interaction.analysed(intent, sentiment != null ? sentiment
				: direction == Interaction.Direction.INCOMING ? replySentiment.of(content) : null);
		interactions.save(interaction);
		events.publishEvent(new CampaignEvents.InteractionRecorded(campaignId, interaction.id(), true));
		return CampaignView.InteractionView.of(interaction);
	}

	private void move(Campaign campaign, CampaignStatus status) {
		CampaignStatus from = campaign.status();
		Instant now = clock.instant();
		campaign.moveTo(status, now);
		campaigns.save(campaign);
		if (from != status) {
			events.publishEvent(new CampaignEvents.CampaignStatusChanged(campaign.id(), from, status, "staff"));
		}
	}

	private Campaign find(UUID id) {
		return campaigns.findById(id).orElseThrow(() -> new CampaignNotFoundException(id));
	}

	private CampaignView view(Campaign campaign) {
		return CampaignView.of(campaign, name(patients.find(new PatientId(campaign.patientId())).orElse(null)));
	}

	private static String name(PatientSummary patient) {
		return patient == null ? null : patient.name();
	}

}
