package io.smiledesk.assistant;

import io.smiledesk.understanding.Intent;

/**
 * One task of the front desk. The dialogue has merged the message's facts into the state;
 * the flow looks at what is still missing and asks for it, or acts through the domain
 * services once the patient has confirmed. Flows propose; the scheduling services decide.
 */
interface Flow {

	/** The task this flow carries out (BOOK, RESCHEDULE, CANCEL, QUESTION). */
	Intent task();

	/** The next step, written into the draft. */
	Draft next(DialogueState state, Turn turn, Draft draft);

}
