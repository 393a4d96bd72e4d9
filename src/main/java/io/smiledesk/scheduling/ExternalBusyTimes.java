package io.smiledesk.scheduling;

import java.time.Instant;
import java.util.List;

/**
 * Time a provider is busy outside SmileDesk (their own Google Calendar events):
 * availability never offers it and bookings are refused in it. The calendar module
 * answers; without it there is none.
 */
public interface ExternalBusyTimes {

	/** The blocks that overlap the window from {@code from} until {@code to}. */
	List<Block> overlapping(Instant from, Instant to);

	record Block(String providerId, Instant start, Instant end) {
	}

}
