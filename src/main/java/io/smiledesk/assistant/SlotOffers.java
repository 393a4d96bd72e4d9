package io.smiledesk.assistant;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.assistant.DialogueState.Offer;
import io.smiledesk.assistant.DialogueState.Option;
import io.smiledesk.assistant.DialogueState.Stage;
import io.smiledesk.assistant.DialogueState.Wanted;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Appointments;
import io.smiledesk.scheduling.Availability;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.scheduling.Slot;

import org.springframework.stereotype.Component;

/**
 * Free times for the booking and the rescheduling flows: offers 3-5 spread over the
 * wanted window (or the nearest ones when the window has none), and holds the one the
 * patient picks or named. The appointment being moved counts as free for its new time.
 */
@Component
class SlotOffers {

	static final DateTimeFormatter VALUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

	private final Availability availability;

	private final Booking booking;

	private final Appointments appointments;

	private final AssistantProperties properties;

	SlotOffers(Availability availability, Booking booking, Appointments appointments, AssistantProperties properties) {
		this.availability = availability;
		this.booking = booking;
		this.appointments = appointments;
		this.properties = properties;
	}

	/** Gives back the held time, if any. */
	void release(DialogueState state) {
		if (state.holdId() != null) {
			booking.releaseHold(state.holdId());
		}
		state.released();
	}

	/**
	 * Holds the time the patient picked or named, or offers some; empty once a time is
	 * held.
	 */
	Optional<Draft> chooseOrOffer(DialogueState state, Turn turn, Draft draft, Optional<String> provider) {
		ClinicSnapshot clinic = turn.clinic();
		Optional<ServiceInfo> known = clinic.serviceById(state.serviceId());
		if (known.isEmpty()) {
			state.finishTask();
			return Optional.of(serviceGone(draft));
		}
		Optional<Offer> picked = state.stage() == Stage.SLOT ? picked(state, turn) : Optional.empty();
		Wanted wanted = state.wanted();
		if (picked.isEmpty() && wanted.exact() != null) {
			Instant start = wanted.exact().atZone(turn.zone()).toInstant();
			picked = state.offers()
				.stream()
				.filter(offer -> offer.start().equals(start))
				.findFirst()
				.or(() -> Optional.of(new Offer(start, provider.orElse(null))));
		}
		if (picked.isEmpty()) {
			return Optional.of(offer(state, turn, draft, List.of(), provider));
		}
		Offer offer = picked.get();
		Booking.Outcome held = booking.hold(known.get().id(), offer.start(),
				Optional.ofNullable(offer.providerId()).or(() -> provider), state.moving());
		if (held instanceof Booking.Rejected && provider.isPresent() && state.providerId() == null
				&& !state.offers().contains(offer)) {
			// the current appointment's dentist was only a preference: the named time
			// matters more
			held = booking.hold(known.get().id(), offer.start(), Optional.empty(), state.moving());
		}
		if (held instanceof Booking.Held hold) {
			state.held(new Offer(hold.hold().start(), hold.hold().providerId()), hold.hold().holdId());
			return Optional.empty();
		}
		Booking.Rejected rejected = (Booking.Rejected) held;
		state.exactTried();
		if (state.offers().contains(offer)) {
			draft.say("slots.just-taken");
		}
		else {
			draft.say("slots.unavailable", draft.wording().when(draft.locale(), offer.start(), turn.zone()),
					rejected.message().replaceAll("\\.$", "").toLowerCase(Locale.ROOT));
		}
		state.decline(offer.start());
		return Optional.of(offer(state, turn, draft, rejected.alternatives(), provider));
	}

	/** Offers free times in the wanted window, or the nearest ones when it has none. */
	Draft offer(DialogueState state, Turn turn, Draft draft, List<Slot> suggested, Optional<String> provider) {
		ClinicSnapshot clinic = turn.clinic();
		ServiceInfo service = clinic.serviceById(state.serviceId()).orElse(null);
		if (service == null) {
			state.finishTask();
			return serviceGone(draft);
		}
		List<Slot> candidates = free(state, turn, service, provider);
		if (candidates.isEmpty() && provider.isPresent() && state.providerId() == null) {
			// the current appointment's dentist was only a preference: the day matters
			// more
			provider = Optional.empty();
			candidates = free(state, turn, service, provider);
		}
		boolean inWindow = !candidates.isEmpty();
		if (!inWindow) {
			candidates = (suggested.isEmpty() ? nearest(state, turn, service, provider) : suggested).stream()
				.filter(slot -> !state.declined(slot.start()))
				.toList();
		}
		List<Offer> offers = spread(candidates, turn).stream()
			.map(slot -> new Offer(slot.start(), slot.providerId()))
			.toList();
		state.offered(offers);
		Wording wording = draft.wording();
		Locale locale = draft.locale();
		String serviceName = wording.aService(locale, service.id(), clinic);
		if (offers.isEmpty()) {
			state.finishTask();
			return draft.say("slots.nothing", serviceName)
				.handoff(HandoffReason.NO_FREE_TIME, wording.forStaff("handoff.no_free_time", service.name()));
		}
		state.ask(Stage.SLOT, true);
		String with = provider.map(id -> wording.text(locale, "provider.with", wording.provider(locale, id, clinic)))
			.orElse("");
		String intro = inWindow ? wording.text(locale, "slots.intro", serviceName, with)
				: wording.text(locale, "slots.intro.nearest", window(state.wanted(), draft), with);
		List<Option> options = new ArrayList<>();
		StringBuilder list = new StringBuilder(intro);
		for (int i = 0; i < offers.size(); i++) {
			Offer offer = offers.get(i);
			String label = wording.text(locale, "slots.label", wording.shortWhen(locale, offer.start(), turn.zone()),
					wording.provider(locale, offer.providerId(), clinic));
			list.append(i == 0 ? " " : "; ").append(i + 1).append(") ").append(label);
			options.add(new Option(label, turn.local(offer.start()).format(VALUE)));
		}
		return draft.sayAsWritten(list + ". " + wording.text(locale, "slots.which")).options(options);
	}

	/**
	 * Offers the free times before {@code first} (in the same part of the day), for
	 * "anything sooner?"; empty when there are none.
	 */
	Optional<Draft> sooner(DialogueState state, Turn turn, Draft draft, Optional<String> provider, Instant first) {
		Optional<ServiceInfo> service = turn.clinic().serviceById(state.serviceId());
		if (service.isEmpty()) {
			return Optional.empty();
		}
		Wanted current = state.wanted();
		Wanted before = new Wanted(turn.localNow(), turn.local(first), null, current.dayFrom(), current.dayTo());
		if (free(state, before, turn, service.get(), provider).isEmpty()) {
			return Optional.empty();
		}
		state.prefer(before);
		return Optional.of(offer(state, turn, draft, List.of(), provider));
	}

	/** The offer picked by number, by ordinal, by the option's text, or by its time. */
	Optional<Offer> picked(DialogueState state, Turn turn) {
		List<Offer> offers = state.offers();
		if (offers.isEmpty()) {
			return Optional.empty();
		}
		String typed = turn.text().trim();
		List<Option> options = state.options();
		for (int i = 0; i < options.size() && i < offers.size(); i++) {
			if (options.get(i).value().equals(typed) || options.get(i).label().equalsIgnoreCase(typed)) {
				return Optional.of(offers.get(i));
			}
		}
		Integer choice = turn.entities().choice();
		if (choice != null) {
			int index = choice == -1 ? offers.size() - 1 : choice - 1;
			return index >= 0 && index < offers.size() ? Optional.of(offers.get(index)) : Optional.empty();
		}
		return TimePreference.pickAmong(offers, turn, state.wanted());
	}

	private Draft serviceGone(Draft draft) {
		return draft.say("book.service-gone")
			.handoff(HandoffReason.SERVICE_UNAVAILABLE, draft.wording().forStaff("handoff.service_unavailable"));
	}

	private String window(Wanted wanted, Draft draft) {
		Wording wording = draft.wording();
		Locale locale = draft.locale();
		if (wanted.from() == null) {
			return wording.text(locale, "slots.window.soon");
		}
		if (wanted.to() == null) {
			return wording.text(locale, "slots.window.from", wording.day(locale, wanted.from()));
		}
		LocalDate last = wanted.to().minusNanos(1).toLocalDate();
		if (last.equals(wanted.from().toLocalDate())) {
			return wanted.exact() != null
					? wording.text(locale, "slots.window.day-at", wording.day(locale, wanted.from()),
							wording.time(locale, wanted.exact()))
					: wording.text(locale, "slots.window.day", wording.day(locale, wanted.from()));
		}
		return wording.text(locale, "slots.window.days", wording.day(locale, wanted.from()),
				wording.day(locale, last.atStartOfDay()));
	}

	private List<Slot> free(DialogueState state, Turn turn, ServiceInfo service, Optional<String> provider) {
		return free(state, state.wanted(), turn, service, provider);
	}

	private List<Slot> free(DialogueState state, Wanted wanted, Turn turn, ServiceInfo service,
			Optional<String> provider) {
		LocalDateTime now = turn.localNow();
		LocalDateTime from = wanted.from() == null || wanted.from().isBefore(now) ? now : wanted.from();
		LocalDateTime to = wanted.to() == null ? now.toLocalDate().plusDays(properties.searchDays()).atStartOfDay()
				: wanted.to();
		if (!from.isBefore(to)) {
			return List.of();
		}
		LocalDate lastDay = to.minusNanos(1).toLocalDate();
		List<Slot> slots = availability.slots(service, from.toLocalDate(), lastDay, provider, state.moving());
		ZoneId zone = turn.zone();
		Instant start = from.atZone(zone).toInstant();
		Instant end = to.atZone(zone).toInstant();
		return unique(withoutCurrentTime(state, slots).stream()
			.filter(slot -> !slot.start().isBefore(start) && slot.start().isBefore(end))
			.filter(slot -> wanted.fitsDay(turn.local(slot.start()).toLocalTime()))
			.filter(slot -> !state.declined(slot.start()))
			.toList());
	}

	private List<Slot> nearest(DialogueState state, Turn turn, ServiceInfo service, Optional<String> provider) {
		Wanted wanted = state.wanted();
		Instant around = wanted.from() == null || wanted.from().isBefore(turn.localNow()) ? turn.now()
				: wanted.from().atZone(turn.zone()).toInstant();
		List<Slot> nearest = withoutCurrentTime(state,
				availability.nearest(service, around, provider, properties.offers() + 4, state.moving()));
		if (nearest.isEmpty() && provider.isPresent()) {
			nearest = withoutCurrentTime(state,
					availability.nearest(service, around, Optional.empty(), properties.offers() + 4, state.moving()));
		}
		return nearest;
	}

	/** Slots other than the one the appointment being moved has now. */
	private List<Slot> withoutCurrentTime(DialogueState state, List<Slot> slots) {
		UUID moving = state.moving();
		Optional<AppointmentView> current = moving == null ? Optional.empty() : appointments.find(moving);
		if (current.isEmpty()) {
			return slots;
		}
		AppointmentView booked = current.get();
		return slots.stream()
			.filter(slot -> !(slot.start().equals(booked.start()) && slot.providerId().equals(booked.providerId())))
			.toList();
	}

	/** One slot per start time, earliest first. */
	private static List<Slot> unique(List<Slot> slots) {
		Map<Instant, Slot> byStart = new LinkedHashMap<>();
		slots.stream()
			.sorted(Comparator.comparing(Slot::start))
			.forEach(slot -> byStart.putIfAbsent(slot.start(), slot));
		return new ArrayList<>(byStart.values());
	}

	/**
	 * A few times spread over the window (at most two a day, hours apart) rather than
	 * nine, nine fifteen and nine thirty.
	 */
	private List<Slot> spread(List<Slot> candidates, Turn turn) {
		List<Slot> sorted = unique(candidates);
		List<Slot> picked = new ArrayList<>();
		for (Slot slot : sorted) {
			if (picked.size() == properties.offers()) {
				break;
			}
			LocalDate day = turn.local(slot.start()).toLocalDate();
			long sameDay = picked.stream().filter(other -> turn.local(other.start()).toLocalDate().equals(day)).count();
			boolean apart = picked.stream()
				.allMatch(other -> Math.abs(Duration.between(other.start(), slot.start()).toMinutes()) >= 120);
			if (sameDay < 2 && apart) {
				picked.add(slot);
			}
		}
		for (Slot slot : sorted) {
			if (picked.size() >= Math.min(properties.offers(), sorted.size())) {
				break;
			}
			if (!picked.contains(slot)) {
				picked.add(slot);
			}
		}
		picked.sort(Comparator.comparing(Slot::start));
		return picked;
	}

}
