package io.smiledesk.clinic;

import java.util.Optional;

/**
 * A change the clinic's set-up refuses, said in the clinic's own terms. The field is the
 * domain's, not a JSON path or a form field: the REST API ({@code ClinicProblems}) and
 * the console map it to their own names, each in one place, so renaming a JSON field
 * cannot silently break the console's messages.
 */
public final class SetupRefused extends RuntimeException {

	public enum Kind {

		/** A value breaks a rule: the field says which. */
		INVALID,
		/** The thing to change does not exist: the subject says what it is. */
		NOT_FOUND,
		/** The change clashes with what exists: the subject is a stable code. */
		CONFLICT

	}

	/** What a refused value was about. */
	public enum Field {

		SLOT_INTERVAL, BOOKING_HORIZON, HOLD_TIME, CURRENCY, CLOSURE_END, TIME_OFF_END, NAME, LANGUAGES, DURATION,
		BUFFER, PROVIDER_ROLES

	}

	private final Kind kind;

	private final Field field;

	private final String subject;

	private SetupRefused(Kind kind, Field field, String subject, String message) {
		super(message, null, false, false);
		this.kind = kind;
		this.field = field;
		this.subject = subject;
	}

	static SetupRefused invalid(Field field, String message) {
		return new SetupRefused(Kind.INVALID, field, null, message);
	}

	static SetupRefused notFound(String what, String message) {
		return new SetupRefused(Kind.NOT_FOUND, null, what, message);
	}

	static SetupRefused conflict(String code, String message) {
		return new SetupRefused(Kind.CONFLICT, null, code, message);
	}

	/** A conflict about one value, e.g. a currency still in use. */
	static SetupRefused conflict(String code, Field field, String message) {
		return new SetupRefused(Kind.CONFLICT, field, code, message);
	}

	public Kind kind() {
		return kind;
	}

	public Optional<Field> field() {
		return Optional.ofNullable(field);
	}

	/** What was not found ("service"), or the conflict's code ("service-exists"). */
	public String subject() {
		return subject;
	}

}
