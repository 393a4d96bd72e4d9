package io.smiledesk.staff;

/**
 * A change to the staff accounts that is refused, said in the domain's terms: the REST
 * API reads it in {@code StaffProblems}, so no HTTP type reaches {@link StaffAccounts}.
 */
public final class StaffRefused extends RuntimeException {

	public enum Kind {

		/** The account does not exist: the subject says what was looked for. */
		NOT_FOUND,
		/** The change clashes with what exists: the subject is a stable code. */
		CONFLICT

	}

	private final Kind kind;

	private final String subject;

	private StaffRefused(Kind kind, String subject, String message) {
		super(message, null, false, false);
		this.kind = kind;
		this.subject = subject;
	}

	static StaffRefused notFound(java.util.UUID id) {
		return new StaffRefused(Kind.NOT_FOUND, "staff", "No staff account with id " + id + ".");
	}

	static StaffRefused conflict(String code, String message) {
		return new StaffRefused(Kind.CONFLICT, code, message);
	}

	public Kind kind() {
		return kind;
	}

	/** What was not found ("staff"), or the conflict's code ("last-administrator"). */
	public String subject() {
		return subject;
	}

}
