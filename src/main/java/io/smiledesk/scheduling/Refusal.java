package io.smiledesk.scheduling;

import org.springframework.http.HttpStatus;

/**
 * Why a booking request (of one visit or a series) was refused for reasons other than the
 * time itself.
 */
public enum Refusal implements Reason {

	SERVICE_UNKNOWN(HttpStatus.NOT_FOUND, "The clinic does not offer that service."),
	PROVIDER_UNKNOWN(HttpStatus.NOT_FOUND, "There is no such provider at the clinic."),
	PATIENT_UNKNOWN(HttpStatus.NOT_FOUND,
			"No patient with that email or phone is registered. Please call the clinic to register."),
	APPOINTMENT_NOT_FOUND(HttpStatus.NOT_FOUND, "No such appointment was found for these details."),
	CHANGE_TOO_LATE(HttpStatus.UNPROCESSABLE_CONTENT,
			"The appointment is too close to change online. Please call the clinic."),
	INVALID_TRANSITION(HttpStatus.CONFLICT, "The appointment cannot be changed in its current state."),
	IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT,
			"This Idempotency-Key was already used for a different request."),
	CONCURRENT_CHANGE(HttpStatus.CONFLICT, "The appointment was changed at the same time. Please retry."),
	// a series of visits, refused as a whole
	PATIENT_NOT_FOUND(HttpStatus.NOT_FOUND, "No patient with that id."),
	SERIES_NOT_FOUND(HttpStatus.NOT_FOUND, "No appointment series with that id."),
	NOTHING_BOOKED(HttpStatus.CONFLICT, "None of the appointments of the series could be booked; nothing was kept.");

	private final HttpStatus status;

	private final String message;

	Refusal(HttpStatus status, String message) {
		this.status = status;
		this.message = message;
	}

	@Override
	public HttpStatus status() {
		return status;
	}

	@Override
	public String message() {
		return message;
	}

}
