package io.smiledesk.patient;

import java.util.Optional;

/**
 * A change to the patients' records that is refused, said in the domain's terms: the REST
 * API reads it in {@code PatientProblems}, so no HTTP type reaches {@link Patients}.
 */
public final class PatientRefused extends RuntimeException {

	public enum Kind {

		/** The patient does not exist: the subject says what was looked for. */
		NOT_FOUND,
		/** The change clashes with another record: the subject is a stable code. */
		CONFLICT

	}

	/** The contact detail a conflict is about. */
	public enum Field {

		EMAIL, PHONE

	}

	private final Kind kind;

	private final Field field;

	private final String subject;

	private PatientRefused(Kind kind, Field field, String subject, String message) {
		super(message, null, false, false);
		this.kind = kind;
		this.field = field;
		this.subject = subject;
	}

	static PatientRefused notFound(PatientId id) {
		return new PatientRefused(Kind.NOT_FOUND, null, "patient", "No patient with id " + id + ".");
	}

	/** Another patient already has this email or phone: no two patients share either. */
	static PatientRefused taken(Field field, String message) {
		return new PatientRefused(Kind.CONFLICT, field, "patient-exists", message);
	}

	public Kind kind() {
		return kind;
	}

	public Optional<Field> field() {
		return Optional.ofNullable(field);
	}

	/** What was not found ("patient"), or the conflict's code ("patient-exists"). */
	public String subject() {
		return subject;
	}

}
