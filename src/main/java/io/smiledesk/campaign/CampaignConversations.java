package io.smiledesk.campaign;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.smiledesk.conversation.ConversationPurpose;
import io.smiledesk.conversation.Reply;
import io.smiledesk.conversation.Urgency;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.Patients;

import org.springframework.stereotype.Component;

/**
 * A reply on a campaign's thread, read with the campaign in mind. A plain yes to the
 * offer asks the assistant to book the due service; then, on the assistant's reply: a
 * booking in progress or an answered question gets the booking link, a no gets a polite
 * close, and anything the assistant could not place (confusion, something off-topic) goes
 * to staff with a summary. The assistant's own safety handoffs stand as they are. The
 * outcome travels in the reply's metadata; {@link CampaignActivity} applies it.
 */
@Component
class CampaignConversations implements ConversationPurpose {

	/** The reply's metadata key. */
	static final String KEY = "campaign";

	private static final Set<String> BOOKING_INTENTS = Set.of("book", "reschedule");

	/** Replies that need nothing more than the assistant's own answer. */
	private static final Set<String> SMALL_TALK = Set.of("thanks", "greeting", "goodbye", "confirm");

	/** How the reply was read and what it does to the campaign. */
	enum Outcome {

		BOOKING, ANSWERED, DECLINED, HANDOFF, ACKNOWLEDGED

	}

	private final CampaignRepository campaigns;

	private final InteractionRepository interactions;

	private final CampaignWording wording;

	private final CampaignLinks links;

	private final Patients patients;

	CampaignConversations(CampaignRepository campaigns, InteractionRepository interactions, CampaignWording wording,
			CampaignLinks links, Patients patients) {
		this.campaigns = campaigns;
		this.interactions = interactions;
		this.wording = wording;
		this.links = links;
		this.patients = patients;
	}

	@Override
	public String interpret(UUID conversationId, String text) {
		Optional<Campaign> campaign = answering(conversationId);
		if (campaign.isEmpty() || !ReplyReading.accepts(text) || !answersFollowUp(campaign.get())) {
			return text;
		}
		Locale locale = CampaignWording.locale(ReplyReading.language(text));
		String service = campaign.get().dueService();
		return (service == null ? wording.text(locale, "wants-visit") : wording.text(locale, "wants-booking", service))
				+ " " + text;
	}

	@Override
	public Reply review(UUID conversationId, String text, Reply reply) {
		Optional<Campaign> found = answering(conversationId);
		if (found.isEmpty()) {
			return reply;
		}
		Campaign campaign = found.get();
		Locale locale = CampaignWording.locale(reply.language());
		String firstName = patients.find(new PatientId(campaign.patientId())).map(CampaignWording::greeting).orElse("");
		Outcome outcome;
		String intent;
		Reply reviewed = reply;
		if (reply.handoff() != null) {
			// the assistant's safety checks and its own handoffs come first
			outcome = Outcome.HANDOFF;
			intent = "medical_risk".equals(reply.intent()) || "emergency".equals(reply.intent()) ? reply.intent()
					: "question".equals(reply.intent()) ? "question" : "other";
		}
		else if (ReplyReading.declines(text)) {
			outcome = Outcome.DECLINED;
			intent = "service_denial";
			reviewed = withText(reply, wording.text(locale, "declined", firstName), true, null);
		}
		else if (reply.appointment() != null || BOOKING_INTENTS.contains(reply.intent())
				|| (reply.progress() != null && "book".equals(reply.progress().task()))) {
			outcome = Outcome.BOOKING;
			intent = "booking_request";
			reviewed = reply.appointment() != null ? reply : withText(reply,
					reply.text() + "\n\n" + wording.text(locale, "link", links.url(campaign.id())), false, null);
		}
		else if ("question".equals(reply.intent())) {
			outcome = Outcome.ANSWERED;
			intent = "question";
			reviewed = withText(reply, reply.text() + "\n\n" + wording.text(locale, "link", links.url(campaign.id())),
					false, null);
		}
		else if (SMALL_TALK.contains(reply.intent())) {
			outcome = Outcome.ACKNOWLEDGED;
			intent = reply.intent();
		}
		else {
			outcome = Outcome.HANDOFF;
			intent = "other";
			reviewed = withText(reply, wording.text(locale, "handoff", firstName), false,
					new Reply.Handoff(Urgency.NORMAL, "campaign_reply: the assistant could not place a reply",
							"Reply to a " + campaign.type().name().toLowerCase(Locale.ROOT)
									+ " campaign that needs a person: \"" + excerpt(text) + "\""));
		}
		Map<String, Object> metadata = new LinkedHashMap<>(reviewed.metadata());
		metadata.put(KEY, Map.of("campaign_id", campaign.id().toString(), "intent", intent, "outcome",
				outcome.name().toLowerCase(Locale.ROOT)));
		return new Reply(reviewed.text(), reviewed.intent(), reviewed.language(), reviewed.options(),
				reviewed.appointment(), reviewed.handoff(), reviewed.close(), reviewed.patientId(), reviewed.progress(),
				reviewed.state(), metadata);
	}

	/** The campaign waiting on this conversation's replies, if any. */
	private Optional<Campaign> answering(UUID conversationId) {
		return campaigns.findByConversationIdAndStatusIn(conversationId, CampaignStatus.ACTIVE)
			.stream()
			.filter(campaign -> campaign.status().followsUp())
			.findFirst();
	}

	/** The last word in the thread is the campaign's own message. */
	private boolean answersFollowUp(Campaign campaign) {
		return interactions.findFirstByCampaignIdOrderByOccurredAtDescPositionDesc(campaign.id())
			.map(last -> FollowUps.FOLLOW_UP.equals(last.intent()))
			.orElse(false);
	}

	private static Reply withText(Reply reply, String text, boolean close, Reply.Handoff handoff) {
		return new Reply(text, reply.intent(), reply.language(), close ? List.of() : reply.options(),
				reply.appointment(), handoff != null ? handoff : reply.handoff(), close || reply.close(),
				reply.patientId(), reply.progress(), reply.state(), reply.metadata());
	}

	private static String excerpt(String text) {
		String line = text.strip().replaceAll("\\s+", " ");
		return line.length() <= 200 ? line : line.substring(0, 197) + "...";
	}

}
