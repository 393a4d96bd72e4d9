package io.smiledesk.waitlist;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.smiledesk.scheduling.Slot;

/** What came of a patient's answer to an offer; each case has its own words. */
public sealed interface Response {

	/** Booked (or moved) into the freed time. */
	record Booked(UUID appointmentId, Instant start, boolean moved) implements Response {
	}

	/** Someone else was first: the next free times instead; the entry keeps waiting. */
	record Taken(List<Slot> alternatives) implements Response {
	}

	/** Too late: the offer lapsed; the entry keeps waiting. */
	record Expired() implements Response {
	}

	record Declined() implements Response {
	}

	/** The offer was answered before; nothing changed. */
	record AlreadyAnswered(OfferStatus status) implements Response {
	}

	record NotFound() implements Response {
	}

}
