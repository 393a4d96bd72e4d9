package io.smiledesk.assistant;

import java.util.List;
import java.util.Optional;

import io.smiledesk.assistant.DialogueState.Option;
import io.smiledesk.assistant.DialogueState.Stage;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.understanding.Intent;

import org.springframework.stereotype.Component;

/** Cancelling: who is asking, which appointment, then "Shall I cancel ...?". */
@Component
class CancellationFlow implements Flow {

	static final String VERB = "change.verb.cancel";

	private final AppointmentChanges changes;

	private final Booking booking;

	private final Prompts prompts;

	CancellationFlow(AppointmentChanges changes, Booking booking, Prompts prompts) {
		this.changes = changes;
		this.booking = booking;
		this.prompts = prompts;
	}

	@Override
	public Intent task() {
		return Intent.CANCEL;
	}

	@Override
	public Draft next(DialogueState state, Turn turn, Draft draft) {
		Optional<AppointmentView> found = changes.appointment(state, turn, draft, VERB);
		if (found.isEmpty()) {
			return draft;
		}
		if (state.stage() == Stage.CONFIRM) {
			if (turn.intent() == Intent.CONFIRM) {
				Booking.Outcome outcome = booking.cancel(found.get().id(), "Cancelled by the patient in chat",
						AppointmentChanges.actor(state));
				if (outcome instanceof Booking.Done done) {
					draft.changed(done.appointment(), "cancelled")
						.say("cancel.done", Prompts.describe(done.appointment(), turn.clinic(), draft))
						.options(List.of(new Option(draft.wording().text(draft.locale(), "cancel.book-again.label"),
								Menu.book(draft).value()), Menu.noThanks(draft)));
					state.finishTask();
					state.suggest(Intent.BOOK, null);
					return draft;
				}
				return changes.refused(state, turn, draft, (Booking.Rejected) outcome, VERB);
			}
			if (turn.intent() == Intent.DENY) {
				state.finishTask();
				return draft.say("cancel.kept");
			}
		}
		return prompts.ask(Stage.CONFIRM, state, turn, draft).options(Menu.yesNo(draft));
	}

}
