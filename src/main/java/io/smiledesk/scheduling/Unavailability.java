package io.smiledesk.scheduling;

/**
 * Why a time cannot be booked. The REST API, the staff console and the assistant all show
 * the same message. Listed from the most general to the most specific: when several
 * providers fail for different reasons, the most specific one is the most useful to
 * report.
 */
public enum Unavailability implements Reason {

	NOT_ON_GRID(Kind.INVALID, "Appointments start on a 5-minute boundary (e.g. 14:00 or 14:05)."),
	IN_PAST(Kind.NOT_ALLOWED, "That time is in the past."),
	TOO_SOON(Kind.NOT_ALLOWED, "That time is too soon: the clinic needs more notice to prepare."),
	TOO_FAR_AHEAD(Kind.NOT_ALLOWED, "That time is further ahead than the clinic takes bookings."),
	CLINIC_CLOSED(Kind.NOT_ALLOWED, "The clinic is closed that day."),
	OUTSIDE_OPENING_HOURS(Kind.NOT_ALLOWED, "That time is outside the clinic's opening hours."),
	NO_QUALIFIED_PROVIDER(Kind.NOT_ALLOWED, "No provider at the clinic offers this service."),
	PROVIDER_NOT_QUALIFIED(Kind.NOT_ALLOWED, "This provider does not offer this service."),
	PROVIDER_NOT_WORKING(Kind.NOT_ALLOWED, "The provider is not working at that time."),
	PROVIDER_ON_BREAK(Kind.NOT_ALLOWED, "The provider is on a break at that time."),
	PROVIDER_AWAY(Kind.NOT_ALLOWED, "The provider is away at that time."),
	PROVIDER_BUSY(Kind.CONFLICT, "That time is already taken."),
	NO_OPERATORY_FREE(Kind.CONFLICT, "All treatment rooms are taken at that time."),
	SLOT_TAKEN(Kind.CONFLICT, "That time was just taken by someone else.");

	private final Kind kind;

	private final String message;

	Unavailability(Kind kind, String message) {
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
