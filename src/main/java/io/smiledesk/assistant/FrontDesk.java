package io.smiledesk.assistant;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.smiledesk.assistant.phrasing.ReplyPhrasing;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.conversation.Assistant;
import io.smiledesk.conversation.Reply;
import io.smiledesk.safety.SafetyAssessment;
import io.smiledesk.safety.SafetyScreen;
import io.smiledesk.understanding.Intent;
import io.smiledesk.understanding.MessageContext;
import io.smiledesk.understanding.MessageUnderstanding;
import io.smiledesk.understanding.Understanding;

import org.springframework.stereotype.Service;

/**
 * Answers one patient message from end to end, on any channel: safety first, then
 * understanding, then the dialogue, then the wording. The reply's options are data; the
 * channel renders them.
 */
@Service
class FrontDesk implements Assistant {

	/** The assistant reads this much of a message; patients are told when it is cut. */
	static final int READ_CHARS = 2_000;

	private final SafetyScreen safety;

	private final MessageUnderstanding understanding;

	private final Dialogue dialogue;

	private final Replies replies;

	private final ReplyPhrasing phrasing;

	private final SlotOffers slots;

	private final Facts facts;

	private final Wording wording;

	private final ClinicCatalog catalog;

	private final Clock clock;

	private final IdentityCheck identity;

	FrontDesk(SafetyScreen safety, MessageUnderstanding understanding, Dialogue dialogue, Replies replies,
			ReplyPhrasing phrasing, SlotOffers slots, Facts facts, Wording wording, ClinicCatalog catalog, Clock clock,
			IdentityCheck identity) {
		this.identity = identity;
		this.facts = facts;
		this.safety = safety;
		this.understanding = understanding;
		this.dialogue = dialogue;
		this.replies = replies;
		this.phrasing = phrasing;
		this.slots = slots;
		this.wording = wording;
		this.catalog = catalog;
		this.clock = clock;
	}

	@Override
	public String initialState() {
		return States.write(new DialogueState());
	}

	@Override
	public boolean readsHistory() {
		return understanding.readsHistory();
	}

	@Override
	public Reply respond(Incoming message) {
		DialogueState state = States.read(message.state());
		if (message.known() != null) {
			identity.known(state, message.known().patientId());
		}
		ClinicSnapshot clinic = catalog.snapshot();
		Instant now = clock.instant();
		String text = message.text();
		boolean truncated = text.length() > READ_CHARS;
		String read = truncated ? text.substring(0, READ_CHARS) : text;
		// the whole message is screened: an emergency at the end of a long one still
		// counts
		SafetyAssessment assessment = safety.assess(text);
		MessageContext context = new MessageContext(LocalDateTime.ofInstant(now, clinic.zone()), clinic,
				state.stage() == null ? null : state.stage().awaiting(),
				message.recent()
					.stream()
					.map(turn -> new MessageContext.Turn(turn.fromPatient(), turn.text()))
					.toList(),
				state.language(), facts.anchor(state, clinic.zone()));
		Understanding understood = hinted(understanding.understand(read, context), message.known());
		String language = ConversationLanguage.of(state.language(), understood.language(), read);
		state.speaks(Wording.LANGUAGES.contains(language) ? language : state.language());
		Locale locale = Wording.locale(state.language());
		Draft draft = new Draft(wording, locale);
		if (truncated) {
			draft.say("truncated", String.format(locale, "%,d", READ_CHARS));
		}
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("intent", understood.intent().name().toLowerCase(Locale.ROOT));
		metadata.put("confidence", Math.round(understood.confidence() * 1000) / 1000.0);
		metadata.put("engine", understood.engine());
		if (understood.fallback() != null) {
			metadata.put("fallback", understood.fallback());
		}
		metadata.put("language", language);
		if (truncated) {
			metadata.put("truncated", READ_CHARS);
		}
		Turn turn = new Turn(message.conversationId(), message.channel(), read, understood, understood.intent(), false,
				clinic, now, locale, message.known() == null ? null : message.known().appointmentId());
		String intent = understood.intent().name().toLowerCase(Locale.ROOT);
		if (assessment.isEmergency()) {
			slots.release(state);
			state.finishTask();
			draft.say("emergency", emergencyLine(clinic))
				.handoff(HandoffReason.EMERGENCY, wording.forStaff("handoff.emergency", assessment.reason()));
			intent = "emergency";
		}
		else if (!Wording.LANGUAGES.contains(language)) {
			draft.say("other-language")
				.handoff(HandoffReason.OTHER_LANGUAGE, wording.forStaff("handoff.other_language", language));
		}
		else if (assessment.needsStaff()) {
			intent = "medical_risk";
			draft = Risks.handOver(state, turn, draft, assessment, slots, dialogue);
		}
		else {
			draft = dialogue.decide(state, turn, draft);
			phrase(draft, context, metadata);
		}
		return replies.reply(draft, state, turn, assessment, intent, metadata);
	}

	/**
	 * What the module that wrote first read the reply as (a reminder's "can't make it" is
	 * cancelling that visit) outranks a general reading, but never an emergency or a
	 * request for a person.
	 */
	private static Understanding hinted(Understanding understood, Assistant.Known known) {
		if (known == null || known.wants() == null || understood.intent() == Intent.EMERGENCY
				|| understood.intent() == Intent.HUMAN) {
			return understood;
		}
		Intent wanted = known.wants() == Assistant.Wants.CANCEL ? Intent.CANCEL : Intent.RESCHEDULE;
		return new Understanding(wanted, understood.confidence(), understood.entities(), understood.language(),
				understood.engine(), understood.fallback(), false);
	}

	@Override
	public String tookOver(String state) {
		DialogueState read = States.read(state);
		slots.release(read);
		return States.write(read);
	}

	@Override
	public String handedBack(String state) {
		DialogueState read = States.read(state);
		read.handedBack();
		return States.write(read);
	}

	@Override
	public String closed(String state) {
		DialogueState read = States.read(state);
		slots.release(read);
		read.finishTask();
		return States.write(read);
	}

	/**
	 * Lets the language model, when there is one, word the reply; safety texts are never
	 * rephrased, and a rewrite that changes a fact is dropped by the phrasing itself.
	 */
	private void phrase(Draft draft, MessageContext context, Map<String, Object> metadata) {
		ReplyPhrasing.Phrased phrased = phrasing.rephrase(draft.text(), context);
		if (phrased.rewritten() || phrased.fallback() != null) {
			Map<String, Object> wordingUsed = new LinkedHashMap<>();
			wordingUsed.put("engine", phrased.engine());
			if (phrased.fallback() != null) {
				wordingUsed.put("fallback", phrased.fallback());
			}
			metadata.put("phrasing", wordingUsed);
		}
		if (phrased.rewritten()) {
			draft.replaceText(phrased.text());
		}
	}

	static String emergencyLine(ClinicSnapshot clinic) {
		String phone = clinic.profile().emergencyPhone();
		return phone == null ? clinic.profile().phone() : phone;
	}

}
