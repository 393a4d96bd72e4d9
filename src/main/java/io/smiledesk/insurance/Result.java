package io.smiledesk.insurance;

/**
 * What an insurance request came to: done, or refused with a reason the API, the console
 * and the audit trail show alike. A refusal writes nothing.
 */
sealed interface Result<T> {

	enum Reason {

		NOT_FOUND, INVALID, CONFLICT

	}

	record Done<T>(T value) implements Result<T> {
	}

	/**
	 * @param subject the field for INVALID, the thing missing for NOT_FOUND, the problem
	 * type for CONFLICT
	 */
	record Refused<T>(Reason reason, String subject, String detail) implements Result<T> {

		/** The same refusal, of a request that would have answered another type. */
		<U> Refused<U> retyped() {
			return new Refused<>(reason, subject, detail);
		}

	}

	static <T> Result<T> done(T value) {
		return new Done<>(value);
	}

	static <T> Result<T> notFound(String what, String detail) {
		return new Refused<>(Reason.NOT_FOUND, what, detail);
	}

	static <T> Result<T> invalid(String field, String detail) {
		return new Refused<>(Reason.INVALID, field, detail);
	}

	static <T> Result<T> conflict(String type, String detail) {
		return new Refused<>(Reason.CONFLICT, type, detail);
	}

}
