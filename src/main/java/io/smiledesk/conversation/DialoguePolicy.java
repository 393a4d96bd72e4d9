package io.smiledesk.conversation;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ProviderInfo;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.knowledge.ClinicQuestions;
import io.smiledesk.conversation.DialogueState.Offer;
import io.smiledesk.conversation.DialogueState.Option;
import io.smiledesk.conversation.DialogueState.Stage;
import io.smiledesk.understanding.Entities;
import io.smiledesk.understanding.Intent;
import io.smiledesk.understanding.TimeExpression;
import io.smiledesk.understanding.Understanding;
import io.smiledesk.patient.Channel;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.AppointmentStatus;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Appointments;
import io.smiledesk.scheduling.Availability;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.scheduling.CreatedFrom;
import io.smiledesk.scheduling.Slot;
import io.smiledesk.scheduling.Unavailability;
import io.smiledesk.system.InvalidInputException;

import org.springframework.stereotype.Component;

/**
 * Decides the assistant's next step. Every turn first merges what the message says into
 * the state, then looks at what is still missing for the task in progress (book,
 * reschedule, cancel) and asks for it, or acts through the scheduling services once the
 * patient has confirmed. The policy only proposes; {@link Booking} decides.
 */
@Component
class DialoguePolicy {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE, MMMM d 'at' h:mm a", Locale.US);

	private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("EEE MMM d, h:mm a", Locale.US);

	private static final DateTimeFormatter VALUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

	private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

	private static final List<Option> MENU = List.of(
			new Option("Book an appointment", "I'd like to book an appointment"),
			new Option("Reschedule", "I need to reschedule my appointment"),
			new Option("Cancel", "I want to cancel my appointment"), new Option("Ask a question", "I have a question"));

	private static final EnumSet<AppointmentStatus> OPEN = EnumSet.of(AppointmentStatus.BOOKED,
			AppointmentStatus.CONFIRMED);

	private final Availability availability;

	private final Booking booking;

	private final Appointments appointments;

	private final Patients patients;

	private final List<ClinicQuestions> questions;

	private final OneTimeCodes codes;

	private final AssistantProperties properties;

	DialoguePolicy(Availability availability, Booking booking, Appointments appointments, Patients patients,
			List<ClinicQuestions> questions, OneTimeCodes codes, AssistantProperties properties) {
		this.availability = availability;
		this.booking = booking;
		this.appointments = appointments;
		this.patients = patients;
		this.questions = questions;
		this.codes = codes;
		this.properties = properties;
	}

	/** One patient message in its setting. */
	record Turn(UUID conversationId, ConversationChannel channel, String text, Understanding understanding,
			ClinicSnapshot clinic, Instant now) {

		ZoneId zone() {
			return clinic.zone();
		}

		LocalDateTime localNow() {
			return LocalDateTime.ofInstant(now, clinic.zone());
		}

	}

	/** What the assistant says and does in reply. */
	record Decision(String reply, List<Option> options, AppointmentChange appointment, Handoff handoff, boolean close,
			UUID patientId) {
	}

	/** An appointment booked, moved or cancelled in this turn. */
	record AppointmentChange(AppointmentView appointment, String action) {
	}

	record Handoff(Urgency urgency, String reason) {
	}

	/** The reply being put together. */
	private static final class Reply {

		private final List<String> parts = new ArrayList<>();

		private List<Option> options = List.of();

		private AppointmentChange appointment;

		private Handoff handoff;

		private boolean close;

		private UUID patientId;

		Reply say(String text) {
			parts.add(text);
			return this;
		}

		Reply options(List<Option> options) {
			this.options = List.copyOf(options);
			return this;
		}

		Decision decision(DialogueState state) {
			state.options = new ArrayList<>(options);
			return new Decision(String.join(" ", parts), options, appointment, handoff, close, patientId);
		}

	}

	Decision decide(DialogueState state, Turn turn) {
		Reply reply = new Reply();
		Understanding understanding = turn.understanding();
		Intent intent = pickedOption(state, turn.text()).orElse(understanding.intent());
		Entities entities = understanding.entities();

		if (state.stage == Stage.CODE && CODE.matcher(turn.text()).find()) {
			return checkCode(state, turn, reply);
		}
		intent = inContext(state, intent, entities, turn);
		if (!"en".equals(understanding.language()) && (intent == Intent.UNKNOWN || intent == Intent.OUT_OF_SCOPE)) {
			return handoff(
					reply.say("Sorry, I can only help in English for now. I've asked a member of our team to "
							+ "get back to you here."),
					Urgency.NORMAL, "Message in another language (" + understanding.language() + ")", state);
		}
		switch (intent) {
			case START_OVER -> {
				release(state);
				state.reset();
				return reply.say("Sure, let's start again. What can I do for you?").options(MENU).decision(state);
			}
			case HUMAN -> {
				return handoff(
						reply.say("Of course. I've asked a member of our team to join this conversation; they'll reply "
								+ "here as soon as they can. For anything urgent, call us on "
								+ turn.clinic().profile().phone() + "."),
						Urgency.NORMAL, "The patient asked to talk to a person", state);
			}
			case GOODBYE -> {
				release(state);
				state.finishTask();
				reply.close = true;
				return reply.say("Thank you for contacting " + turn.clinic().profile().name() + ". Goodbye!")
					.decision(state);
			}
			case EMERGENCY -> {
				startTask(state, Intent.BOOK);
				emergencyService(turn.clinic()).ifPresent(service -> state.serviceId = service.id());
				LocalDate today = turn.localNow().toLocalDate();
				state.from = turn.localNow();
				state.to = today.plusDays(2).atStartOfDay();
				state.exact = null;
				reply.say("I'm sorry you're in pain. If you have swelling with a fever, trouble breathing or "
						+ "swallowing, or bleeding that won't stop, call " + emergencyLine(turn.clinic())
						+ " or 911 now.");
			}
			case BOOK, RESCHEDULE -> {
				if (state.task != intent) {
					startTask(state, intent);
				}
			}
			case CANCEL -> {
				if (state.task == Intent.BOOK) {
					release(state);
					state.finishTask();
					return reply
						.say("No problem, I won't book anything. Did you want to cancel an appointment you "
								+ "already have?")
						.options(List.of(new Option("Yes, cancel an appointment", "I want to cancel my appointment"),
								new Option("No", "No thanks")))
						.decision(state);
				}
				if (state.task != Intent.CANCEL) {
					startTask(state, Intent.CANCEL);
				}
			}
			default -> {
			}
		}

		boolean learnt = merge(state, entities, turn, reply);
		if (intent == Intent.UNKNOWN && state.task == null && entities.serviceId() != null) {
			// "a cleaning next week" says what to do without saying "book"
			state.task = Intent.BOOK;
		}

		if (state.task == null) {
			return withoutTask(state, turn, intent, learnt, reply);
		}
		if (intent == Intent.QUESTION) {
			answer(turn, reply, false);
		}
		else if (intent == Intent.THANKS) {
			reply.say("You're welcome!");
		}
		else if ((intent == Intent.UNKNOWN || intent == Intent.OUT_OF_SCOPE) && !learnt
				&& !answersStage(state, intent, entities)) {
			return misunderstood(state, turn, reply);
		}
		state.misunderstandings = 0;
		return switch (state.task) {
			case BOOK -> book(state, turn, intent, reply);
			case RESCHEDULE -> reschedule(state, turn, intent, reply);
			case CANCEL -> cancel(state, turn, intent, reply);
			default -> throw new IllegalStateException("No flow for " + state.task);
		};
	}

	// --- outside a task

	private Decision withoutTask(DialogueState state, Turn turn, Intent intent, boolean learnt, Reply reply) {
		switch (intent) {
			case GREETING -> {
				state.misunderstandings = 0;
				return reply
					.say("Hello! I'm the virtual assistant of " + turn.clinic().profile().name()
							+ ". I can book, move or cancel an appointment, or answer questions about the clinic. "
							+ "How can I help?")
					.options(MENU)
					.decision(state);
			}
			case THANKS -> {
				state.misunderstandings = 0;
				return reply.say("You're welcome! Is there anything else I can do for you?").decision(state);
			}
			case QUESTION -> {
				state.misunderstandings = 0;
				return answer(turn, reply, true) ? reply.decision(state)
						: handoff(reply, Urgency.NORMAL, "A question the assistant could not answer", state);
			}
			case CONFIRM, DENY -> {
				return reply.say("What can I do for you?").options(MENU).decision(state);
			}
			case EMERGENCY -> {
				return reply.decision(state);
			}
			default -> {
				if (learnt) {
					state.misunderstandings = 0;
					return reply.say("Thanks. What can I do for you: book, move or cancel an appointment?")
						.options(MENU)
						.decision(state);
				}
				return misunderstood(state, turn, reply);
			}
		}
	}

	private Decision misunderstood(DialogueState state, Turn turn, Reply reply) {
		Optional<ClinicQuestions.Answer> answer = knownAnswer(turn.text());
		if (answer.isPresent()) {
			state.misunderstandings = 0;
			reply.say(answer.get().text());
			if (state.task != null && state.stage != null) {
				reply.say(prompt(state, turn));
			}
			return reply.options(state.options).decision(state);
		}
		state.misunderstandings++;
		if (state.misunderstandings >= properties.misunderstandingsBeforeHandoff()) {
			state.misunderstandings = 0;
			return handoff(
					reply.say("I'm sorry, I'm not understanding. I've asked a member of our team to help you "
							+ "here; you can also call us on " + turn.clinic().profile().phone() + "."),
					Urgency.NORMAL, "The assistant did not understand the patient several times", state);
		}
		reply.say("Sorry, I didn't quite get that.");
		if (state.task != null && state.stage != null) {
			reply.say(prompt(state, turn));
			return reply.options(state.options).decision(state);
		}
		return reply.say("I can book, move or cancel an appointment, or answer questions about the clinic.")
			.options(MENU)
			.decision(state);
	}

	private Optional<ClinicQuestions.Answer> knownAnswer(String text) {
		for (ClinicQuestions source : questions) {
			Optional<ClinicQuestions.Answer> answer = source.answer(text);
			if (answer.isPresent()) {
				return answer;
			}
		}
		return Optional.empty();
	}

	/**
	 * Reads the intent in the light of what was asked: a message that answers the
	 * question is that answer ("you can reach me at ..." gives the email, it does not ask
	 * for a person), and a change of plan inside a task is a correction.
	 */
	private static Intent inContext(DialogueState state, Intent intent, Entities entities, Turn turn) {
		if (intent == Intent.START_OVER || intent == Intent.GOODBYE || intent == Intent.EMERGENCY
				|| state.stage == null) {
			return intent;
		}
		boolean answers = switch (state.stage) {
			case NAME -> entities.name() != null;
			case CONTACT -> entities.email() != null || entities.phone() != null;
			case DOB -> entities.dateOfBirth() != null;
			case SERVICE -> entities.serviceId() != null;
			case SLOT, APPOINTMENT -> entities.choice() != null || entities.when() != null;
			case WHEN -> entities.when() != null;
			default -> false;
		};
		if (answers && intent != Intent.BOOK && intent != Intent.RESCHEDULE && intent != Intent.CANCEL
				&& intent != Intent.CONFIRM && intent != Intent.DENY) {
			return Intent.UNKNOWN;
		}
		if (answers && intent == Intent.BOOK && state.task != null) {
			// "the filling on friday" picks the appointment to move; it is not a new
			// booking
			return Intent.UNKNOWN;
		}
		if (state.stage == Stage.CONFIRM && intent == state.task) {
			// "yes, cancel it" while asked whether to cancel
			return Intent.CONFIRM;
		}
		if (state.task == Intent.BOOK && intent == Intent.RESCHEDULE) {
			// "can we change that to Thursday?" while booking
			return Intent.UNKNOWN;
		}
		return intent;
	}

	/** Answers from the clinic's knowledge; false when nobody knows. */
	private boolean answer(Turn turn, Reply reply, boolean offerBooking) {
		for (ClinicQuestions source : questions) {
			Optional<ClinicQuestions.Answer> answer = source.answer(turn.text());
			if (answer.isPresent()) {
				reply.say(answer.get().text());
				String serviceId = answer.get().suggestedServiceId();
				if (offerBooking && serviceId != null) {
					turn.clinic()
						.serviceById(serviceId)
						.ifPresent(service -> reply
							.say("Would you like me to find you a time for " + article(service.name()) + "?")
							.options(List.of(new Option("Yes, book " + service.name(), "Book " + service.name()),
									new Option("No, thanks", "No thanks"))));
				}
				return true;
			}
		}
		reply.say("I don't have an answer to that. I've passed your question to our team and someone will get back "
				+ "to you here.");
		return false;
	}

	// --- merging what the message says

	/** Takes the message's facts into the state; true when something new was learnt. */
	private boolean merge(DialogueState state, Entities entities, Turn turn, Reply reply) {
		boolean learnt = false;
		ClinicSnapshot clinic = turn.clinic();
		if (entities.serviceId() != null && !entities.serviceId().equals(state.serviceId)
				&& clinic.serviceById(entities.serviceId()).isPresent() && state.task != Intent.RESCHEDULE
				&& state.task != Intent.CANCEL) {
			state.serviceId = entities.serviceId();
			changeSlots(state);
			learnt = true;
		}
		if (entities.providerId() != null && !entities.providerId().equals(state.providerId)
				&& clinic.provider(entities.providerId()).isPresent()) {
			state.providerId = entities.providerId();
			changeSlots(state);
			learnt = true;
		}
		if (entities.name() != null && !entities.name().isBlank()) {
			learnt |= !entities.name().equals(state.name);
			state.name = entities.name().trim();
		}
		if (entities.email() != null || entities.phone() != null) {
			try {
				Patients.Contact contact = patients.contact(entities.email(), entities.phone());
				if (contact.email() != null) {
					state.email = contact.email();
				}
				if (contact.phone() != null) {
					state.phone = contact.phone();
				}
				learnt = true;
			}
			catch (InvalidInputException ex) {
				reply.say("That " + ("phone".equals(ex.field()) ? "phone number" : "email address")
						+ " doesn't look right; could you check it?");
				learnt = true;
			}
		}
		if (entities.dateOfBirth() != null) {
			state.dateOfBirth = entities.dateOfBirth();
			learnt = true;
		}
		// picking one of the offers ("2", "the 9:30 one") is not a new time preference
		boolean picksOffer = state.stage == Stage.SLOT && matchOffer(state, entities, turn).isPresent();
		if (picksOffer) {
			learnt = true;
		}
		else if (entities.when() != null && state.stage != Stage.APPOINTMENT) {
			learnt |= prefer(state, entities.when(), turn);
		}
		if (entities.choice() != null && (state.stage == Stage.SLOT || state.stage == Stage.APPOINTMENT)) {
			learnt = true;
		}
		return learnt;
	}

	/** A new time preference ("actually make it Thursday"). */
	private boolean prefer(DialogueState state, TimeExpression when, Turn turn) {
		LocalDateTime from;
		LocalDateTime to;
		LocalDateTime exact = null;
		if (when instanceof TimeExpression.At at) {
			exact = at.start();
			from = at.start().toLocalDate().atStartOfDay();
			to = from.plusDays(1);
		}
		else {
			TimeExpression.Between between = (TimeExpression.Between) when;
			from = between.from();
			to = between.to();
		}
		if (Objects.equals(from, state.from) && Objects.equals(to, state.to) && Objects.equals(exact, state.exact)) {
			return false;
		}
		state.from = from;
		state.to = to;
		state.exact = exact;
		state.declined.clear();
		changeSlots(state);
		return true;
	}

	/** The preference changed: let go of the held slot and the earlier offers. */
	private void changeSlots(DialogueState state) {
		release(state);
		state.clearSlots();
		if (state.stage == Stage.SLOT || state.stage == Stage.CONFIRM) {
			state.stage = null;
		}
	}

	private boolean answersStage(DialogueState state, Intent intent, Entities entities) {
		if (state.stage == Stage.APPOINTMENT) {
			return entities.when() != null || entities.choice() != null || entities.serviceId() != null;
		}
		return state.stage == Stage.CONFIRM && (intent == Intent.CONFIRM || intent == Intent.DENY);
	}

	private Optional<Intent> pickedOption(DialogueState state, String text) {
		String typed = text.trim();
		for (Option option : state.options) {
			if (option.value().equalsIgnoreCase(typed) || option.label().equalsIgnoreCase(typed)) {
				if (option.value().equals("yes")) {
					return Optional.of(Intent.CONFIRM);
				}
				if (option.value().equals("no")) {
					return Optional.of(Intent.DENY);
				}
			}
		}
		return Optional.empty();
	}

	// --- booking

	private Decision book(DialogueState state, Turn turn, Intent intent, Reply reply) {
		ClinicSnapshot clinic = turn.clinic();
		if (state.serviceId == null || clinic.serviceById(state.serviceId).isEmpty()) {
			state.stage = Stage.SERVICE;
			return reply.say(prompt(state, turn)).options(serviceOptions(clinic)).decision(state);
		}
		if (state.stage == Stage.CONFIRM && state.chosen != null) {
			if (intent == Intent.CONFIRM) {
				return confirmBooking(state, turn, reply);
			}
			if (intent == Intent.DENY) {
				return declineBooking(state, reply, "No problem.");
			}
		}
		if (state.stage == Stage.SLOT && intent == Intent.DENY) {
			return noneSuit(state, reply);
		}
		if (state.chosen == null) {
			Optional<Decision> offered = chooseOrOffer(state, turn, reply, Optional.ofNullable(state.providerId));
			if (offered.isPresent()) {
				return offered.get();
			}
		}
		if (state.name == null) {
			state.stage = Stage.NAME;
			return reply.say(prompt(state, turn)).decision(state);
		}
		if (!state.hasContact()) {
			state.stage = Stage.CONTACT;
			return reply.say(prompt(state, turn)).decision(state);
		}
		state.stage = Stage.CONFIRM;
		return reply.say(prompt(state, turn)).options(yesNo()).decision(state);
	}

	private Decision confirmBooking(DialogueState state, Turn turn, Reply reply) {
		ClinicSnapshot clinic = turn.clinic();
		Offer chosen = state.chosen;
		Booking.Outcome outcome = booking.book(new Booking.BookRequest(state.name, state.email, state.phone,
				state.dateOfBirth, preferredChannel(turn.channel(), state), state.serviceId, chosen.start(),
				Optional.of(chosen.providerId()), Optional.empty(), null, CreatedFrom.CHAT, null, state.holdId, null,
				null));
		if (outcome instanceof Booking.Done done) {
			AppointmentView appointment = done.appointment();
			reply.appointment = new AppointmentChange(appointment, "booked");
			reply.patientId = appointment.patientId();
			reply.say("You're booked: " + describe(appointment, clinic) + ". We look forward to seeing you! "
					+ "Is there anything else I can help with?");
			state.holdId = null;
			state.finishTask();
			return reply.decision(state);
		}
		Booking.Rejected rejected = (Booking.Rejected) outcome;
		UUID chosenHold = state.holdId;
		state.holdId = null;
		state.chosen = null;
		if (rejected.reason() instanceof Unavailability) {
			state.declined.add(chosen.start());
			return offer(state, turn, reply.say("I'm sorry, that time has just been taken by someone else."),
					rejected.alternatives(), Optional.ofNullable(state.providerId));
		}
		booking.releaseHold(chosenHold);
		state.finishTask();
		// the refusal's own text could tell whether an email belongs to a patient
		return handoff(
				reply.say("I'm sorry, I couldn't complete that booking online. I've asked a member of our "
						+ "team to contact you to finish it."),
				Urgency.NORMAL, "Chat booking refused: " + rejected.reason().code(), state);
	}

	/** "None of those": the offered times are set aside and another day is asked for. */
	private Decision noneSuit(DialogueState state, Reply reply) {
		state.offers.forEach(offer -> state.declined.add(offer.start()));
		state.offers = new ArrayList<>();
		state.stage = Stage.WHEN;
		return reply
			.say("No problem. Which other day or time would suit you? You can say e.g. \"Thursday morning\" "
					+ "or \"next week after 4pm\".")
			.decision(state);
	}

	private Decision declineBooking(DialogueState state, Reply reply, String text) {
		if (state.chosen != null) {
			state.declined.add(state.chosen.start());
		}
		release(state);
		state.offers.removeIf(offer -> state.declined.contains(offer.start()));
		state.stage = Stage.WHEN;
		return reply
			.say(text + " Would another day or time suit you better? You can say e.g. \"Thursday morning\" "
					+ "or \"next week after 4pm\".")
			.decision(state);
	}

	/**
	 * Picks the slot the patient named, or offers some; empty when a slot is chosen and
	 * held.
	 */
	private Optional<Decision> chooseOrOffer(DialogueState state, Turn turn, Reply reply, Optional<String> provider) {
		ClinicSnapshot clinic = turn.clinic();
		Optional<ServiceInfo> known = clinic.serviceById(state.serviceId);
		if (known.isEmpty()) {
			state.finishTask();
			return Optional.of(handoff(
					reply.say("I'm sorry, I can't book that service online any more. I've asked a "
							+ "member of our team to contact you."),
					Urgency.NORMAL, "A service no longer in the catalog", state));
		}
		ServiceInfo service = known.get();
		Entities entities = turn.understanding().entities();
		Optional<Offer> picked = state.stage == Stage.SLOT ? matchOffer(state, entities, turn) : Optional.empty();
		if (picked.isEmpty() && state.exact != null) {
			Instant start = state.exact.atZone(turn.zone()).toInstant();
			Optional<Offer> offered = state.offers.stream().filter(offer -> offer.start().equals(start)).findFirst();
			picked = offered.isPresent() ? offered : Optional.of(new Offer(start, provider.orElse(null)));
		}
		if (picked.isPresent()) {
			Offer offer = picked.get();
			Booking.Outcome held = booking.hold(service.id(), offer.start(),
					Optional.ofNullable(offer.providerId()).or(() -> provider), moving(state));
			if (held instanceof Booking.Held hold) {
				state.chosen = new Offer(hold.hold().start(), hold.hold().providerId());
				state.holdId = hold.hold().holdId();
				state.exact = null;
				return Optional.empty();
			}
			Booking.Rejected rejected = (Booking.Rejected) held;
			state.exact = null;
			String sorry = state.offers.contains(offer) ? "I'm sorry, that time has just been taken."
					: "I'm sorry, " + local(offer.start(), turn).format(WHEN) + " isn't available ("
							+ rejected.message().replaceAll("\\.$", "").toLowerCase(Locale.ROOT) + ").";
			state.declined.add(offer.start());
			return Optional.of(offer(state, turn, reply.say(sorry), rejected.alternatives(), provider));
		}
		return Optional.of(offer(state, turn, reply, List.of(), provider));
	}

	/** Offers free times in the wanted window, or the nearest ones when it has none. */
	private Decision offer(DialogueState state, Turn turn, Reply reply, List<Slot> suggested,
			Optional<String> provider) {
		ClinicSnapshot clinic = turn.clinic();
		ServiceInfo service = clinic.serviceById(state.serviceId).orElse(null);
		if (service == null) {
			state.finishTask();
			return handoff(reply.say("I'm sorry, I can't book that service online any more. I've asked a member of "
					+ "our team to contact you."), Urgency.NORMAL, "A service no longer in the catalog", state);
		}
		List<Slot> candidates = free(state, turn, service, provider);
		if (candidates.isEmpty() && provider.isPresent() && state.providerId == null) {
			// the current appointment's dentist was only a preference: the day matters
			// more
			provider = Optional.empty();
			candidates = free(state, turn, service, provider);
		}
		boolean inWindow = !candidates.isEmpty();
		if (!inWindow) {
			candidates = suggested.isEmpty() ? nearest(state, turn, service, provider) : suggested;
			candidates = candidates.stream().filter(slot -> !state.declined.contains(slot.start())).toList();
		}
		List<Offer> offers = spread(candidates, turn).stream()
			.map(slot -> new Offer(slot.start(), slot.providerId()))
			.toList();
		state.offers = new ArrayList<>(offers);
		if (offers.isEmpty()) {
			state.finishTask();
			return handoff(
					reply.say("I couldn't find a free time for " + article(service.name())
							+ " in the next few weeks. I've asked a member of our team to contact you to find one."),
					Urgency.NORMAL, "No free time found for " + service.name(), state);
		}
		state.stage = Stage.SLOT;
		String intro = inWindow
				? "Here are some free times for " + article(service.name()) + providerPhrase(provider, clinic) + ":"
				: "I don't have anything free " + windowPhrase(state) + providerPhrase(provider, clinic)
						+ ". The nearest free times are:";
		List<Option> options = new ArrayList<>();
		StringBuilder list = new StringBuilder();
		for (int i = 0; i < offers.size(); i++) {
			Offer offer = offers.get(i);
			String label = local(offer.start(), turn).format(SHORT) + " with "
					+ providerName(offer.providerId(), clinic);
			list.append(i == 0 ? " " : "; ").append(i + 1).append(") ").append(label);
			options.add(new Option(label, local(offer.start(), turn).format(VALUE)));
		}
		return reply.say(intro + list + ". Which one suits you?").options(options).decision(state);
	}

	private List<Slot> free(DialogueState state, Turn turn, ServiceInfo service, Optional<String> provider) {
		LocalDateTime now = turn.localNow();
		LocalDateTime from = state.from == null || state.from.isBefore(now) ? now : state.from;
		LocalDateTime to = state.to == null ? now.toLocalDate().plusDays(properties.searchDays()).atStartOfDay()
				: state.to;
		if (!from.isBefore(to)) {
			return List.of();
		}
		LocalDate lastDay = to.minusNanos(1).toLocalDate();
		List<Slot> slots = availability.slots(service, from.toLocalDate(), lastDay, provider, moving(state));
		ZoneId zone = turn.zone();
		Instant start = from.atZone(zone).toInstant();
		Instant end = to.atZone(zone).toInstant();
		return unique(withoutCurrentTime(state, slots).stream()
			.filter(slot -> !slot.start().isBefore(start) && slot.start().isBefore(end))
			.filter(slot -> !state.declined.contains(slot.start()))
			.toList());
	}

	private List<Slot> nearest(DialogueState state, Turn turn, ServiceInfo service, Optional<String> provider) {
		Instant around = state.from == null || state.from.isBefore(turn.localNow()) ? turn.now()
				: state.from.atZone(turn.zone()).toInstant();
		List<Slot> nearest = withoutCurrentTime(state,
				availability.nearest(service, around, provider, properties.offers() + 4, moving(state)));
		if (nearest.isEmpty() && provider.isPresent()) {
			nearest = withoutCurrentTime(state,
					availability.nearest(service, around, Optional.empty(), properties.offers() + 4, moving(state)));
		}
		return nearest;
	}

	/**
	 * The appointment being moved, whose own time counts as free for its new time (so
	 * half an hour later can be offered); null outside a reschedule.
	 */
	private static UUID moving(DialogueState state) {
		return state.task == Intent.RESCHEDULE ? state.appointmentId : null;
	}

	/** Slots other than the one the appointment being moved has now. */
	private List<Slot> withoutCurrentTime(DialogueState state, List<Slot> slots) {
		UUID moving = moving(state);
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
			LocalDate day = local(slot.start(), turn).toLocalDate();
			long sameDay = picked.stream()
				.filter(other -> local(other.start(), turn).toLocalDate().equals(day))
				.count();
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

	/** "2", "the second one", or a time that is one of the offers. */
	private Optional<Offer> matchOffer(DialogueState state, Entities entities, Turn turn) {
		if (state.offers.isEmpty()) {
			return Optional.empty();
		}
		for (Option option : state.options) {
			if (option.value().equals(turn.text().trim()) || option.label().equalsIgnoreCase(turn.text().trim())) {
				int index = state.options.indexOf(option);
				if (index < state.offers.size()) {
					return Optional.of(state.offers.get(index));
				}
			}
		}
		if (entities.choice() != null) {
			int index = entities.choice() == -1 ? state.offers.size() - 1 : entities.choice() - 1;
			return index >= 0 && index < state.offers.size() ? Optional.of(state.offers.get(index)) : Optional.empty();
		}
		if (entities.when() instanceof TimeExpression.At at) {
			List<Offer> sameTime = state.offers.stream()
				.filter(offer -> local(offer.start(), turn).toLocalTime().equals(at.start().toLocalTime()))
				.toList();
			Optional<Offer> exact = sameTime.stream()
				.filter(offer -> local(offer.start(), turn).toLocalDate().equals(at.start().toLocalDate()))
				.findFirst();
			if (exact.isPresent()) {
				return exact;
			}
			if (sameTime.size() == 1 && !mentionsDay(turn.text())) {
				return Optional.of(sameTime.get(0));
			}
		}
		if (entities.when() instanceof TimeExpression.Between between) {
			List<Offer> inside = state.offers.stream().filter(offer -> {
				LocalDateTime start = local(offer.start(), turn);
				return !start.isBefore(between.from()) && start.isBefore(between.to());
			}).toList();
			if (inside.size() == 1 && state.from != null && !between.from().isBefore(state.from) && state.to != null
					&& !between.to().isAfter(state.to)) {
				return Optional.of(inside.get(0));
			}
		}
		return Optional.empty();
	}

	private static boolean mentionsDay(String text) {
		return Pattern
			.compile("\\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\\b|\\btoday\\b|\\btomorrow\\b|\\d{1,2}(st|nd|rd|th)\\b|/",
					Pattern.CASE_INSENSITIVE)
			.matcher(text)
			.find();
	}

	// --- rescheduling and cancelling

	private Decision reschedule(DialogueState state, Turn turn, Intent intent, Reply reply) {
		Optional<Decision> identity = identify(state, turn, reply);
		if (identity.isPresent()) {
			return identity.get();
		}
		Optional<Decision> which = whichAppointment(state, turn, reply, "move");
		if (which.isPresent()) {
			return which.get();
		}
		Optional<AppointmentView> found = appointments.find(state.appointmentId);
		if (found.isEmpty() || !OPEN.contains(found.get().status())) {
			return gone(state, reply);
		}
		AppointmentView current = found.get();
		state.serviceId = current.serviceId();
		if (state.stage == Stage.SLOT && intent == Intent.DENY) {
			return noneSuit(state, reply);
		}
		if (state.stage == Stage.CONFIRM && state.chosen != null) {
			if (intent == Intent.CONFIRM) {
				Offer chosen = state.chosen;
				release(state);
				Booking.Outcome outcome = booking.reschedule(current.id(), chosen.start(),
						Optional.ofNullable(chosen.providerId()), actor(state));
				state.chosen = null;
				if (outcome instanceof Booking.Done done) {
					reply.appointment = new AppointmentChange(done.appointment(), "rescheduled");
					reply.patientId = done.appointment().patientId();
					reply.say("Done: your appointment is now " + describe(done.appointment(), turn.clinic())
							+ ". Is there anything else I can help with?");
					state.finishTask();
					return reply.decision(state);
				}
				Booking.Rejected rejected = (Booking.Rejected) outcome;
				if (rejected.reason() instanceof Unavailability) {
					state.declined.add(chosen.start());
					return offer(state, turn, reply.say("I'm sorry, that time has just been taken."),
							rejected.alternatives(), Optional.ofNullable(state.providerId));
				}
				return refusedChange(state, turn, reply, rejected, "move");
			}
			if (intent == Intent.DENY) {
				return declineBooking(state, reply, "No problem, your appointment stays as it is.");
			}
		}
		if (state.chosen == null) {
			Optional<Decision> offered = chooseOrOffer(state, turn, reply,
					Optional.ofNullable(state.providerId).or(() -> Optional.of(current.providerId())));
			if (offered.isPresent()) {
				return offered.get();
			}
		}
		state.stage = Stage.CONFIRM;
		return reply.say(prompt(state, turn)).options(yesNo()).decision(state);
	}

	private Decision cancel(DialogueState state, Turn turn, Intent intent, Reply reply) {
		Optional<Decision> identity = identify(state, turn, reply);
		if (identity.isPresent()) {
			return identity.get();
		}
		Optional<Decision> which = whichAppointment(state, turn, reply, "cancel");
		if (which.isPresent()) {
			return which.get();
		}
		Optional<AppointmentView> found = appointments.find(state.appointmentId);
		if (found.isEmpty() || !OPEN.contains(found.get().status())) {
			return gone(state, reply);
		}
		if (state.stage == Stage.CONFIRM) {
			if (intent == Intent.CONFIRM) {
				Booking.Outcome outcome = booking.cancel(state.appointmentId, "Cancelled by the patient in chat",
						actor(state));
				if (outcome instanceof Booking.Done done) {
					reply.appointment = new AppointmentChange(done.appointment(), "cancelled");
					reply.patientId = done.appointment().patientId();
					reply.say("Your " + describe(done.appointment(), turn.clinic())
							+ " is cancelled. Would you like to book another time?");
					state.finishTask();
					return reply.options(List.of(new Option("Book another time", "I'd like to book an appointment"),
							new Option("No, thanks", "No thanks")))
						.decision(state);
				}
				return refusedChange(state, turn, reply, (Booking.Rejected) outcome, "cancel");
			}
			if (intent == Intent.DENY) {
				state.finishTask();
				return reply.say("OK, I'll keep your appointment. Anything else?").decision(state);
			}
		}
		state.stage = Stage.CONFIRM;
		return reply.say(prompt(state, turn)).options(yesNo()).decision(state);
	}

	private Decision gone(DialogueState state, Reply reply) {
		release(state);
		state.finishTask();
		return reply
			.say("That appointment is no longer on our schedule, so there is nothing to change. Is there "
					+ "anything else I can do for you?")
			.options(MENU)
			.decision(state);
	}

	private Decision refusedChange(DialogueState state, Turn turn, Reply reply, Booking.Rejected rejected,
			String verb) {
		state.finishTask();
		return handoff(
				reply.say("I can't " + verb + " it online: " + rejected.message() + " I've let our team know; "
						+ "you can also call us on " + turn.clinic().profile().phone() + "."),
				Urgency.NORMAL, "The patient wants to " + verb + " an appointment the assistant cannot change: "
						+ rejected.reason().code(),
				state);
	}

	/**
	 * Checks who the patient is: name plus the email or phone on file, the date of birth
	 * when one is on file, and a code when the clinic wants one. Empty once checked.
	 */
	private Optional<Decision> identify(DialogueState state, Turn turn, Reply reply) {
		if (state.verifiedPatientId != null) {
			return Optional.empty();
		}
		if (state.stage == Stage.CODE) {
			return Optional.of(reply.say("Please type the 6-digit code we sent to your email.").decision(state));
		}
		if (state.name == null || !state.hasContact()) {
			state.stage = state.name == null ? Stage.NAME : Stage.CONTACT;
			return Optional.of(reply.say(prompt(state, turn)).decision(state));
		}
		if (state.dateOfBirth == null) {
			// asked of everyone, before anything is looked up: asking only when a record
			// matched would tell a stranger that it did
			state.stage = Stage.DOB;
			return Optional.of(reply.say(prompt(state, turn)).decision(state));
		}
		Optional<PatientSummary> match;
		try {
			match = patients.identify(patients.contact(state.email, state.phone))
				.filter(patient -> sameName(patient.name(), state.name))
				.filter(patient -> patient.dateOfBirth() == null || patient.dateOfBirth().equals(state.dateOfBirth));
		}
		catch (InvalidInputException ex) {
			match = Optional.empty();
		}
		if (match.isEmpty()) {
			state.verificationFailures++;
			state.email = null;
			state.phone = null;
			state.dateOfBirth = null;
			if (state.verificationFailures >= 3) {
				state.finishTask();
				return Optional.of(handoff(
						reply.say("I couldn't match those details to our records. I've asked a "
								+ "member of our team to help you here; you can also call us on "
								+ turn.clinic().profile().phone() + "."),
						Urgency.NORMAL, "The patient could not be identified for a change to an appointment", state));
			}
			if (properties.verification() == AssistantProperties.Verification.ONE_TIME_CODE) {
				// the same answer as for a match: the code simply never comes
				state.candidatePatientId = null;
				state.stage = Stage.CODE;
				return Optional.of(reply.say(codeSent()).decision(state));
			}
			state.stage = Stage.CONTACT;
			return Optional.of(reply
				.say("I couldn't find an appointment matching those details. Please check your "
						+ "full name and give me the email address or phone number you used when you booked.")
				.decision(state));
		}
		PatientSummary patient = match.get();
		if (properties.verification() == AssistantProperties.Verification.ONE_TIME_CODE) {
			state.candidatePatientId = patient.id().value();
			codes.send(turn.conversationId(), patient);
			state.stage = Stage.CODE;
			return Optional.of(reply.say(codeSent()).decision(state));
		}
		state.verifiedPatientId = patient.id().value();
		state.verificationFailures = 0;
		reply.patientId = patient.id().value();
		return Optional.empty();
	}

	private static String codeSent() {
		return "Thanks. If those details match our records, we've sent a 6-digit code to the email address on file. "
				+ "Please type it here (it is valid for 10 minutes).";
	}

	private Decision checkCode(DialogueState state, Turn turn, Reply reply) {
		Matcher matcher = CODE.matcher(turn.text());
		matcher.find();
		Optional<UUID> patient = codes.check(turn.conversationId(), matcher.group(1));
		if (patient.isPresent() && state.candidatePatientId != null && patient.get().equals(state.candidatePatientId)) {
			state.verifiedPatientId = patient.get();
			state.candidatePatientId = null;
			state.stage = null;
			reply.patientId = patient.get();
			reply.say("Thank you, that's confirmed.");
			return state.task == Intent.RESCHEDULE ? reschedule(state, turn, Intent.UNKNOWN, reply)
					: cancel(state, turn, Intent.UNKNOWN, reply);
		}
		state.verificationFailures++;
		if (state.verificationFailures >= 3) {
			state.finishTask();
			return handoff(reply.say("That code doesn't match. I've asked a member of our team to help you here."),
					Urgency.NORMAL, "The patient could not confirm a verification code", state);
		}
		return reply.say("That code doesn't match or has expired. Please check the email and try again.")
			.decision(state);
	}

	/** Which of the patient's upcoming appointments; empty once known. */
	private Optional<Decision> whichAppointment(DialogueState state, Turn turn, Reply reply, String verb) {
		if (state.appointmentId != null) {
			return Optional.empty();
		}
		List<AppointmentView> upcoming = appointments.between(turn.now(), turn.now().plus(Duration.ofDays(730)),
				Optional.empty(), Optional.of(state.verifiedPatientId), OPEN);
		if (upcoming.isEmpty()) {
			state.finishTask();
			return Optional.of(reply.say("I can't see any upcoming appointments for you. Would you like to book one?")
				.options(List.of(new Option("Book an appointment", "I'd like to book an appointment"),
						new Option("No, thanks", "No thanks")))
				.decision(state));
		}
		if (upcoming.size() == 1) {
			return tooLate(state, turn, reply, upcoming.get(0), verb);
		}
		if (state.stage == Stage.APPOINTMENT && !state.appointmentChoices.isEmpty()) {
			// the list as shown, so that "2" is the second one the patient saw
			List<AppointmentView> shown = state.appointmentChoices.stream()
				.map(appointments::find)
				.flatMap(Optional::stream)
				.filter(appointment -> OPEN.contains(appointment.status()))
				.toList();
			if (shown.size() == state.appointmentChoices.size()) {
				upcoming = shown;
			}
		}
		state.appointmentChoices = new ArrayList<>(upcoming.stream().map(AppointmentView::id).toList());
		Entities entities = turn.understanding().entities();
		Optional<AppointmentView> picked = Optional.empty();
		if (state.stage == Stage.APPOINTMENT) {
			for (int i = 0; i < state.options.size() && i < upcoming.size(); i++) {
				Option option = state.options.get(i);
				if (option.value().equals(turn.text().trim()) || option.label().equalsIgnoreCase(turn.text().trim())) {
					picked = Optional.of(upcoming.get(i));
				}
			}
			if (picked.isEmpty() && entities.choice() != null) {
				int index = entities.choice() == -1 ? upcoming.size() - 1 : entities.choice() - 1;
				picked = index >= 0 && index < upcoming.size() ? Optional.of(upcoming.get(index)) : Optional.empty();
			}
		}
		boolean byDate = false;
		if (picked.isEmpty() && (entities.when() != null || entities.serviceId() != null)) {
			// "the filling on friday": by the day, the service, or both
			LocalDate day = entities.when() == null ? null : entities.when() instanceof TimeExpression.At at
					? at.start().toLocalDate() : ((TimeExpression.Between) entities.when()).from().toLocalDate();
			List<AppointmentView> matching = upcoming.stream()
				.filter(appointment -> day == null || local(appointment.start(), turn).toLocalDate().equals(day))
				.filter(appointment -> entities.serviceId() == null
						|| appointment.serviceId().equals(entities.serviceId()))
				.toList();
			if (matching.size() == 1) {
				picked = Optional.of(matching.get(0));
				byDate = day != null;
			}
		}
		if (picked.isPresent()) {
			Optional<Decision> late = tooLate(state, turn, reply, picked.get(), verb);
			if (late.isPresent()) {
				return late;
			}
			if (state.task == Intent.RESCHEDULE && byDate) {
				// the date named the appointment, not the new time
				state.from = null;
				state.to = null;
				state.exact = null;
			}
			return Optional.empty();
		}
		state.stage = Stage.APPOINTMENT;
		List<Option> options = new ArrayList<>();
		for (AppointmentView appointment : upcoming) {
			String label = describe(appointment, turn.clinic());
			options.add(new Option(label, local(appointment.start(), turn).format(VALUE)));
		}
		return Optional.of(
				reply
					.say("You have " + upcoming.size() + " upcoming appointments. Which one would you like " + "to "
							+ verb + "?")
					.options(options)
					.decision(state));
	}

	/**
	 * The appointment to change, unless it is inside the clinic's notice period: then the
	 * patient is told to call before any time is offered.
	 */
	private Optional<Decision> tooLate(DialogueState state, Turn turn, Reply reply, AppointmentView appointment,
			String verb) {
		Duration notice = turn.clinic().rules().cancellationNotice();
		if (appointment.start().isBefore(turn.now().plus(notice))) {
			state.finishTask();
			return Optional.of(handoff(
					reply.say("Your " + describe(appointment, turn.clinic()) + " is less than " + notice.toHours()
							+ " hours away, so I can't " + verb + " it online. Please call us on "
							+ turn.clinic().profile().phone() + "; I've also let our team know."),
					Urgency.NORMAL, "The patient wants to " + verb + " an appointment inside the notice period",
					state));
		}
		state.appointmentId = appointment.id();
		return Optional.empty();
	}

	private static Booking.Actor actor(DialogueState state) {
		return new Booking.Actor.Patient(state.email, state.phone);
	}

	// --- wording

	private String prompt(DialogueState state, Turn turn) {
		ClinicSnapshot clinic = turn.clinic();
		return switch (state.stage) {
			case SERVICE -> "What would you like to come in for?";
			case WHEN -> "What day and time would suit you?";
			case SLOT -> "Which of the times above suits you?";
			case NAME -> state.task == Intent.BOOK ? "Great. May I have your full name?"
					: "Sure. To find your appointment, please tell me your full name and the email address or "
							+ "phone number you booked with.";
			case CONTACT -> state.task == Intent.BOOK
					? "Thanks" + (state.name == null ? "" : ", " + firstName(state.name))
							+ ". What's the best email address or mobile number to send the confirmation to?"
					: "Thanks. What's the email address or phone number you booked with?";
			case DOB -> "Thanks. To confirm it's you, what's your date of birth?";
			case CODE -> "Please type the 6-digit code we sent to your email.";
			case APPOINTMENT -> "Which appointment do you mean?";
			case CONFIRM -> switch (state.task) {
				case BOOK -> state.chosen == null ? "Which of the times suits you?"
						: "Shall I book " + article(serviceName(state.serviceId, clinic)) + " with "
								+ providerName(state.chosen.providerId(), clinic) + " on "
								+ local(state.chosen.start(), turn).format(WHEN) + " for " + state.name + "?";
				case RESCHEDULE -> {
					AppointmentView current = appointments.find(state.appointmentId).orElse(null);
					if (current == null || state.chosen == null) {
						yield "Shall I go ahead?";
					}
					yield "Shall I move your " + serviceName(current.serviceId(), clinic) + " from "
							+ local(current.start(), turn).format(WHEN) + " to "
							+ local(state.chosen.start(), turn).format(WHEN) + " with "
							+ providerName(state.chosen.providerId(), clinic) + "?";
				}
				case CANCEL -> appointments.find(state.appointmentId)
					.map(appointment -> "Shall I cancel your " + describe(appointment, clinic) + "?")
					.orElse("Shall I go ahead?");
				default -> "Shall I go ahead?";
			};
		};
	}

	private static String describe(AppointmentView appointment, ClinicSnapshot clinic) {
		ZonedDateTime start = appointment.start().atZone(clinic.zone());
		return serviceName(appointment.serviceId(), clinic) + " with " + providerName(appointment.providerId(), clinic)
				+ " on " + start.format(WHEN);
	}

	private static String serviceName(String serviceId, ClinicSnapshot clinic) {
		return clinic.serviceById(serviceId).map(ServiceInfo::name).orElse("appointment");
	}

	private static String providerName(String providerId, ClinicSnapshot clinic) {
		return providerId == null ? "the first available provider"
				: clinic.provider(providerId).map(ProviderInfo::name).orElse(providerId);
	}

	private static String providerPhrase(Optional<String> provider, ClinicSnapshot clinic) {
		return provider.map(id -> " with " + providerName(id, clinic)).orElse("");
	}

	private static String windowPhrase(DialogueState state) {
		if (state.from == null) {
			return "soon";
		}
		DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.US);
		if (state.to != null && state.to.minusNanos(1).toLocalDate().equals(state.from.toLocalDate())) {
			return "on " + state.from.format(day) + (state.exact != null
					? " at " + state.exact.format(DateTimeFormatter.ofPattern("h:mm a", Locale.US)) : "");
		}
		return "between " + state.from.format(day) + " and "
				+ (state.to == null ? "later" : state.to.minusNanos(1).format(day));
	}

	private static List<Option> serviceOptions(ClinicSnapshot clinic) {
		return clinic.services()
			.stream()
			.filter(ServiceInfo::active)
			.map(service -> new Option(service.name(), service.name()))
			.toList();
	}

	private static List<Option> yesNo() {
		return List.of(new Option("Yes", "yes"), new Option("No", "no"));
	}

	static String article(String serviceName) {
		String lower = serviceName.toLowerCase(Locale.ROOT);
		return (lower.matches("^[aeiou].*") ? "an " : "a ") + serviceName;
	}

	private static String firstName(String name) {
		return name.trim().split("\\s+")[0];
	}

	private static LocalDateTime local(Instant instant, Turn turn) {
		return LocalDateTime.ofInstant(instant, turn.zone());
	}

	private static String emergencyLine(ClinicSnapshot clinic) {
		String phone = clinic.profile().emergencyPhone();
		return "our emergency line on " + (phone == null ? clinic.profile().phone() : phone);
	}

	private static Optional<ServiceInfo> emergencyService(ClinicSnapshot clinic) {
		return clinic.services()
			.stream()
			.filter(ServiceInfo::active)
			.filter(service -> (service.id() + " " + service.name()).toLowerCase(Locale.ROOT).contains("emergency"))
			.findFirst();
	}

	/**
	 * Same person: the same words ignoring case, accents and punctuation, or the same
	 * first and last name when one of them adds a middle name.
	 */
	static boolean sameName(String onFile, String given) {
		List<String> a = nameWords(onFile);
		List<String> b = nameWords(given);
		if (a.isEmpty() || b.isEmpty()) {
			return false;
		}
		if (a.equals(b)) {
			return true;
		}
		return a.size() >= 2 && b.size() >= 2 && a.get(0).equals(b.get(0))
				&& a.get(a.size() - 1).equals(b.get(b.size() - 1));
	}

	private static List<String> nameWords(String name) {
		String plain = Normalizer.normalize(name, Normalizer.Form.NFKD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z ]", " ")
			.trim();
		return plain.isEmpty() ? List.of() : Arrays.asList(plain.split("\\s+"));
	}

	private static Channel preferredChannel(ConversationChannel channel, DialogueState state) {
		if (channel == ConversationChannel.WHATSAPP && state.phone != null) {
			return Channel.WHATSAPP;
		}
		return state.email == null || channel == ConversationChannel.SMS ? Channel.SMS : Channel.EMAIL;
	}

	/** Facts given before any task stay; switching from another task starts afresh. */
	private void startTask(DialogueState state, Intent task) {
		if (state.task != null) {
			release(state);
			state.finishTask();
		}
		state.task = task;
		state.stage = null;
	}

	private void release(DialogueState state) {
		if (state.holdId != null) {
			booking.releaseHold(state.holdId);
			state.holdId = null;
		}
		state.chosen = null;
		if (state.stage == Stage.CONFIRM) {
			state.stage = null;
		}
	}

	private static Decision handoff(Reply reply, Urgency urgency, String reason, DialogueState state) {
		reply.handoff = new Handoff(urgency, reason);
		return reply.decision(state);
	}

	/** Drops the held slot of a conversation that a person takes over or that ends. */
	void releaseHold(DialogueState state) {
		release(state);
	}

}
