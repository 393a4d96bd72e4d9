package io.smiledesk.assistant;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import io.smiledesk.assistant.DialogueState.Option;
import io.smiledesk.assistant.DialogueState.Stage;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.scheduling.AppointmentStatus;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Appointments;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.understanding.Entities;
import io.smiledesk.understanding.Intent;
import io.smiledesk.understanding.TimeExpression;

import org.springframework.stereotype.Component;

/**
 * What moving and cancelling share: who is asking, which appointment, and whether it may
 * still be changed online (the clinic's notice period).
 */
@Component
class AppointmentChanges {

	private static final EnumSet<AppointmentStatus> OPEN = EnumSet.of(AppointmentStatus.PENDING_DEPOSIT,
			AppointmentStatus.BOOKED, AppointmentStatus.CONFIRMED);

	private final IdentityCheck identity;

	private final Appointments appointments;

	private final Prompts prompts;

	AppointmentChanges(IdentityCheck identity, Appointments appointments, Prompts prompts) {
		this.identity = identity;
		this.appointments = appointments;
		this.prompts = prompts;
	}

	/**
	 * The appointment to change, once the patient is known and it is chosen; otherwise
	 * the draft says what comes next.
	 */
	Optional<AppointmentView> appointment(DialogueState state, Turn turn, Draft draft, String verbKey) {
		IdentityCheck.Result checked = identity.check(state, turn);
		if (!(checked instanceof IdentityCheck.Result.Verified verified)) {
			ask(checked, state, turn, draft);
			return Optional.empty();
		}
		draft.identified(verified.patientId());
		if (verified.justNow()) {
			draft.say("identity.code-confirmed");
			state.ask(null, true);
		}
		if (state.appointmentId() == null && !choose(state, turn, draft, verbKey)) {
			return Optional.empty();
		}
		Optional<AppointmentView> found = appointments.find(state.appointmentId())
			.filter(appointment -> OPEN.contains(appointment.status()));
		if (found.isEmpty()) {
			state.finishTask();
			draft.say("change.gone").options(Menu.options(draft));
		}
		return found;
	}

	private void ask(IdentityCheck.Result checked, DialogueState state, Turn turn, Draft draft) {
		if (checked instanceof IdentityCheck.Result.Ask ask) {
			prompts.ask(ask.stage(), state, turn, draft);
		}
		else if (checked instanceof IdentityCheck.Result.Mismatch) {
			state.ask(Stage.CONTACT, true);
			draft.say("identity.mismatch");
		}
		else if (checked instanceof IdentityCheck.Result.CodeSent) {
			state.ask(Stage.CODE, true);
			draft.say("identity.code-sent");
		}
		else if (checked instanceof IdentityCheck.Result.CodeRefused) {
			state.ask(Stage.CODE, true);
			draft.say("identity.code-retry");
		}
		else if (checked instanceof IdentityCheck.Result.Failed failed) {
			state.finishTask();
			draft
				.say(failed.reason() == HandoffReason.NOT_IDENTIFIED ? "identity.failed" : "identity.code-failed",
						turn.clinic().profile().phone())
				.handoff(failed.reason(), draft.wording().forStaff("handoff." + failed.reason().code()));
		}
	}

	/** The domain refused the change: staff take over. */
	Draft refused(DialogueState state, Turn turn, Draft draft, Booking.Rejected rejected, String verbKey) {
		state.finishTask();
		String verb = draft.wording().text(draft.locale(), verbKey);
		return draft.say("change.refused", verb, rejected.message(), turn.clinic().profile().phone())
			.handoff(HandoffReason.CHANGE_REFUSED, draft.wording()
				.forStaff("handoff.change_refused", draft.wording().forStaff(verbKey), rejected.reason().code()));
	}

	static Booking.Actor actor(DialogueState state) {
		return new Booking.Actor.Patient(state.email(), state.phone());
	}

	/** Picks which upcoming appointment; false when the patient still has to say. */
	private boolean choose(DialogueState state, Turn turn, Draft draft, String verbKey) {
		List<AppointmentView> upcoming = appointments.between(turn.now(), turn.now().plus(Duration.ofDays(730)),
				Optional.empty(), Optional.of(state.verifiedPatientId()), OPEN);
		if (upcoming.isEmpty()) {
			state.finishTask();
			state.suggest(Intent.BOOK, null);
			draft.say("change.none-upcoming").options(List.of(Menu.book(draft), Menu.noThanks(draft)));
			return false;
		}
		Optional<AppointmentView> known = upcoming.stream()
			.filter(appointment -> appointment.id().equals(turn.knownAppointment()))
			.findFirst();
		if (known.isPresent() && state.stage() != Stage.APPOINTMENT) {
			// the conversation is about this one (a reminder's thread): a day named is
			// the
			// new time, not which appointment
			return allowed(state, turn, draft, known.get(), verbKey);
		}
		// "my tuesday appointment", in this message or in the one that asked for the move
		Optional<AppointmentReference.Day> named = AppointmentReference.in(turn.text())
			.or(() -> AppointmentReference.in(state.pendingTime()));
		List<AppointmentView> open = upcoming;
		List<AppointmentView> namedDay = named
			.map(day -> open.stream()
				.filter(appointment -> day.matches(turn.local(appointment.start()).toLocalDate()))
				.toList())
			.orElse(List.of());
		if (upcoming.size() == 1 || namedDay.size() == 1) {
			AppointmentView chosen = upcoming.size() == 1 ? upcoming.get(0) : namedDay.get(0);
			if (named.isPresent() && namedDay.contains(chosen)) {
				// the day named the appointment; what is left may say the new time
				forgetReference(state);
			}
			return allowed(state, turn, draft, chosen, verbKey);
		}
		if (state.stage() == Stage.APPOINTMENT && !state.appointmentChoices().isEmpty()) {
			// the list as shown, so that "2" is the second one the patient saw
			List<AppointmentView> shown = state.appointmentChoices()
				.stream()
				.map(appointments::find)
				.flatMap(Optional::stream)
				.filter(appointment -> OPEN.contains(appointment.status()))
				.toList();
			if (shown.size() == state.appointmentChoices().size()) {
				upcoming = shown;
			}
		}
		state.showAppointments(upcoming.stream().map(AppointmentView::id).toList());
		Optional<AppointmentView> picked = state.stage() == Stage.APPOINTMENT ? byNumber(state, turn, upcoming)
				: Optional.empty();
		boolean byDate = false;
		Entities entities = turn.entities();
		if (picked.isEmpty() && (entities.when() != null || entities.serviceId() != null)) {
			// "the filling on friday": by the day, the service, or both
			LocalDate day = day(entities.when());
			List<AppointmentView> matching = upcoming.stream()
				.filter(appointment -> day == null || turn.local(appointment.start()).toLocalDate().equals(day))
				.filter(appointment -> entities.serviceId() == null
						|| appointment.serviceId().equals(entities.serviceId()))
				.toList();
			if (matching.size() == 1) {
				picked = Optional.of(matching.get(0));
				byDate = day != null;
			}
			else if (matching.isEmpty() && day != null && entities.serviceId() != null) {
				// "move my whitening to Friday the 15th": the day is the new time, the
				// service names the appointment
				List<AppointmentView> ofService = upcoming.stream()
					.filter(appointment -> appointment.serviceId().equals(entities.serviceId()))
					.toList();
				picked = ofService.size() == 1 ? Optional.of(ofService.get(0)) : Optional.empty();
			}
		}
		if (picked.isPresent()) {
			if (!allowed(state, turn, draft, picked.get(), verbKey)) {
				return false;
			}
			if (state.task() == Intent.RESCHEDULE && byDate) {
				// the date named the appointment, not its new time
				state.forgetWanted();
			}
			return true;
		}
		List<Option> options = new ArrayList<>();
		ClinicSnapshot clinic = turn.clinic();
		for (AppointmentView appointment : upcoming) {
			options.add(new Option(Prompts.describe(appointment, clinic, draft),
					turn.local(appointment.start()).format(SlotOffers.VALUE)));
		}
		state.ask(Stage.APPOINTMENT, turn.learnt());
		draft.say("change.which", upcoming.size(), draft.wording().text(draft.locale(), verbKey)).options(options);
		return false;
	}

	/** The words that named the appointment are no new time for it. */
	private static void forgetReference(DialogueState state) {
		String pending = state.pendingTime();
		AppointmentReference.in(pending).ifPresent(day -> state.pendTime(AppointmentReference.without(pending, day)));
	}

	private static Optional<AppointmentView> byNumber(DialogueState state, Turn turn, List<AppointmentView> upcoming) {
		String typed = turn.text().trim();
		List<Option> options = state.options();
		for (int i = 0; i < options.size() && i < upcoming.size(); i++) {
			if (options.get(i).value().equals(typed) || options.get(i).label().equalsIgnoreCase(typed)) {
				return Optional.of(upcoming.get(i));
			}
		}
		Integer choice = turn.entities().choice();
		if (choice == null) {
			return Optional.empty();
		}
		int index = choice == -1 ? upcoming.size() - 1 : choice - 1;
		return index >= 0 && index < upcoming.size() ? Optional.of(upcoming.get(index)) : Optional.empty();
	}

	/** False, with the patient told to call, inside the clinic's notice period. */
	private boolean allowed(DialogueState state, Turn turn, Draft draft, AppointmentView appointment, String verbKey) {
		Duration notice = turn.clinic().rules().cancellationNotice();
		if (appointment.start().isBefore(turn.now().plus(notice))) {
			state.finishTask();
			String verb = draft.wording().text(draft.locale(), verbKey);
			draft
				.say("change.too-late", Prompts.describe(appointment, turn.clinic(), draft), notice.toHours(), verb,
						turn.clinic().profile().phone())
				.handoff(HandoffReason.INSIDE_NOTICE,
						draft.wording().forStaff("handoff.inside_notice", draft.wording().forStaff(verbKey)));
			return false;
		}
		state.chooseAppointment(appointment.id());
		return true;
	}

	private static LocalDate day(TimeExpression when) {
		if (when instanceof TimeExpression.At at) {
			return at.start().toLocalDate();
		}
		return when instanceof TimeExpression.Between between ? between.from().toLocalDate() : null;
	}

}
