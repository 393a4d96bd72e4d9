package io.smiledesk.campaign;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.smiledesk.assistant.phrasing.ReplyPhrasing;
import io.smiledesk.channel.ProactiveMessages;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.conversation.ConversationChannel;
import io.smiledesk.patient.Channel;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.Patients;
import io.smiledesk.patient.TreatmentRecord;
import io.smiledesk.understanding.MessageContext;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a campaign's next follow-up when it is due: on the patient's preferred channel,
 * else another they can be reached on and have not opted out of; counted, and the next
 * one scheduled, in the same transaction as the message it queues, so a crash can neither
 * lose nor repeat one. When the attempts are used up the campaign fails. A configured
 * language model may word the message first (outside the transaction, as it may take
 * seconds); a rewrite that changes a fact (a name, a date, a price, the link) is
 * discarded and the template's text is sent.
 */
@Component
class FollowUps {

	/** What one due campaign came to. */
	enum Result {

		QUEUED, DEFERRED, FAILED, SKIPPED

	}

	private final CampaignRepository campaigns;

	private final InteractionRepository interactions;

	private final ProactiveMessages proactive;

	private final Patients patients;

	private final CampaignWording wording;

	private final CampaignLinks links;

	private final ClinicCatalog catalog;

	private final CampaignProperties properties;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final ReplyPhrasing phrasing;

	/** A follow-up's template text and the words it will go out in. */
	private record Worded(int attempt, String draft, String text) {
	}

	FollowUps(CampaignRepository campaigns, InteractionRepository interactions, ProactiveMessages proactive,
			Patients patients, CampaignWording wording, CampaignLinks links, ClinicCatalog catalog,
			CampaignProperties properties, ApplicationEventPublisher events, PlatformTransactionManager transactions,
			Clock clock, ReplyPhrasing phrasing) {
		this.phrasing = phrasing;
		this.campaigns = campaigns;
		this.interactions = interactions;
		this.proactive = proactive;
		this.patients = patients;
		this.wording = wording;
		this.links = links;
		this.catalog = catalog;
		this.properties = properties;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	List<java.util.UUID> due() {
		return campaigns.findDue(List.of(CampaignStatus.ATTEMPTING_RECOVERY, CampaignStatus.RE_ENGAGED),
				clock.instant(), org.springframework.data.domain.PageRequest.of(0, properties.batch()));
	}

	Result send(java.util.UUID campaignId) {
		Worded worded = word(campaignId);
		return transaction.execute(tx -> {
			Campaign campaign = campaigns.lock(campaignId).orElse(null);
			Instant now = clock.instant();
			if (campaign == null || !campaign.status().followsUp() || campaign.nextAttemptAt() == null
					|| campaign.nextAttemptAt().isAfter(now)) {
				// another run got here first
				return Result.SKIPPED;
			}
			if (campaign.exhausted()) {
				fail(campaign, "No reply after " + campaign.attemptsMade() + " messages.", now);
				return Result.FAILED;
			}
			PatientSummary patient = patients.find(new PatientId(campaign.patientId())).orElse(null);
			if (patient == null) {
				fail(campaign, "The patient's record is gone.", now);
				return Result.FAILED;
			}
			int attempt = campaign.attemptsMade() + 1;
			String draft = text(campaign, patient, attempt);
			// worded for this very draft, or nothing changed since: else the draft itself
			String text = worded != null && worded.attempt() == attempt && worded.draft().equals(draft) ? worded.text()
					: draft;
			ProactiveMessages.FirstOutcome outcome = proactive.sendFirst(patient.id(), channels(patient, campaign),
					text);
			if (outcome instanceof ProactiveMessages.FirstOutcome.Queued first) {
				ProactiveMessages.Outcome.Queued queued = first.message();
				campaign.attempted(first.channel(), queued.threadKey(), queued.conversationId(),
						now.plus(properties.waitAfter(attempt)), now);
				campaign.linkSent(links.url(campaign.id()), now);
				Interaction sent = new Interaction(campaign.id(), queued.messageId(), queued.position(),
						Interaction.Direction.OUTGOING, text, now);
				sent.analysed(FOLLOW_UP, null);
				interactions.save(sent);
				events.publishEvent(new CampaignEvents.FollowUpQueued(campaign.id(), queued.messageId(), attempt));
				return Result.QUEUED;
			}
			if (outcome instanceof ProactiveMessages.FirstOutcome.Deferred deferred) {
				// quiet hours or a cap: the same channel later, not another one now
				campaign.deferTo(deferred.deferral().notBefore(), now);
				return Result.DEFERRED;
			}
			fail(campaign, "No channel to reach the patient on: "
					+ String.join("; ", ((ProactiveMessages.FirstOutcome.Refused) outcome).reasons()), now);
			return Result.FAILED;
		});
	}

	/** The next follow-up's text as the phrasing words it; null when none is due. */
	private Worded word(java.util.UUID campaignId) {
		Worded draft = transaction.execute(tx -> campaigns.findById(campaignId)
			.filter(campaign -> campaign.status().followsUp() && !campaign.exhausted())
			.flatMap(campaign -> patients.find(new PatientId(campaign.patientId()))
				.map(patient -> new Worded(campaign.attemptsMade() + 1,
						text(campaign, patient, campaign.attemptsMade() + 1), null)))
			.orElse(null));
		if (draft == null) {
			return null;
		}
		var clinic = catalog.snapshot();
		MessageContext context = new MessageContext(java.time.LocalDateTime.ofInstant(clock.instant(), clinic.zone()),
				clinic, null, List.of(), null, null);
		return new Worded(draft.attempt(), draft.draft(), phrasing.rephrase(draft.draft(), context).text());
	}

	/** The intent a follow-up is recorded with, so replies can tell they answer one. */
	static final String FOLLOW_UP = "follow_up";

	private void fail(Campaign campaign, String why, Instant now) {
		CampaignStatus from = campaign.status();
		campaign.heardFrom(why, null, now);
		campaign.moveTo(CampaignStatus.RECOVERY_FAILED, now);
		events.publishEvent(
				new CampaignEvents.CampaignStatusChanged(campaign.id(), from, CampaignStatus.RECOVERY_FAILED, "run"));
	}

	/**
	 * The thread it already writes on first, then the patient's preference, then the
	 * rest.
	 */
	private static List<ConversationChannel> channels(PatientSummary patient, Campaign campaign) {
		Set<ConversationChannel> order = new LinkedHashSet<>();
		if (campaign.channel() != null) {
			order.add(campaign.channel());
		}
		if (patient.preferredChannel() != null) {
			order.add(ConversationChannel.valueOf(patient.preferredChannel().name()));
		}
		for (Channel channel : List.of(Channel.SMS, Channel.EMAIL, Channel.WHATSAPP)) {
			order.add(ConversationChannel.valueOf(channel.name()));
		}
		return List.copyOf(order);
	}

	private String text(Campaign campaign, PatientSummary patient, int attempt) {
		Locale locale = CampaignWording.locale(language(campaign));
		String subject = campaign.dueService() != null ? campaign.dueService().toLowerCase(locale)
				: wording.text(locale, campaign.type() == CampaignType.RECALL ? "service.default" : "inquiry.default");
		List<TreatmentRecord> history = campaign.type() == CampaignType.RECALL ? patients.history(patient.id())
				: List.of();
		return wording.followUp(locale, campaign.type(), attempt, CampaignWording.greeting(patient),
				catalog.snapshot().profile().name(), subject, history.isEmpty() ? null : history.get(0).performedOn(),
				links.url(campaign.id()));
	}

	/**
	 * The language the patient last wrote to the campaign in, else the one they last
	 * booked in, else English.
	 */
	private String language(Campaign campaign) {
		return interactions.findByCampaignIdOrderByOccurredAtAscPositionAsc(campaign.id())
			.stream()
			.filter(interaction -> interaction.direction() == Interaction.Direction.INCOMING
					&& interaction.language() != null)
			.reduce((first, second) -> second)
			.map(Interaction::language)
			.or(() -> patients.language(new PatientId(campaign.patientId())))
			.orElse("en");
	}

}
