package io.smiledesk.assistant;

import java.util.Optional;
import java.util.UUID;

import io.smiledesk.assistant.DialogueState.Offer;
import io.smiledesk.assistant.DialogueState.Option;
import io.smiledesk.assistant.DialogueState.Stage;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.conversation.ConversationChannel;
import io.smiledesk.patient.Channel;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.scheduling.CreatedFrom;
import io.smiledesk.scheduling.Unavailability;
import io.smiledesk.understanding.Intent;

import org.springframework.stereotype.Component;

/**
 * Booking: the service, a time (offered, picked and held), the patient's name and a way
 * to reach them, then "Shall I book ...?" and the booking through {@link Booking}, the
 * same service the REST API uses.
 */
@Component
class BookingFlow implements Flow {

	private final Booking booking;

	private final SlotOffers slots;

	private final Prompts prompts;

	private final WaitlistJoining waitlist;

	BookingFlow(Booking booking, SlotOffers slots, Prompts prompts, WaitlistJoining waitlist) {
		this.booking = booking;
		this.slots = slots;
		this.prompts = prompts;
		this.waitlist = waitlist;
	}

	@Override
	public Intent task() {
		return Intent.BOOK;
	}

	@Override
	public Draft next(DialogueState state, Turn turn, Draft draft) {
		ClinicSnapshot clinic = turn.clinic();
		if (state.serviceId() == null || clinic.serviceById(state.serviceId()).isEmpty()) {
			return prompts.ask(Stage.SERVICE, state, turn, draft)
				.options(clinic.services()
					.stream()
					.filter(ServiceInfo::active)
					.map(service -> new Option(draft.wording().service(draft.locale(), service.id(), clinic),
							service.name()))
					.toList());
		}
		if (state.heldForStaff(state.serviceId())) {
			String service = draft.wording().service(draft.locale(), state.serviceId(), clinic);
			slots.release(state);
			state.finishTask();
			return draft.say("risk.held-service.refused", service);
		}
		if (state.wantsWaitlist()) {
			return waitlist.join(state, turn, draft);
		}
		Intent intent = turn.intent();
		if (state.stage() == Stage.CONFIRM && state.chosen() != null) {
			if (intent == Intent.CONFIRM) {
				return confirm(state, turn, draft);
			}
			if (intent == Intent.DENY) {
				return decline(state, draft, "slots.declined");
			}
		}
		if (state.stage() == Stage.SLOT && intent == Intent.DENY) {
			state.declineOffers();
			state.ask(Stage.WHEN, true);
			return draft.say("slots.none-suit");
		}
		if (state.chosen() == null) {
			Optional<Draft> offered = slots.chooseOrOffer(state, turn, draft, Optional.ofNullable(state.providerId()));
			if (offered.isPresent()) {
				return offered.get();
			}
		}
		if (state.name() == null) {
			return prompts.ask(Stage.NAME, state, turn, draft);
		}
		if (!state.hasContact()) {
			return prompts.ask(Stage.CONTACT, state, turn, draft);
		}
		return prompts.ask(Stage.CONFIRM, state, turn, draft).options(Menu.yesNo(draft));
	}

	/** A no to the time held: it goes back, and another day or time is asked for. */
	Draft decline(DialogueState state, Draft draft, String key) {
		if (state.chosen() != null) {
			state.decline(state.chosen().start());
		}
		slots.release(state);
		state.ask(Stage.WHEN, true);
		return draft.say(key);
	}

	private Draft confirm(DialogueState state, Turn turn, Draft draft) {
		Offer chosen = state.chosen();
		Booking.Outcome outcome = booking.book(new Booking.BookRequest(state.name(), state.email(), state.phone(),
				state.dateOfBirth(), preferredChannel(turn.channel(), state), state.serviceId(), chosen.start(),
				Optional.of(chosen.providerId()), Optional.empty(), null, CreatedFrom.CHAT, null, state.holdId(), null,
				null, state.language()));
		if (outcome instanceof Booking.Done done) {
			draft.changed(done.appointment(), "booked")
				.say("book.booked", Prompts.describe(done.appointment(), turn.clinic(), draft));
			state.released();
			state.finishTask();
			return draft;
		}
		Booking.Rejected rejected = (Booking.Rejected) outcome;
		UUID hold = state.holdId();
		state.released();
		if (rejected.reason() instanceof Unavailability) {
			state.decline(chosen.start());
			return slots.offer(state, turn, draft.say("book.taken"), rejected.alternatives(),
					Optional.ofNullable(state.providerId()));
		}
		booking.releaseHold(hold);
		state.finishTask();
		// the refusal's own text could tell whether an email belongs to a patient
		return draft.say("book.refused")
			.handoff(HandoffReason.BOOKING_REFUSED,
					draft.wording().forStaff("handoff.booking_refused", rejected.reason().code()));
	}

	private static Channel preferredChannel(ConversationChannel channel, DialogueState state) {
		if (channel == ConversationChannel.WHATSAPP && state.phone() != null) {
			return Channel.WHATSAPP;
		}
		return state.email() == null || channel == ConversationChannel.SMS ? Channel.SMS : Channel.EMAIL;
	}

}
