package io.smiledesk.assistant;

import java.util.Optional;

import io.smiledesk.assistant.DialogueState.Stage;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Appointments;
import io.smiledesk.understanding.Intent;

import org.springframework.stereotype.Component;

/**
 * The question for each stage. Asked a second time without an answer, the question is
 * rephrased with an example of what is expected; the dialogue hands over rather than ask
 * a third time.
 */
@Component
class Prompts {

	private final Appointments appointments;

	Prompts(Appointments appointments) {
		this.appointments = appointments;
	}

	/** Asks for {@code stage}: records it in the state and says it. */
	Draft ask(Stage stage, DialogueState state, Turn turn, Draft draft) {
		state.ask(stage, stage == state.stage() ? gave(stage, turn) : turn.learnt());
		String key = key(stage, state);
		if (state.askedAgain() == 0) {
			return draft.say(key, args(stage, state, turn, draft));
		}
		if (stage == Stage.CONFIRM) {
			// "please answer yes or no", then the question itself again
			return draft.say("prompt.confirm.again").say(key, args(stage, state, turn, draft));
		}
		return draft.say(key + ".again", args(stage, state, turn, draft));
	}

	/**
	 * Whether the message answered the question asked again: another email is no date of
	 * birth, so asking for it a third time hands over.
	 */
	private static boolean gave(Stage stage, Turn turn) {
		// asked last, the date of birth is all that is missing; before it, any new fact
		// (a phone before the name) moves things on
		return stage == Stage.DOB ? turn.entities().dateOfBirth() != null : turn.learnt();
	}

	/** Repeats the question already asked (after answering something else). */
	Draft repeat(DialogueState state, Turn turn, Draft draft) {
		return state.stage() == null ? draft
				: draft.say(key(state.stage(), state), args(state.stage(), state, turn, draft));
	}

	private String key(Stage stage, DialogueState state) {
		boolean booking = state.task() == Intent.BOOK;
		return switch (stage) {
			case SERVICE -> "prompt.service";
			case WHEN -> "prompt.when";
			case SLOT -> "prompt.slot";
			case NAME -> booking ? "prompt.name.book" : "prompt.name.change";
			case CONTACT -> booking ? "prompt.contact.book" : "prompt.contact.change";
			case DOB -> "prompt.dob";
			case CODE -> "prompt.code";
			case APPOINTMENT -> "prompt.appointment";
			case CONFIRM -> switch (state.task() == null ? Intent.UNKNOWN : state.task()) {
				case BOOK -> state.chosen() == null ? "prompt.slot" : "prompt.confirm.book";
				case RESCHEDULE -> current(state).isPresent() && state.chosen() != null ? "prompt.confirm.reschedule"
						: "prompt.confirm";
				case CANCEL -> current(state).isPresent() ? "prompt.confirm.cancel" : "prompt.confirm";
				default -> "prompt.confirm";
			};
		};
	}

	private Object[] args(Stage stage, DialogueState state, Turn turn, Draft draft) {
		Wording wording = draft.wording();
		ClinicSnapshot clinic = turn.clinic();
		if (stage == Stage.CONTACT && state.task() == Intent.BOOK) {
			return new Object[] { state.name() == null ? "" : ", " + state.name().trim().split("\\s+")[0] };
		}
		if (stage != Stage.CONFIRM || state.task() == null) {
			return new Object[0];
		}
		return switch (state.task()) {
			case BOOK -> state.chosen() == null ? new Object[0]
					: new Object[] { wording.aService(draft.locale(), state.serviceId(), clinic),
							wording.provider(draft.locale(), state.chosen().providerId(), clinic),
							wording.when(draft.locale(), state.chosen().start(), clinic.zone()), state.name() };
			case RESCHEDULE -> current(state).filter(current -> state.chosen() != null)
				.map(current -> new Object[] { wording.service(draft.locale(), current.serviceId(), clinic),
						wording.when(draft.locale(), current.start(), clinic.zone()),
						wording.when(draft.locale(), state.chosen().start(), clinic.zone()),
						wording.provider(draft.locale(), state.chosen().providerId(), clinic) })
				.orElse(new Object[0]);
			case CANCEL ->
				current(state).map(current -> new Object[] { describe(current, clinic, draft) }).orElse(new Object[0]);
			default -> new Object[0];
		};
	}

	private Optional<AppointmentView> current(DialogueState state) {
		return state.appointmentId() == null ? Optional.empty() : appointments.find(state.appointmentId());
	}

	/** The appointment as the patient reads it: service, provider, day and time. */
	static String describe(AppointmentView appointment, ClinicSnapshot clinic, Draft draft) {
		Wording wording = draft.wording();
		return wording.text(draft.locale(), "appointment.described",
				wording.service(draft.locale(), appointment.serviceId(), clinic),
				wording.provider(draft.locale(), appointment.providerId(), clinic),
				wording.when(draft.locale(), appointment.start(), clinic.zone()));
	}

}
