package io.smiledesk.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.smiledesk.assistant.DialogueState.Option;
import io.smiledesk.scheduling.AppointmentView;

/**
 * The reply being put together in one turn, sentence by sentence from the bundle of the
 * conversation's language.
 */
final class Draft {

	/** An appointment booked, moved or cancelled in this turn. */
	record Change(AppointmentView appointment, String action) {
	}

	/** Staff are asked to step in. */
	record Handoff(HandoffReason reason, String detail) {
	}

	private final Wording wording;

	private final Locale locale;

	private final List<String> parts = new ArrayList<>();

	private List<Option> options = List.of();

	private Change change;

	private Handoff handoff;

	private boolean close;

	private UUID patientId;

	Draft(Wording wording, Locale locale) {
		this.wording = wording;
		this.locale = locale;
	}

	Wording wording() {
		return wording;
	}

	Locale locale() {
		return locale;
	}

	Draft say(String key, Object... args) {
		parts.add(wording.text(locale, key, args));
		return this;
	}

	/** A sentence composed elsewhere (a knowledge answer, written by the clinic). */
	Draft sayAsWritten(String text) {
		parts.add(text);
		return this;
	}

	/** The reply as a language model reworded it (facts checked by the phrasing). */
	Draft replaceText(String text) {
		parts.clear();
		parts.add(text);
		return this;
	}

	/** A sentence that must come first (safety). */
	Draft sayFirst(String key, Object... args) {
		parts.add(0, wording.text(locale, key, args));
		return this;
	}

	Draft options(List<Option> shown) {
		this.options = List.copyOf(shown);
		return this;
	}

	Draft option(String labelKey, String valueKey, Object... args) {
		List<Option> more = new ArrayList<>(options);
		more.add(new Option(wording.text(locale, labelKey, args), wording.text(locale, valueKey, args)));
		this.options = List.copyOf(more);
		return this;
	}

	Draft changed(AppointmentView appointment, String action) {
		this.change = new Change(appointment, action);
		this.patientId = appointment.patientId();
		return this;
	}

	Draft identified(UUID patientId) {
		this.patientId = patientId;
		return this;
	}

	Draft handoff(HandoffReason reason, String detail) {
		this.handoff = new Handoff(reason, detail);
		return this;
	}

	Draft close() {
		this.close = true;
		return this;
	}

	boolean isEmpty() {
		return parts.isEmpty();
	}

	String text() {
		return String.join(" ", parts);
	}

	List<Option> options() {
		return options;
	}

	Change change() {
		return change;
	}

	Handoff handoff() {
		return handoff;
	}

	boolean closes() {
		return close;
	}

	UUID patientId() {
		return patientId;
	}

}
