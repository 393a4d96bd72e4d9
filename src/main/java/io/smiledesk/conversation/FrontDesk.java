package io.smiledesk.conversation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ProviderInfo;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.conversation.DialoguePolicy.Decision;
import io.smiledesk.conversation.DialogueState.Stage;
import io.smiledesk.understanding.Intent;
import io.smiledesk.understanding.MessageContext;
import io.smiledesk.understanding.MessageUnderstanding;
import io.smiledesk.conversation.reply.ReplyPhrasing;
import io.smiledesk.understanding.Understanding;
import io.smiledesk.safety.SafetyAssessment;
import io.smiledesk.safety.SafetyScreen;
import io.smiledesk.scheduling.AppointmentCalendar;
import io.smiledesk.scheduling.AppointmentStatus;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.system.ApiProblem;

import org.springframework.stereotype.Service;

/**
 * Handles one patient message from end to end: safety first, then understanding, then the
 * dialogue policy, then the reply is stored with the message. Messages of one
 * conversation are handled one at a time.
 */
@Service
public class FrontDesk {

	private static final int RECENT_TURNS = 6;

	private final ConversationStore store;

	private final SafetyScreen safety;

	private final MessageUnderstanding understanding;

	private final DialoguePolicy policy;

	private final ReplyPhrasing phrasing;

	private final ClinicCatalog catalog;

	private final Clock clock;

	private final AppointmentCalendar calendar;

	private final ReentrantLock[] locks = new ReentrantLock[256];

	FrontDesk(ConversationStore store, SafetyScreen safety, MessageUnderstanding understanding, DialoguePolicy policy,
			ReplyPhrasing phrasing, ClinicCatalog catalog, Clock clock, AppointmentCalendar calendar) {
		this.store = store;
		this.safety = safety;
		this.understanding = understanding;
		this.policy = policy;
		this.phrasing = phrasing;
		this.catalog = catalog;
		this.clock = clock;
		this.calendar = calendar;
		for (int i = 0; i < locks.length; i++) {
			locks[i] = new ReentrantLock();
		}
	}

	/**
	 * Answers a message; a null session starts a new conversation.
	 * @throws ApiProblem 404 for a session that does not exist
	 */
	public ChatReply handle(UUID sessionId, String text, ConversationChannel channel) {
		UUID id = sessionId == null ? store.start(channel) : sessionId;
		ReentrantLock lock = locks[Math.floorMod(id.hashCode(), locks.length)];
		lock.lock();
		try {
			return turn(id, text.strip());
		}
		finally {
			lock.unlock();
		}
	}

	private ChatReply turn(UUID id, String text) {
		ConversationStore.Loaded conversation = store.load(id, understanding.readsHistory() ? RECENT_TURNS : 0)
			.orElseThrow(() -> ApiProblem.notFound("conversation", "No chat session with id " + id + "."));
		ClinicSnapshot clinic = catalog.snapshot();
		DialogueState state = conversation.state();
		if (conversation.status() == ConversationStatus.HUMAN_ACTIVE) {
			// a person is answering: keep the message for them, say nothing
			ConversationStatus status = store
				.record(id,
						new ConversationStore.TurnRecord(conversation.status(), text, null, null, null, null, null,
								null, null, false, null))
				.status();
			return new ChatReply(id, null, null, status, stateJson(state, clinic), List.of(), null);
		}
		Instant now = clock.instant();
		ZoneId zone = clinic.zone();
		UUID heldBefore = state.holdId;
		SafetyAssessment assessment = safety.assess(text);
		Map<String, Object> metadata = new LinkedHashMap<>();
		Decision decision;
		String intent;
		if (assessment.isEmergency()) {
			policy.releaseHold(state);
			state.finishTask();
			decision = new Decision(emergencyReply(clinic), List.of(), null,
					new DialoguePolicy.Handoff(Urgency.URGENT, "Emergency: " + assessment.reason()), false, null);
			intent = "emergency";
		}
		else {
			MessageContext context = new MessageContext(LocalDateTime.ofInstant(now, zone), clinic,
					state.stage == null ? null : state.stage.awaiting(),
					conversation.recent()
						.stream()
						.map(message -> new MessageContext.Turn(message.sender() == Sender.PATIENT, message.text()))
						.toList());
			Understanding understood = understanding.understand(text, context);
			metadata.put("intent", understood.intent().name().toLowerCase(Locale.ROOT));
			metadata.put("confidence", Math.round(understood.confidence() * 1000) / 1000.0);
			metadata.put("engine", understood.engine());
			if (understood.fallback() != null) {
				metadata.put("fallback", understood.fallback());
			}
			metadata.put("language", understood.language());
			intent = understood.intent().name().toLowerCase(Locale.ROOT);
			if (assessment.needsStaff() && !continuesTask(state, understood)) {
				decision = new Decision(riskReply(), List.of(), null,
						new DialoguePolicy.Handoff(Urgency.NORMAL, "Medical risk: " + assessment.reason()), false,
						null);
				intent = "medical_risk";
			}
			else {
				decision = policy.decide(state,
						new DialoguePolicy.Turn(id, conversation.channel(), text, understood, clinic, now));
				decision = phrase(decision, context, metadata);
				if (assessment.needsStaff()) {
					decision = new Decision(riskReply() + " " + decision.reply(), decision.options(),
							decision.appointment(),
							new DialoguePolicy.Handoff(Urgency.NORMAL, "Medical risk: " + assessment.reason()),
							decision.close(), decision.patientId());
				}
			}
		}
		metadata.put("safety", Map.of("level", assessment.level().name().toLowerCase(Locale.ROOT), "topic",
				assessment.topic().name().toLowerCase(Locale.ROOT)));
		if (decision.handoff() != null) {
			metadata.put("handoff", decision.handoff().reason());
		}
		if (decision.appointment() != null) {
			metadata.put("appointment", Map.of("id", decision.appointment().appointment().id().toString(), "action",
					decision.appointment().action()));
		}
		String summary = decision.handoff() == null ? null : summary(state, text, decision.handoff(), clinic);
		ConversationStore.Recorded recorded = store.record(id,
				new ConversationStore.TurnRecord(conversation.status(), text, null, decision.reply(),
						ConversationStore.json(metadata), state, decision.patientId(), decision.handoff(), summary,
						decision.close(),
						decision.appointment() != null && "booked".equals(decision.appointment().action())
								? decision.appointment().appointment().id() : null));
		if (!recorded.replied()) {
			// staff stepped in meanwhile: say nothing, and give back a slot held this
			// turn
			if (state.holdId != null && !state.holdId.equals(heldBefore)) {
				policy.releaseHold(state);
			}
			return new ChatReply(id, null, null, recorded.status(), null, List.of(), null);
		}
		ConversationStatus status = recorded.status();
		return new ChatReply(id, decision.reply(), intent, status, stateJson(state, clinic),
				decision.options()
					.stream()
					.map(option -> new ChatReply.Option(option.label(), option.value()))
					.toList(),
				appointmentJson(decision, clinic));
	}

	/**
	 * Lets the language model, when there is one, word the reply; safety texts are never
	 * rephrased, and a rewrite that changes a fact is dropped by the phrasing itself.
	 */
	private Decision phrase(Decision decision, MessageContext context, Map<String, Object> metadata) {
		ReplyPhrasing.Phrased phrased = phrasing.rephrase(decision.reply(), context);
		if (phrased.rewritten() || phrased.fallback() != null) {
			Map<String, Object> wording = new LinkedHashMap<>();
			wording.put("engine", phrased.engine());
			if (phrased.fallback() != null) {
				wording.put("fallback", phrased.fallback());
			}
			metadata.put("phrasing", wording);
		}
		return new Decision(phrased.text(), decision.options(), decision.appointment(), decision.handoff(),
				decision.close(), decision.patientId());
	}

	/** A risk topic inside a booking still lets the booking go on; staff follow up. */
	private static boolean continuesTask(DialogueState state, Understanding understood) {
		Intent intent = understood.intent();
		return intent == Intent.BOOK || intent == Intent.RESCHEDULE || intent == Intent.CANCEL
				|| (state.task != null && intent != Intent.QUESTION);
	}

	private static String emergencyReply(ClinicSnapshot clinic) {
		String line = clinic.profile().emergencyPhone() == null ? clinic.profile().phone()
				: clinic.profile().emergencyPhone();
		return "This sounds like it could be an emergency. Please call our emergency line now on " + line
				+ ". If you have trouble breathing or swallowing, or bleeding that won't stop, call 911 or go to the "
				+ "nearest emergency room. I've alerted our team and marked this as urgent.";
	}

	private static String riskReply() {
		return "Thank you for telling us. I can't give medical advice here, so I've passed this to our clinical team "
				+ "and a team member will follow up with you.";
	}

	private static String summary(DialogueState state, String lastMessage, DialoguePolicy.Handoff handoff,
			ClinicSnapshot clinic) {
		StringBuilder summary = new StringBuilder(handoff.reason()).append(".");
		if (state.name != null) {
			summary.append(" Patient: ").append(state.name).append(".");
		}
		if (state.task != null) {
			summary.append(" Was ").append(switch (state.task) {
				case BOOK -> "booking";
				case RESCHEDULE -> "rescheduling";
				case CANCEL -> "cancelling";
				default -> state.task.name().toLowerCase(Locale.ROOT);
			});
			if (state.serviceId != null) {
				summary.append(" ").append(clinic.serviceById(state.serviceId).map(ServiceInfo::name).orElse(""));
			}
			summary.append(".");
		}
		String quoted = lastMessage.length() > 300 ? lastMessage.substring(0, 300) + "…" : lastMessage;
		return summary.append(" Last message: \"").append(quoted).append("\"").toString();
	}

	static ChatReply.State stateJson(DialogueState state, ClinicSnapshot clinic) {
		ZoneId zone = clinic.zone();
		ChatReply.Named service = state.serviceId == null ? null : new ChatReply.Named(state.serviceId,
				clinic.serviceById(state.serviceId).map(ServiceInfo::name).orElse(null));
		ChatReply.Named provider = state.providerId == null ? null : new ChatReply.Named(state.providerId,
				clinic.provider(state.providerId).map(ProviderInfo::name).orElse(null));
		ChatReply.Window window = state.from == null ? null
				: new ChatReply.Window(state.from.toString(), state.to == null ? null : state.to.toString());
		ChatReply.Chosen chosen = state.chosen == null ? null : new ChatReply.Chosen(
				state.chosen.start().atZone(zone).toOffsetDateTime(), state.chosen.providerId(), state.holdId != null);
		return new ChatReply.State(state.task == null ? null : state.task.name().toLowerCase(Locale.ROOT),
				state.stage == null ? null : state.stage.awaiting(), service, provider, window, chosen, state.name,
				state.email, state.phone, state.dateOfBirth, state.stage == Stage.CONFIRM ? true : null,
				state.verifiedPatientId != null ? true : null);
	}

	private ChatReply.Appointment appointmentJson(Decision decision, ClinicSnapshot clinic) {
		if (decision.appointment() == null) {
			return null;
		}
		AppointmentView appointment = decision.appointment().appointment();
		return new ChatReply.Appointment(appointment.id(), appointment.start().atZone(clinic.zone()).toOffsetDateTime(),
				clinic.serviceById(appointment.serviceId()).map(ServiceInfo::name).orElse(null),
				clinic.provider(appointment.providerId()).map(ProviderInfo::name).orElse(null), appointment.status(),
				decision.appointment().action(),
				appointment.status() == AppointmentStatus.BOOKED || appointment.status() == AppointmentStatus.CONFIRMED
						? calendar.path(appointment.id()) : null);
	}

}
