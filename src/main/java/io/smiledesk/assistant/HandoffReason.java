package io.smiledesk.assistant;

import java.util.Locale;

import io.smiledesk.conversation.Urgency;

/**
 * Why staff are asked to step in. The code comes first in the stored reason, so the
 * handoff queue and the analytics group by it; the particulars follow.
 */
enum HandoffReason {

	EMERGENCY(Urgency.URGENT), MEDICAL_RISK, ASKED_FOR_PERSON, OTHER_LANGUAGE, UNANSWERED_QUESTION, STUCK,
	NOT_IDENTIFIED, CODE_NOT_CONFIRMED, INSIDE_NOTICE, CHANGE_REFUSED, BOOKING_REFUSED, NO_FREE_TIME,
	SERVICE_UNAVAILABLE;

	private final Urgency urgency;

	HandoffReason() {
		this(Urgency.NORMAL);
	}

	HandoffReason(Urgency urgency) {
		this.urgency = urgency;
	}

	Urgency urgency() {
		return urgency;
	}

	String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
