package io.smiledesk.scheduling;

/**
 * Why a booking request (of one visit or a series) was refused for reasons other than the
 * time itself.
 */
public enum Refusal implements Reason {

	SERVICE_UNKNOWN(Kind.NOT_FOUND, "The clinic does not offer that service."),
	PROVIDER_UNKNOWN(Kind.NOT_FOUND, "There is no such provider at the clinic."),
	PATIENT_UNKNOWN(Kind.NOT_FOUND,
			"No patient with that email or phone is registered. Please call the clinic to register."),
	APPOINTMENT_NOT_FOUND(Kind.NOT_FOUND, "No such appointment was found for these details."),
	CHANGE_TOO_LATE(Kind.NOT_ALLOWED, "The appointment is too close to change online. Please call the clinic."),
	INVALID_TRANSITION(Kind.CONFLICT, "The appointment cannot be changed in its current state."),
	IDEMPOTENCY_KEY_REUSED(Kind.NOT_ALLOWED, "This Idempotency-Key was already used for a different request."),
	CONCURRENT_CHANGE(Kind.CONFLICT, "The appointment was changed at the same time. Please retry."),
	// a series of visits, refused as a whole
	PATIENT_NOT_FOUND(Kind.NOT_FOUND, "No patient with that id."),
	SERIES_NOT_FOUND(Kind.NOT_FOUND, "No appointment series with that id."),
	NOTHING_BOOKED(Kind.CONFLICT, "None of the appointments of the series could be booked; nothing was kept.");

	private final Kind kind;

	private final String message;

	Refusal(Kind kind, String message) {
		this.kind = kind;
		this.message = message;
	}

	@Override
	public Kind kind() {
		return kind;
	}

	@Override
	public String message() {
		return message;
	}

}
