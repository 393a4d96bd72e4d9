package io.smiledesk.scheduling;

import java.util.Locale;

/**
 * A reason a scheduling request was refused, with the message every channel shows. Its
 * kind is the domain's; the web layer ({@link ReasonStatus}) turns it into an HTTP
 * status.
 */
public interface Reason {

	/** What sort of refusal a reason is. */
	enum Kind {

		/** The request itself is malformed (a time off the 5-minute grid). */
		INVALID,
		/** Something the request names does not exist. */
		NOT_FOUND,
		/**
		 * A booking rule refuses it (too soon, too late to change, outside the hours).
		 */
		NOT_ALLOWED,
		/** It clashes with what is booked, or with the appointment's current state. */
		CONFLICT

	}

	Kind kind();

	String message();

	String name();

	default String code() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
