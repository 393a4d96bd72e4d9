package io.smiledesk.assistant;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.smiledesk.understanding.Intent;

/**
 * Everything the assistant has learnt in one conversation, persisted after each turn.
 * Facts are only replaced by newer facts, never forgotten; the flows look at what is
 * still missing to choose the next question. Every change is a named method, so a reader
 * can find who changes what.
 * <p>
 * Longer than the flows: it is some thirty facts, each with its reader and the named
 * change that writes it, kept in one place so that the stored form is one record.
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

	/**
	 * The wanted time: a window (clinic-local, end exclusive), maybe a precise start, and
	 * maybe a part of every day in the window (mornings of next week, say).
	 */
	record Wanted(LocalDateTime from, LocalDateTime to, LocalDateTime exact, LocalTime dayFrom, LocalTime dayTo) {

		static final Wanted SOONEST = new Wanted(null, null, null, null, null);

		Wanted(LocalDateTime from, LocalDateTime to, LocalDateTime exact) {
			this(from, to, exact, null, null);
		}

		boolean oneDay() {
			return from != null && to != null && to.minusNanos(1).toLocalDate().equals(from.toLocalDate());
		}

		/** Whether a start fits the part of the day asked for, if one was. */
		boolean fitsDay(LocalTime start) {
			return (dayFrom == null || !start.isBefore(dayFrom)) && (dayTo == null || start.isBefore(dayTo));
		}

	}

	private Intent task;

	private Stage stage;

	/**
	 * How many times in a row {@link #stage} was asked without the patient answering it.
	 */
	private int askedAgain;

	private String serviceId;

	private String providerId;

	private LocalDateTime from;

	private LocalDateTime to;

	private LocalDateTime exact;

	/** The exact time asked for and found not free: what "same time" still means. */
	private LocalDateTime triedExact;

	private LocalTime dayFrom;

	private LocalTime dayTo;

	private List<Offer> offers = new ArrayList<>();

	private List<Instant> declined = new ArrayList<>();

	private Offer chosen;

	private UUID holdId;

	private String name;

	private String email;

	private String phone;

	private LocalDate dateOfBirth;

	private UUID verifiedPatientId;

	private UUID candidatePatientId;

	private int verificationFailures;

	private UUID appointmentId;

	private List<UUID> appointmentChoices = new ArrayList<>();

	private List<Option> options = new ArrayList<>();

	private int misunderstandings;

	/** The conversation's language (ISO 639-1); null until the first message. */
	private String language;

	/**
	 * Services a medical-risk question was about: not booked until staff hand the
	 * conversation back.
	 */
	private Set<String> heldForStaff = new LinkedHashSet<>();

	/**
	 * What the last reply offered to do next ("Would you like to book one?"), if
	 * anything.
	 */
	private Intent suggestedTask;

	private String suggestedService;

	/** Time words said before the appointment being moved was known ("an hour later"). */
	private String pendingTime;

	/** The patient asked for a place on the waitlist rather than a time now. */
	private boolean waitlist;

	// --- reading

	Intent task() {
		return task;
	}

	Stage stage() {
		return stage;
	}

	int askedAgain() {
		return askedAgain;
	}

	String serviceId() {
		return serviceId;
	}

	String providerId() {
		return providerId;
	}

	Wanted wanted() {
		return new Wanted(from, to, exact, dayFrom, dayTo);
	}

	List<Offer> offers() {
		return List.copyOf(offers);
	}

	boolean declined(Instant start) {
		return declined.contains(start);
	}

	Offer chosen() {
		return chosen;
	}

	UUID holdId() {
		return holdId;
	}

	String name() {
		return name;
	}

	String email() {
		return email;
	}

	String phone() {
		return phone;
	}

	LocalDate dateOfBirth() {
		return dateOfBirth;
	}

	boolean hasContact() {
		return email != null || phone != null;
	}

	UUID verifiedPatientId() {
		return verifiedPatientId;
	}

	UUID candidatePatientId() {
		return candidatePatientId;
	}

	int verificationFailures() {
		return verificationFailures;
	}

	UUID appointmentId() {
		return appointmentId;
	}

	List<UUID> appointmentChoices() {
		return List.copyOf(appointmentChoices);
	}

	List<Option> options() {
		return List.copyOf(options);
	}

	int misunderstandings() {
		return misunderstandings;
	}

	String language() {
		return language;
	}

	boolean heldForStaff(String serviceId) {
		return serviceId != null && heldForStaff.contains(serviceId);
	}

	/** The appointment being moved, whose own time counts as free; null otherwise. */
	UUID moving() {
		return task == Intent.RESCHEDULE ? appointmentId : null;
	}

	String pendingTime() {
		return pendingTime;
	}

	boolean wantsWaitlist() {
		return waitlist;
	}

	Intent suggestedTask() {
		return suggestedTask;
	}

	String suggestedService() {
		return suggestedService;
	}

	// --- tasks and questions

	/** The reply offers to go on with this task ("yes" then starts it). */
	void suggest(Intent task, String serviceId) {
		this.suggestedTask = task;
		this.suggestedService = serviceId;
	}

	/** A new message: the last reply's suggestion has had its answer. */
	void forgetSuggestion() {
		suggestedTask = null;
		suggestedService = null;
	}

	/** Facts given before any task stay; switching from another task starts afresh. */
	void startTask(Intent task) {
		if (this.task != null) {
			finishTask();
		}
		this.task = task;
		this.stage = null;
		this.askedAgain = 0;
	}

	/** Forgets the task in progress but keeps who the patient is. */
	void finishTask() {
		task = null;
		stage = null;
		askedAgain = 0;
		serviceId = null;
		providerId = null;
		from = null;
		to = null;
		exact = null;
		triedExact = null;
		dayFrom = null;
		dayTo = null;
		offers = new ArrayList<>();
		declined = new ArrayList<>();
		chosen = null;
		holdId = null;
		appointmentId = null;
		appointmentChoices = new ArrayList<>();
		pendingTime = null;
		waitlist = false;
	}

	/**
	 * Start over: forgets everything, the identity check included, but not the count of
	 * failed checks (else starting over would allow endless guesses) nor the services
	 * waiting for staff.
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

	/**
	 * The assistant asks for {@code next}; {@code answered} tells whether the message
	 * just read moved things on. Asking the same thing again without an answer counts.
	 */
	void ask(Stage next, boolean answered) {
		askedAgain = next == stage && !answered && next != null ? askedAgain + 1 : 0;
		stage = next;
	}

	void offerOptions(List<Option> shown) {
		options = new ArrayList<>(shown);
	}

	void misunderstood() {
		misunderstandings++;
	}

	void understood() {
		misunderstandings = 0;
	}

	void speaks(String language) {
		this.language = language;
	}

	/**
	 * Staff have talked to the patient: counters start afresh, held services are free.
	 */
	void handedBack() {
		misunderstandings = 0;
		verificationFailures = 0;
		askedAgain = 0;
		heldForStaff = new LinkedHashSet<>();
	}

	void holdForStaff(String serviceId) {
		heldForStaff.add(serviceId);
	}

	// --- what the patient wants

	/**
	 * @return whether it changed
	 */
	boolean chooseService(String serviceId) {
		if (Objects.equals(serviceId, this.serviceId)) {
			return false;
		}
		this.serviceId = serviceId;
		clearSlots();
		return true;
	}

	/**
	 * @return whether it changed
	 */
	boolean chooseProvider(String providerId) {
		if (Objects.equals(providerId, this.providerId)) {
			return false;
		}
		this.providerId = providerId;
		clearSlots();
		return true;
	}

	/** A new time preference: earlier offers and declined times no longer apply. */
	boolean prefer(Wanted wanted) {
		if (wanted.equals(wanted())) {
			return false;
		}
		from = wanted.from();
		to = wanted.to();
		exact = wanted.exact();
		dayFrom = wanted.dayFrom();
		dayTo = wanted.dayTo();
		declined = new ArrayList<>();
		clearSlots();
		return true;
	}

	/** The precise start was tried (held or refused): the window stays. */
	void exactTried() {
		triedExact = exact;
		exact = null;
	}

	LocalDateTime triedExact() {
		return triedExact;
	}

	void offered(List<Offer> shown) {
		offers = new ArrayList<>(shown);
	}

	void decline(Instant start) {
		if (!declined.contains(start)) {
			declined.add(start);
		}
	}

	/** None of the offers suits: they are set aside. */
	void declineOffers() {
		offers.forEach(offer -> decline(offer.start()));
		offers = new ArrayList<>();
	}

	void wantWaitlist() {
		waitlist = true;
	}

	void pendTime(String text) {
		this.pendingTime = text;
	}

	void held(Offer offer, UUID holdId) {
		this.chosen = offer;
		this.holdId = holdId;
		this.exact = null;
	}

	/** The held time went back (the hold itself is released by the caller). */
	void released() {
		holdId = null;
		chosen = null;
		if (stage == Stage.CONFIRM) {
			stage = null;
		}
	}

	private void clearSlots() {
		offers = new ArrayList<>();
		chosen = null;
		if (stage == Stage.SLOT || stage == Stage.CONFIRM) {
			stage = null;
		}
	}

	// --- who the patient is

	/**
	 * @return whether it is new
	 */
	boolean named(String name) {
		boolean changed = !name.equals(this.name);
		this.name = name;
		return changed;
	}

	void contact(String email, String phone) {
		if (email != null) {
			this.email = email;
		}
		if (phone != null) {
			this.phone = phone;
		}
	}

	void born(LocalDate dateOfBirth) {
		this.dateOfBirth = dateOfBirth;
	}

	void candidate(UUID patientId) {
		this.candidatePatientId = patientId;
	}

	void verified(UUID patientId) {
		this.verifiedPatientId = patientId;
		this.candidatePatientId = null;
		this.verificationFailures = 0;
	}

	/**
	 * The details did not match. They are kept: the patient corrects whichever is wrong,
	 * and any newer fact replaces the one before it.
	 */
	void notVerified() {
		verificationFailures++;
		candidatePatientId = null;
	}

	void codeRefused() {
		verificationFailures++;
	}

	// --- which appointment

	void chooseAppointment(UUID appointmentId) {
		this.appointmentId = appointmentId;
	}

	void showAppointments(List<UUID> shown) {
		appointmentChoices = new ArrayList<>(shown);
	}

	/** The date named the appointment to move, not its new time. */
	void forgetWanted() {
		from = null;
		to = null;
		exact = null;
		dayFrom = null;
		dayTo = null;
	}

}
