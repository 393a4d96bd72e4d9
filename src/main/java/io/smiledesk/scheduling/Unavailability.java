package io.smiledesk.scheduling;

import org.springframework.http.HttpStatus;

/**
 * Why a time cannot be booked. The REST API, the staff console and the assistant all show
 * the same message. Listed from the most general to the most specific: when several
 * providers fail for different reasons, the most specific one is the most useful to
 * report.
 */
public enum Unavailability implements Reason {

	NOT_ON_GRID(HttpStatus.BAD_REQUEST, "Appointments start on a 5-minute boundary (e.g. 14:00 or 14:05)."),
	IN_PAST(HttpStatus.UNPROCESSABLE_CONTENT, "That time is in the past."),
	TOO_SOON(HttpStatus.UNPROCESSABLE_CONTENT, "That time is too soon: the clinic needs more notice to prepare."),
	TOO_FAR_AHEAD(HttpStatus.UNPROCESSABLE_CONTENT, "That time is further ahead than the clinic takes bookings."),
	CLINIC_CLOSED(HttpStatus.UNPROCESSABLE_CONTENT, "The clinic is closed that day."),
	OUTSIDE_OPENING_HOURS(HttpStatus.UNPROCESSABLE_CONTENT, "That time is outside the clinic's opening hours."),
	NO_QUALIFIED_PROVIDER(HttpStatus.UNPROCESSABLE_CONTENT, "No provider at the clinic offers this service."),
	PROVIDER_NOT_QUALIFIED(HttpStatus.UNPROCESSABLE_CONTENT, "This provider does not offer this service."),
	PROVIDER_NOT_WORKING(HttpStatus.UNPROCESSABLE_CONTENT, "The provider is not working at that time."),
	PROVIDER_ON_BREAK(HttpStatus.UNPROCESSABLE_CONTENT, "The provider is on a break at that time."),
	PROVIDER_AWAY(HttpStatus.UNPROCESSABLE_CONTENT, "The provider is away at that time."),
	PROVIDER_BUSY(HttpStatus.CONFLICT, "That time is already taken."),
	NO_OPERATORY_FREE(HttpStatus.CONFLICT, "All treatment rooms are taken at that time."),
	SLOT_TAKEN(HttpStatus.CONFLICT, "That time was just taken by someone else.");

	private final HttpStatus status;

	private final String message;

	Unavailability(HttpStatus status, String message) {
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
