package io.smiledesk.assistant;

import java.util.regex.Pattern;

import io.smiledesk.assistant.DialogueState.Option;
import io.smiledesk.assistant.DialogueState.Stage;
import io.smiledesk.understanding.Entities;
import io.smiledesk.understanding.Intent;

/**
 * Reads a message's intent in the light of the conversation: a message that answers the
 * question asked is that answer ("you can reach me at ..." gives the email, it does not
 * ask for a person), and a change of plan inside a task is a correction.
 */
final class Intents {

	private static final Pattern OFFERING = Pattern
		.compile("(?iu)\\b(do you have|have you got|you got|is there|are there|anything|something|any)\\b");

	private Intents() {
	}

	static Intent inContext(DialogueState state, Turn turn) {
		Intent intent = picked(state, turn.text(), turn.understanding().intent());
		Entities entities = turn.entities();
		if (intent == Intent.GOODBYE && state.task() != null
				&& (entities.when() != null || entities.choice() != null || TimePreference.shifts(turn.text()))) {
			// "later in the day if you can" and "whatever's soonest" are no farewell
			intent = Intent.UNKNOWN;
		}
		if (intent == Intent.BOOK && state.task() == null && NamesAppointment.told(turn.text())
				&& turn.text().contains("?") && !QuestionFlow.questionSentences(turn.text()).isBlank()) {
			// "I have a cleaning next week. What's the charge if I miss it?" asks about
			// the visit it names; it books nothing
			intent = Intent.QUESTION;
		}
		if (intent == Intent.QUESTION && (state.task() == Intent.BOOK || state.task() == Intent.RESCHEDULE)
				&& TimePreference.shifts(turn.text()) && OFFERING.matcher(turn.text()).find()) {
			// "do you have something earlier that same day?" asks for another time
			intent = Intent.UNKNOWN;
		}
		if (intent == Intent.CONFIRM && state.stage() == null && state.task() == null && entities.serviceId() != null
				&& !turn.text().contains("?") && !NamesAppointment.told(turn.text())) {
			// "Un nettoyage le vendredi 22 août à 10h, s'il vous plaît": nothing was
			// asked,
			// so the "please" confirms nothing; naming a service asks for it
			intent = Intent.BOOK;
		}
		if (intent == Intent.START_OVER || intent == Intent.GOODBYE || intent == Intent.EMERGENCY
				|| state.stage() == null) {
			return intent;
		}
		boolean answers = switch (state.stage()) {
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
		if (answers && intent == Intent.CONFIRM && entities.choice() != null
				&& (state.stage() == Stage.SLOT || state.stage() == Stage.APPOINTMENT)) {
			// "ok, 1 then" picks the first option
			return Intent.UNKNOWN;
		}
		if (answers && intent == Intent.BOOK && state.task() != null) {
			// "the filling on friday" picks the appointment to move; it is not a new
			// booking
			return Intent.UNKNOWN;
		}
		if (state.stage() == Stage.CONFIRM && intent == state.task()) {
			// "yes, cancel it" while asked whether to cancel
			return Intent.CONFIRM;
		}
		if (state.task() == Intent.RESCHEDULE && intent == Intent.BOOK) {
			// "can I book it for later?" while moving: the same appointment, another time
			return Intent.UNKNOWN;
		}
		if (state.task() == Intent.BOOK && intent == Intent.RESCHEDULE) {
			// "can we change that to Thursday?" while booking
			return Intent.UNKNOWN;
		}
		return intent;
	}

	/** Tapping "Yes" or "No" is an answer, whatever the classifier thinks of the word. */
	private static Intent picked(DialogueState state, String text, Intent read) {
		String typed = text.trim();
		for (Option option : state.options()) {
			if (option.value().equalsIgnoreCase(typed) || option.label().equalsIgnoreCase(typed)) {
				if (option.value().equals("yes")) {
					return Intent.CONFIRM;
				}
				if (option.value().equals("no")) {
					return Intent.DENY;
				}
			}
		}
		return read;
	}

}
