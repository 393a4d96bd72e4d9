package io.smiledesk.assistant;

import java.util.Optional;

import io.smiledesk.assistant.DialogueState.Offer;
import io.smiledesk.assistant.DialogueState.Stage;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.scheduling.Unavailability;
import io.smiledesk.understanding.Intent;

import org.springframework.stereotype.Component;

/**
 * Moving an appointment: who is asking, which appointment, a new time (its own time
 * counts as free, so "half an hour later" can be offered), then "Shall I move ...?". The
 * appointment is moved, never booked again nor cancelled.
 */
@Component
class RescheduleFlow implements Flow {

	static final String VERB = "change.verb.move";

	private final AppointmentChanges changes;

	private final Booking booking;

	private final SlotOffers slots;

	private final BookingFlow bookingFlow;

	private final Prompts prompts;

	private final Facts facts;

	RescheduleFlow(AppointmentChanges changes, Booking booking, SlotOffers slots, BookingFlow bookingFlow,
			Prompts prompts, Facts facts) {
		this.facts = facts;
		this.changes = changes;
		this.booking = booking;
		this.slots = slots;
		this.bookingFlow = bookingFlow;
		this.prompts = prompts;
	}

	@Override
	public Intent task() {
		return Intent.RESCHEDULE;
	}

	@Override
	public Draft next(DialogueState state, Turn turn, Draft draft) {
		Optional<AppointmentView> found = changes.appointment(state, turn, draft, VERB);
		if (found.isEmpty()) {
			return draft;
		}
		AppointmentView current = found.get();
		state.chooseService(current.serviceId());
		facts.resolvePending(state, turn);
		Intent intent = turn.intent();
		if (state.stage() == Stage.SLOT && intent == Intent.DENY) {
			state.declineOffers();
			state.ask(Stage.WHEN, true);
			return draft.say("slots.none-suit");
		}
		if (state.stage() == Stage.CONFIRM && state.chosen() != null) {
			if (intent == Intent.CONFIRM) {
				return move(state, turn, draft, current);
			}
			if (intent == Intent.DENY) {
				return bookingFlow.decline(state, draft, "slots.declined.keep");
			}
		}
		if (state.chosen() == null) {
			Optional<Draft> offered = slots.chooseOrOffer(state, turn, draft,
					Optional.ofNullable(state.providerId()).or(() -> Optional.of(current.providerId())));
			if (offered.isPresent()) {
				return offered.get();
			}
		}
		return prompts.ask(Stage.CONFIRM, state, turn, draft).options(Menu.yesNo(draft));
	}

	private Draft move(DialogueState state, Turn turn, Draft draft, AppointmentView current) {
		Offer chosen = state.chosen();
		slots.release(state);
		Booking.Outcome outcome = booking.reschedule(current.id(), chosen.start(),
				Optional.ofNullable(chosen.providerId()), AppointmentChanges.actor(state));
		if (outcome instanceof Booking.Done done) {
			draft.changed(done.appointment(), "rescheduled")
				.say("reschedule.done", Prompts.describe(done.appointment(), turn.clinic(), draft));
			state.finishTask();
			return draft;
		}
		Booking.Rejected rejected = (Booking.Rejected) outcome;
		if (rejected.reason() instanceof Unavailability) {
			state.decline(chosen.start());
			return slots.offer(state, turn, draft.say("slots.just-taken"), rejected.alternatives(),
					Optional.ofNullable(state.providerId()));
		}
		return changes.refused(state, turn, draft, rejected, VERB);
	}

}
