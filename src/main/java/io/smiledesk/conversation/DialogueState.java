package io.smiledesk.conversation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.smiledesk.understanding.Intent;

/**
 * Everything the assistant has learnt in one conversation, persisted after each turn.
 * Facts are only replaced by newer facts, never forgotten; the policy looks at what is
 * still missing to choose the next question.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
		isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
final class DialogueState {

	/** What the assistant asked for last: the next message is read in that light. */
	enum Stage {

		SERVICE, WHEN, SLOT, NAME, CONTACT, DOB, CODE, APPOINTMENT, CONFIRM;

		String awaiting() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** A concrete free time offered to the patient. */
	record Offer(Instant start, String providerId) {
	}

	/** A quick reply offered last turn; a patient sending its value picks it. */
	record Option(String label, String value) {
	}

	/** BOOK, RESCHEDULE or CANCEL while one is in progress. */
	Intent task;

	Stage stage;

	String serviceId;

	String providerId;

	/** The wanted window, clinic-local, end exclusive; null means "soonest". */
	LocalDateTime from;

	LocalDateTime to;

	/** A precise start the patient asked for. */
	LocalDateTime exact;

	List<Offer> offers = new ArrayList<>();

	List<Instant> declined = new ArrayList<>();

	Offer chosen;

	UUID holdId;

	String name;

	String email;

	String phone;

	LocalDate dateOfBirth;

	/** The patient whose identity was checked (reschedule, cancel). */
	UUID verifiedPatientId;

	/** The patient matched by contact details, waiting for the date of birth or code. */
	UUID candidatePatientId;

	int verificationFailures;

	UUID appointmentId;

	List<UUID> appointmentChoices = new ArrayList<>();

	List<Option> options = new ArrayList<>();

	int misunderstandings;

	/** Forgets the task in progress but keeps who the patient is. */
	void finishTask() {
		task = null;
		stage = null;
		serviceId = null;
		providerId = null;
		from = null;
		to = null;
		exact = null;
		offers = new ArrayList<>();
		declined = new ArrayList<>();
		chosen = null;
		holdId = null;
		appointmentId = null;
		appointmentChoices = new ArrayList<>();
	}

	/**
	 * Start over: forgets everything, the identity check included, but not the count of
	 * failed checks (else starting over would allow endless guesses).
	 */
	void reset() {
		finishTask();
		name = null;
		email = null;
		phone = null;
		dateOfBirth = null;
		verifiedPatientId = null;
		candidatePatientId = null;
		misunderstandings = 0;
		options = new ArrayList<>();
	}

	/** A new time preference: earlier offers and the chosen slot no longer apply. */
	void clearSlots() {
		offers = new ArrayList<>();
		chosen = null;
	}

	boolean hasContact() {
		return email != null || phone != null;
	}

}
