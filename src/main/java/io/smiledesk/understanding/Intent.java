package io.smiledesk.understanding;

/** What a patient's message is for. */
public enum Intent {

	BOOK, RESCHEDULE, CANCEL, QUESTION, CONFIRM, DENY, GREETING, THANKS, HUMAN, EMERGENCY, GOODBYE, START_OVER,
	OUT_OF_SCOPE,

	/** Nothing recognised with enough confidence: the assistant asks. */
	UNKNOWN

}
