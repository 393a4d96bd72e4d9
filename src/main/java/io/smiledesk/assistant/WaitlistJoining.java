package io.smiledesk.assistant;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.smiledesk.assistant.DialogueState.Offer;
import io.smiledesk.assistant.DialogueState.Option;
import io.smiledesk.assistant.DialogueState.Stage;
import io.smiledesk.assistant.DialogueState.Wanted;
import io.smiledesk.patient.PatientId;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Appointments;
import io.smiledesk.waitlist.PartOfDay;
import io.smiledesk.waitlist.Waitlist;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The waitlist from the booking flow: "anything sooner?" gets earlier free times when
 * there are some, else a place on the waitlist; a patient who asks for the waitlist is
 * put on it for the service, before the earliest time offered (if any) and in the part of
 * the day wanted, once their name and a contact are known. The waitlist then offers freed
 * times on its own.
 */
@Component
class WaitlistJoining {

	private final Waitlist waitlist;

	private final SlotOffers slots;

	private final Prompts prompts;

	private final Appointments appointments;

	// lazy: the waitlist sends through the channels, which answer through this assistant
	WaitlistJoining(@Lazy Waitlist waitlist, SlotOffers slots, Prompts prompts, Appointments appointments) {
		this.appointments = appointments;
		this.waitlist = waitlist;
		this.slots = slots;
		this.prompts = prompts;
	}

	/**
	 * Earlier free times, or the offer of a place on the waitlist beside the times shown.
	 */
	Draft sooner(DialogueState state, Turn turn, Draft draft, Optional<String> provider) {
		Optional<Instant> first = firstOffered(state);
		slots.release(state);
		Optional<Draft> earlier = first.flatMap(start -> slots.sooner(state, turn, draft, provider, start));
		if (earlier.isPresent()) {
			return earlier.get();
		}
		Locale locale = draft.locale();
		List<Option> options = new ArrayList<>(state.options());
		options.removeIf(option -> WaitlistWords.join(option.value()));
		options.add(new Option(draft.wording().text(locale, "waitlist.offer.label"),
				draft.wording().text(locale, "waitlist.offer.value")));
		state.ask(Stage.SLOT, true);
		return draft.say("waitlist.soonest", draft.wording().aService(locale, state.serviceId(), turn.clinic()))
			.options(options);
	}

	/** Joins once the patient's name and a contact are known; asks for them before. */
	Draft join(DialogueState state, Turn turn, Draft draft) {
		if (state.name() == null) {
			return prompts.ask(Stage.NAME, state, turn, draft);
		}
		if (!state.hasContact()) {
			return prompts.ask(Stage.CONTACT, state, turn, draft);
		}
		Optional<LocalDate> before = firstOffered(state).map(start -> turn.local(start).toLocalDate());
		Wanted wanted = state.wanted();
		// "mornings only" reads as this morning: for a list that lasts weeks, a part of
		// today alone is a part of every day
		boolean todayOnly = wanted.oneDay() && wanted.from().toLocalDate().equals(turn.localNow().toLocalDate());
		LocalDate earliest = wanted.from() == null || todayOnly ? null : wanted.from().toLocalDate();
		LocalDate latest = before
			.orElse(wanted.to() == null || todayOnly ? null : wanted.to().minusNanos(1).toLocalDate());
		if (earliest != null && latest != null && latest.isBefore(earliest)) {
			earliest = null;
		}
		Waitlist.Outcome outcome = waitlist.joinFromChat(
				new Waitlist.Contact(state.name(), state.email(), state.phone()),
				new Waitlist.Wish(state.serviceId(), earliest, latest, parts(wanted), null, null));
		Locale locale = draft.locale();
		String service = draft.wording().aService(locale, state.serviceId(), turn.clinic());
		slots.release(state);
		state.finishTask();
		if (outcome instanceof Waitlist.Outcome.Joined joined) {
			String until = latest == null ? "" : draft.wording()
				.text(locale, "waitlist.until", draft.wording().day(locale, latest.atStartOfDay()));
			return draft.say(joined.existing() ? "waitlist.already" : "waitlist.joined", service, until);
		}
		return draft.say("waitlist.refused", turn.clinic().profile().phone());
	}

	/**
	 * A reply to a reminder asking for the waitlist: the patient waits for a time before
	 * the visit the reminder was about, which stays booked until they take one.
	 */
	Draft moveEarlier(DialogueState state, Turn turn, Draft draft) {
		Locale locale = draft.locale();
		Optional<AppointmentView> visit = appointments.find(turn.knownAppointment());
		if (visit.isEmpty()) {
			return draft.say("waitlist.refused", turn.clinic().profile().phone());
		}
		AppointmentView appointment = visit.get();
		Waitlist.Outcome outcome = waitlist.join(new PatientId(state.verifiedPatientId()),
				new Waitlist.Wish(appointment.serviceId(), null, turn.local(appointment.start()).toLocalDate(),
						Set.of(), appointment.id(), null),
				true);
		if (outcome instanceof Waitlist.Outcome.Joined) {
			return draft.say("waitlist.earlier", draft.wording().when(locale, appointment.start(), turn.zone()));
		}
		return draft.say("waitlist.refused", turn.clinic().profile().phone());
	}

	private static Optional<Instant> firstOffered(DialogueState state) {
		List<Offer> offered = new ArrayList<>(state.offers());
		if (state.chosen() != null) {
			offered.add(state.chosen());
		}
		return offered.stream().map(Offer::start).min(Comparator.naturalOrder());
	}

	/**
	 * The parts of the day the wanted time covers; empty (any) when it does not narrow
	 * the day.
	 */
	static Set<PartOfDay> parts(Wanted wanted) {
		LocalTime from = wanted.dayFrom();
		LocalTime to = wanted.dayTo();
		if (from == null && wanted.oneDay()) {
			LocalDateTime start = wanted.exact() != null ? wanted.exact() : wanted.from();
			from = start.toLocalTime();
			to = wanted.exact() != null ? from.plusMinutes(1) : wanted.to().toLocalTime();
		}
		if (from == null || to == null || (from.equals(LocalTime.MIDNIGHT) && to.equals(LocalTime.MIDNIGHT))) {
			return Set.of();
		}
		LocalTime end = to.equals(LocalTime.MIDNIGHT) ? LocalTime.MAX : to;
		Set<PartOfDay> parts = EnumSet.noneOf(PartOfDay.class);
		if (from.isBefore(LocalTime.NOON)) {
			parts.add(PartOfDay.MORNING);
		}
		if (from.isBefore(LocalTime.of(17, 0)) && end.isAfter(LocalTime.NOON)) {
			parts.add(PartOfDay.AFTERNOON);
		}
		if (end.isAfter(LocalTime.of(17, 0))) {
			parts.add(PartOfDay.EVENING);
		}
		return parts.size() == PartOfDay.values().length ? Set.of() : parts;
	}

}
