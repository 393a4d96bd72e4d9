package io.smiledesk.safety;

/** How urgently staff must see a patient's message. */
public enum Level {

	/** Nothing clinical: the assistant may answer. */
	NONE,

	/**
	 * A medical risk or a request for clinical advice: staff check before anything
	 * clinical.
	 */
	RISK,

	/** Immediate instructions and an urgent handoff. */
	EMERGENCY

}
