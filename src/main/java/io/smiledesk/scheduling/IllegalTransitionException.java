package io.smiledesk.scheduling;

/**
 * A lifecycle step the appointment's current status does not allow (e.g. completing a
 * cancelled appointment).
 */
class IllegalTransitionException extends RuntimeException {

	IllegalTransitionException(String message) {
		super(message);
	}

}
