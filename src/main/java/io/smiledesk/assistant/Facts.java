package io.smiledesk.assistant;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.smiledesk.assistant.DialogueState.Stage;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.Appointments;
import io.smiledesk.system.InvalidInputException;
import io.smiledesk.understanding.Entities;
import io.smiledesk.understanding.EntityExtractor;
import io.smiledesk.understanding.MessageContext;
import io.smiledesk.understanding.TimeExpression;
import io.smiledesk.understanding.Intent;

import org.springframework.stereotype.Component;

/**
 * Takes what a message says into the state. The understanding only proposes; the facts
 * that fit the clinic and the task are kept, and refinements change only what they name
 * ({@link TimePreference}).
 */
@Component
class Facts {

	private final Patients patients;

	private final Appointments appointments;

	private final SlotOffers slots;

	private final EntityExtractor extractor;

	Facts(Patients patients, Appointments appointments, SlotOffers slots, EntityExtractor extractor) {
		this.patients = patients;
		this.appointments = appointments;
		this.slots = slots;
		this.extractor = extractor;
	}

	/**
	 * @return whether something new was learnt
	 */
	boolean merge(DialogueState state, Turn turn, Draft draft) {
		Entities entities = turn.entities();
		ClinicSnapshot clinic = turn.clinic();
		boolean learnt = false;
		boolean changing = state.task() == Intent.RESCHEDULE || state.task() == Intent.CANCEL;
		if (entities.serviceId() != null && !changing && clinic.serviceById(entities.serviceId()).isPresent()
				&& !entities.serviceId().equals(state.serviceId())) {
			keepHeldTime(state, turn);
			slots.release(state);
			learnt |= state.chooseService(entities.serviceId());
		}
		if (entities.providerId() != null && clinic.provider(entities.providerId()).isPresent()
				&& !entities.providerId().equals(state.providerId())) {
			// "I'd rather see Dr. Patel, same time": another provider keeps the time held
			keepHeldTime(state, turn);
			slots.release(state);
			learnt |= state.chooseProvider(entities.providerId());
		}
		if (entities.name() != null && !entities.name().isBlank()) {
			learnt |= state.named(entities.name().trim());
		}
		if (entities.email() != null || entities.phone() != null) {
			learnt = true;
			try {
				Patients.Contact contact = patients.contact(entities.email(), entities.phone());
				state.contact(contact.email(), contact.phone());
			}
			catch (InvalidInputException ex) {
				draft.say("phone".equals(ex.field()) ? "contact.invalid-phone" : "contact.invalid-email");
			}
		}
		if (entities.dateOfBirth() != null) {
			state.born(entities.dateOfBirth());
			learnt = true;
		}
		// picking one of the offers ("2", "the 9:30 one") is not a new time preference
		boolean picksOffer = state.stage() == Stage.SLOT && slots.picked(state, turn).isPresent();
		if (picksOffer
				|| entities.choice() != null && (state.stage() == Stage.SLOT || state.stage() == Stage.APPOINTMENT)) {
			learnt = true;
		}
		else if (state.task() == Intent.RESCHEDULE && state.moving() == null
				&& (entities.when() != null || TimePreference.shifts(turn.text()))) {
			// "an hour later" or "the morning" of an appointment not yet known: kept for
			// when it is
			state.pendTime(turn.text());
		}
		else if (state.stage() != Stage.APPOINTMENT) {
			learnt |= prefer(state, turn, entities.when(), entities.named(), turn.text());
		}
		return learnt;
	}

	/** Applies a time asked for before the appointment being moved was known. */
	void resolvePending(DialogueState state, Turn turn) {
		String pending = state.pendingTime();
		if (pending == null || state.moving() == null) {
			return;
		}
		state.pendTime(null);
		MessageContext context = new MessageContext(turn.localNow(), turn.clinic(), null, List.of(),
				turn.locale().getLanguage(), anchor(state, turn.zone()));
		Entities said = extractor.extract(pending, context);
		prefer(state, turn, said.when(), said.named(), pending);
	}

	private boolean prefer(DialogueState state, Turn turn, TimeExpression when, Entities.Named named, String text) {
		Optional<DialogueState.Wanted> wanted = TimePreference.refine(baseline(state, turn), when, named, text,
				anchor(state, turn.zone()));
		if (wanted.isEmpty() || wanted.get().equals(state.wanted())) {
			return false;
		}
		if (state.chosen() != null && state.holdId() != null
				&& keeps(wanted.get(), turn.local(state.chosen().start()))) {
			// "la de las 9" while 9:00 is held: said again, nothing changes
			return false;
		}
		slots.release(state);
		return state.prefer(wanted.get());
	}

	/**
	 * A filling instead of the cleaning held on Thursday at 9:00 (or another provider):
	 * the time is kept, unless the message names another.
	 */
	private static void keepHeldTime(DialogueState state, Turn turn) {
		if (state.chosen() == null || state.wanted().exact() != null || turn.entities().when() != null) {
			return;
		}
		LocalDateTime held = turn.local(state.chosen().start());
		LocalDate day = held.toLocalDate();
		state.prefer(new DialogueState.Wanted(day.atStartOfDay(), day.plusDays(1).atStartOfDay(), held));
	}

	/** Whether the time held already is what the wanted time asks for. */
	static boolean keeps(DialogueState.Wanted wanted, LocalDateTime held) {
		if (wanted.exact() != null) {
			return wanted.exact().equals(held);
		}
		return wanted.from() != null && wanted.to() != null && !held.isBefore(wanted.from())
				&& held.isBefore(wanted.to()) && wanted.fitsDay(held.toLocalTime());
	}

	/**
	 * What a refinement refines: the wanted time, or, for an appointment being moved and
	 * no new time yet, its own day (the same day, but in the morning, say).
	 */
	private DialogueState.Wanted baseline(DialogueState state, Turn turn) {
		DialogueState.Wanted wanted = state.wanted();
		if (state.chosen() != null && wanted.exact() == null && wanted.dayFrom() == null && wanted.oneDay()
				&& wanted.from().toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
				&& wanted.to().toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
			// "tomorrow at 10", held, then "make it the week after": the time held is the
			// time to keep
			return new DialogueState.Wanted(wanted.from(), wanted.to(), turn.local(state.chosen().start()));
		}
		if (wanted.from() != null || state.moving() == null) {
			return wanted;
		}
		return appointments.find(state.moving()).map(current -> {
			LocalDate day = turn.local(current.start()).toLocalDate();
			return new DialogueState.Wanted(day.atStartOfDay(), day.plusDays(1).atStartOfDay(), null);
		}).orElse(wanted);
	}

	/**
	 * The time a shift ("an hour later") moves from: the time held, asked for or first
	 * offered, else the appointment being moved.
	 */
	LocalDateTime anchor(DialogueState state, ZoneId zone) {
		if (state.moving() != null && state.wanted().from() == null) {
			// "an hour later" of the appointment itself, until another day is asked for
			Optional<LocalDateTime> current = appointments.find(state.moving())
				.map(found -> LocalDateTime.ofInstant(found.start(), zone));
			if (current.isPresent()) {
				return current.get();
			}
		}
		if (state.chosen() != null) {
			return LocalDateTime.ofInstant(state.chosen().start(), zone);
		}
		if (state.wanted().exact() != null) {
			return state.wanted().exact();
		}
		if (state.triedExact() != null) {
			// "Tuesday then, same time" after the Monday at 10 asked for was closed
			return state.triedExact();
		}
		if (!state.offers().isEmpty()) {
			return LocalDateTime.ofInstant(state.offers().get(0).start(), zone);
		}
		if (state.wanted().from() != null) {
			return state.wanted().from();
		}
		return state.moving() == null ? null
				: appointments.find(state.moving())
					.map(found -> LocalDateTime.ofInstant(found.start(), zone))
					.orElse(null);
	}

}
