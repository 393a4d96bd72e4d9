package io.smiledesk.assistant;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.smiledesk.assistant.DialogueState.Stage;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.Patients;
import io.smiledesk.system.InvalidInputException;

import org.springframework.stereotype.Component;

/**
 * Checks who is asking before an appointment is moved or cancelled: the full name, the
 * email or phone on file, and the date of birth when one is on file (asked too when the
 * details match nobody, so that asking reveals nothing), plus a code mailed to the
 * address on file when the clinic wants one. The facts may come in any order, in one
 * message or over several. Every mismatch gets the same answer, so the chat never tells
 * who is a patient.
 */
@Component
class IdentityCheck {

	static final int MAX_FAILURES = 3;

	private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

	/** What the check came to in this turn. */
	sealed interface Result {

		/** The patient is known: go on with the change ({@code justNow} by a code). */
		record Verified(UUID patientId, boolean justNow) implements Result {
		}

		/** Something is still missing: ask for it. */
		record Ask(Stage stage) implements Result {
		}

		/** The details did not match: ask again for the contact details. */
		record Mismatch() implements Result {
		}

		/** A code is on its way (or, for strangers, seems to be). */
		record CodeSent() implements Result {
		}

		/** The code typed did not match: type it again. */
		record CodeRefused() implements Result {
		}

		/** Too many mismatches: staff take over. */
		record Failed(HandoffReason reason) implements Result {
		}

	}

	private final Patients patients;

	private final OneTimeCodes codes;

	private final AssistantProperties properties;

	IdentityCheck(Patients patients, OneTimeCodes codes, AssistantProperties properties) {
		this.patients = patients;
		this.codes = codes;
		this.properties = properties;
	}

	static boolean isCode(String text) {
		return CODE.matcher(text).find();
	}

	/**
	 * The conversation is the patient's own thread (the clinic wrote to their address):
	 * they count as checked, with the contact details on file.
	 */
	void known(DialogueState state, UUID patientId) {
		if (state.verifiedPatientId() != null) {
			return;
		}
		patients.find(new PatientId(patientId)).ifPresent(patient -> {
			state.contact(patient.email(), patient.phone());
			state.verified(patientId);
		});
	}

	Result check(DialogueState state, Turn turn) {
		if (state.verifiedPatientId() != null) {
			return new Result.Verified(state.verifiedPatientId(), false);
		}
		if (state.stage() == Stage.CODE) {
			return isCode(turn.text()) ? checkCode(state, turn) : new Result.Ask(Stage.CODE);
		}
		if (state.name() == null) {
			return new Result.Ask(Stage.NAME);
		}
		if (!state.hasContact()) {
			return new Result.Ask(Stage.CONTACT);
		}
		Optional<PatientSummary> match = match(state);
		if (state.dateOfBirth() == null
				&& (match.isEmpty() || match.get().dateOfBirth() != null || state.verificationFailures() > 0)) {
			// asked whether or not the details match, so that asking reveals nothing;
			// only a
			// patient with no date of birth on file is not asked
			return new Result.Ask(Stage.DOB);
		}
		if (match.isEmpty()) {
			state.notVerified();
			if (state.verificationFailures() >= MAX_FAILURES) {
				return new Result.Failed(HandoffReason.NOT_IDENTIFIED);
			}
			// with codes, a stranger gets the same answer as a patient: the code never
			// comes
			return properties.verification() == AssistantProperties.Verification.ONE_TIME_CODE ? new Result.CodeSent()
					: new Result.Mismatch();
		}
		PatientSummary patient = match.get();
		if (properties.verification() == AssistantProperties.Verification.ONE_TIME_CODE) {
			state.candidate(patient.id().value());
			codes.send(turn.conversationId(), patient);
			return new Result.CodeSent();
		}
		state.verified(patient.id().value());
		return new Result.Verified(patient.id().value(), false);
	}

	/**
	 * The patient on file under either contact detail, with the same name and birth date.
	 */
	private Optional<PatientSummary> match(DialogueState state) {
		return Stream.of(lookup(state.email(), null), lookup(null, state.phone()))
			.flatMap(Optional::stream)
			.filter(patient -> sameName(patient.name(), state.name()))
			.filter(patient -> patient.dateOfBirth() == null || patient.dateOfBirth().equals(state.dateOfBirth()))
			.findFirst();
	}

	private Optional<PatientSummary> lookup(String email, String phone) {
		if (email == null && phone == null) {
			return Optional.empty();
		}
		try {
			return patients.identify(patients.contact(email, phone));
		}
		catch (InvalidInputException ex) {
			return Optional.empty();
		}
	}

	private Result checkCode(DialogueState state, Turn turn) {
		Matcher matcher = CODE.matcher(turn.text());
		matcher.find();
		Optional<UUID> patient = codes.check(turn.conversationId(), matcher.group(1));
		if (patient.isPresent() && patient.get().equals(state.candidatePatientId())) {
			state.verified(patient.get());
			return new Result.Verified(patient.get(), true);
		}
		state.codeRefused();
		return state.verificationFailures() >= MAX_FAILURES ? new Result.Failed(HandoffReason.CODE_NOT_CONFIRMED)
				: new Result.CodeRefused();
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

}
