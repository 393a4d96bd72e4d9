package io.smiledesk.assistant;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.smiledesk.assistant.DialogueState.Option;
import io.smiledesk.assistant.DialogueState.Stage;
import io.smiledesk.assistant.DialogueState.Wanted;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.understanding.Entities;
import io.smiledesk.understanding.Intent;

import org.springframework.stereotype.Component;

/**
 * Chooses what to do with one message: the requests that apply anywhere (start over, a
 * person, goodbye), switching tasks, questions (answered before anything is offered), and
 * otherwise the flow of the task in progress. No question is asked a third time in a row
 * without an answer: the conversation goes to staff instead, marked {@code stuck}.
 */
@Component
class Dialogue {

	private final Map<Intent, Flow> flows;

	private final QuestionFlow questions;

	private final Facts facts;

	private final SlotOffers slots;

	private final Prompts prompts;

	private final WaitlistJoining waitlist;

	private final AssistantProperties properties;

	Dialogue(List<Flow> flows, QuestionFlow questions, Facts facts, SlotOffers slots, Prompts prompts,
			WaitlistJoining waitlist, AssistantProperties properties) {
		this.waitlist = waitlist;
		this.flows = flows.stream().collect(Collectors.toMap(Flow::task, Function.identity()));
		this.questions = questions;
		this.facts = facts;
		this.slots = slots;
		this.prompts = prompts;
		this.properties = properties;
	}

	Draft decide(DialogueState state, Turn read, Draft draft) {
		Intent intent = Intents.inContext(state, read);
		Intent suggested = state.suggestedTask();
		String suggestedService = state.suggestedService();
		state.forgetSuggestion();
		if (state.stage() == Stage.CODE && IdentityCheck.isCode(read.text()) && state.task() != null) {
			return flows.get(state.task()).next(state, read.withIntent(intent), draft);
		}
		if (intent != Intent.EMERGENCY && intent != Intent.HUMAN && intent != Intent.START_OVER
				&& (state.task() == null || state.task() == Intent.BOOK) && WaitlistWords.join(read.text())) {
			if (read.knownAppointment() != null && state.verifiedPatientId() != null) {
				// in answer to a reminder: the visit the reminder was about, earlier
				state.understood();
				return waitlist.moveEarlier(state, read, draft);
			}
			// "put me on the cancellation list" is a booking task, not a cancellation
			if (state.task() != Intent.BOOK) {
				start(state, Intent.BOOK);
			}
			state.wantWaitlist();
			intent = Intent.BOOK;
		}
		else if (state.task() == Intent.BOOK && (state.stage() == Stage.SLOT || state.stage() == Stage.CONFIRM)
				&& (!state.offers().isEmpty() || state.chosen() != null) && WaitlistWords.sooner(read.text())
				&& intent != Intent.EMERGENCY) {
			// read before the time words, which would take "earlier" for a shift of the
			// time held
			state.understood();
			return stuckOr(state, read, waitlist.sooner(state, read, draft, Optional.ofNullable(state.providerId())));
		}
		switch (intent) {
			case START_OVER -> {
				slots.release(state);
				state.reset();
				return draft.say("start-over").options(Menu.options(draft));
			}
			case HUMAN -> {
				return draft.say("human", read.clinic().profile().phone())
					.handoff(HandoffReason.ASKED_FOR_PERSON, draft.wording().forStaff("handoff.asked_for_person"));
			}
			case GOODBYE -> {
				slots.release(state);
				state.finishTask();
				return draft.say("goodbye", read.clinic().profile().name()).close();
			}
			case EMERGENCY -> {
				// pain without red flags: the soonest emergency exam
				start(state, Intent.BOOK);
				emergencyService(read.clinic()).ifPresent(service -> state.chooseService(service.id()));
				LocalDate today = read.localNow().toLocalDate();
				state.prefer(new Wanted(read.localNow(), today.plusDays(2).atStartOfDay(), null));
				draft.say("pain", emergencyLine(read.clinic()));
			}
			case BOOK, RESCHEDULE -> {
				if (state.task() != intent) {
					start(state, intent);
				}
			}
			case CANCEL -> {
				if (state.task() == Intent.BOOK && !NamesAppointment.in(read.text())) {
					slots.release(state);
					state.finishTask();
					return draft.say("book.cancel-instead")
						.options(List.of(
								new Option(draft.wording().text(draft.locale(), "book.cancel-instead.yes.label"),
										draft.wording().text(draft.locale(), "menu.cancel.value")),
								Menu.noThanks(draft)));
				}
				if (state.task() != Intent.CANCEL) {
					start(state, Intent.CANCEL);
				}
			}
			case CONFIRM -> {
				if (state.task() == null && suggested != null) {
					// "yes" to "Would you like to book one?"
					start(state, suggested);
					if (suggestedService != null) {
						state.chooseService(suggestedService);
					}
					intent = suggested;
				}
			}
			default -> {
			}
		}
		boolean learnt = facts.merge(state, read, draft);
		Turn turn = new Turn(read.conversationId(), read.channel(), read.text(), read.understanding(), intent, learnt,
				read.clinic(), read.now(), read.locale(), read.knownAppointment());
		if (intent == Intent.UNKNOWN && state.task() == null && state.serviceId() != null
				&& !NamesAppointment.in(read.text())) {
			// "a cleaning next week" says what to do without saying "book"; "it's about
			// my
			// whitening appt" does not
			start(state, Intent.BOOK);
		}
		if (state.task() == null) {
			return withoutTask(state, turn, draft);
		}
		if (intent != Intent.QUESTION && looksAsked(turn)) {
			// "how much is it, and can I come Tuesday?": the answer first, then the
			// booking
			questions.alongside(turn, draft);
			if (draft.handoff() != null) {
				return draft;
			}
		}
		if (intent == Intent.QUESTION && !looksAsked(turn) && !questions.answer(turn).isPresent()) {
			// read as a question, but unanswerable and without a question's form: most
			// likely an answer the assistant did not understand
			intent = Intent.UNKNOWN;
			turn = turn.withIntent(intent);
		}
		if (intent == Intent.QUESTION) {
			questions.next(state, turn, draft);
			if (draft.handoff() != null) {
				return draft;
			}
			turn = turn.movedOn();
		}
		else if (intent == Intent.THANKS) {
			draft.say("thanks");
			turn = turn.movedOn();
		}
		else if ((intent == Intent.UNKNOWN || intent == Intent.OUT_OF_SCOPE) && !learnt && !answersStage(state, turn)) {
			return misunderstood(state, turn, draft);
		}
		state.understood();
		return stuckOr(state, turn, flows.get(state.task()).next(state, turn, draft));
	}

	private Draft withoutTask(DialogueState state, Turn turn, Draft draft) {
		switch (turn.intent()) {
			case GREETING -> {
				state.understood();
				return draft.say("greeting", turn.clinic().profile().name()).options(Menu.options(draft));
			}
			case THANKS -> {
				state.understood();
				return draft.say("thanks.anything-else");
			}
			case QUESTION -> {
				state.understood();
				return questions.next(state, turn, draft);
			}
			case CONFIRM, DENY -> {
				return draft.say("what-can-i-do").options(Menu.options(draft));
			}
			case EMERGENCY -> {
				return draft;
			}
			default -> {
				if (turn.intent() != Intent.OUT_OF_SCOPE && asksSomething(turn)) {
					// a question the classifier did not read as one ("do you have wifi in
					// the
					// waiting room"): answered, or honestly not, and handed over; the
					// weather
					// is declined with what the assistant can do
					state.understood();
					return questions.next(state, turn, draft);
				}
				if (turn.learnt()) {
					state.understood();
					return draft.say("learnt.what-next").options(Menu.options(draft));
				}
				return misunderstood(state, turn, draft);
			}
		}
	}

	/**
	 * A message not understood: perhaps a question the classifier missed; else say so and
	 * ask again, rephrased with an example; the next time, staff take over.
	 */
	private Draft misunderstood(DialogueState state, Turn turn, Draft draft) {
		Optional<?> answered = questions.answer(turn);
		if (answered.isPresent()) {
			state.understood();
			questions.next(state, turn.movedOn(), draft);
			prompts.repeat(state, turn, draft);
			return draft.options(state.options());
		}
		if (state.task() != null && state.stage() != null) {
			draft.say("misunderstood");
			prompts.ask(state.stage(), state, turn, draft);
			return stuckOr(state, turn, draft.options(state.options()));
		}
		state.misunderstood();
		if (state.misunderstandings() >= properties.misunderstandingsBeforeHandoff()) {
			state.understood();
			return stuck(turn, new Draft(draft.wording(), draft.locale()), "what-can-i-do");
		}
		return draft.say(state.misunderstandings() > 1 ? "misunderstood.again" : "misunderstood")
			.say(state.misunderstandings() > 1 ? "what-can-i-do" : "misunderstood.menu")
			.options(Menu.options(draft));
	}

	/** The same question a third time in a row: staff take over instead. */
	private Draft stuckOr(DialogueState state, Turn turn, Draft draft) {
		if (state.askedAgain() < 2 || state.stage() == null) {
			return draft;
		}
		String asked = state.stage().awaiting();
		slots.release(state);
		state.finishTask();
		return stuck(turn, new Draft(draft.wording(), draft.locale()), asked);
	}

	private static Draft stuck(Turn turn, Draft draft, String asked) {
		return draft.say("stuck", turn.clinic().profile().phone())
			.handoff(HandoffReason.STUCK, draft.wording().forStaff("handoff.stuck", asked));
	}

	private void start(DialogueState state, Intent task) {
		if (state.task() != null) {
			slots.release(state);
		}
		state.startTask(task);
	}

	private static boolean looksAsked(Turn turn) {
		return turn.text().contains("?") || turn.understanding().asks();
	}

	/** A question of a few words or more, in English, before any task. */
	private static boolean asksSomething(Turn turn) {
		return looksAsked(turn) && "en".equals(turn.locale().getLanguage())
				&& turn.text().strip().split("\\s+").length >= 3;
	}

	private static boolean answersStage(DialogueState state, Turn turn) {
		Entities entities = turn.entities();
		if (state.stage() == Stage.APPOINTMENT) {
			return entities.when() != null || entities.choice() != null || entities.serviceId() != null;
		}
		return state.stage() == Stage.CONFIRM && (turn.intent() == Intent.CONFIRM || turn.intent() == Intent.DENY);
	}

	private static String emergencyLine(ClinicSnapshot clinic) {
		String phone = clinic.profile().emergencyPhone();
		return phone == null ? clinic.profile().phone() : phone;
	}

	private static Optional<ServiceInfo> emergencyService(ClinicSnapshot clinic) {
		return clinic.services()
			.stream()
			.filter(ServiceInfo::active)
			.filter(service -> (service.id() + " " + service.name()).toLowerCase(Locale.ROOT).contains("emergency"))
			.findFirst();
	}

}
