package io.smiledesk.insurance;

/**
 * The clinic rows belong to while a deployment serves one; several locations will set it
 * per request.
 */
final class Clinics {

	static final int DEFAULT = 1;

	private Clinics() {
	}

}
