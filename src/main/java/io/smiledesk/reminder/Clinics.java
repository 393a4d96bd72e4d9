package io.smiledesk.reminder;

/** The clinic rows belong to, until a deployment serves several. */
final class Clinics {

	static final int DEFAULT = 1;

	private Clinics() {
	}

}
