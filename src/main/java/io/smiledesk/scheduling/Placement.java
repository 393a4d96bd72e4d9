package io.smiledesk.scheduling;

import java.time.Duration;
import java.time.Instant;

/**
 * Where and when an appointment sits: it occupies provider and operatory from start to
 * end plus buffer.
 */
record Placement(String providerId, String operatoryId, Instant start, Duration duration, Duration buffer) {

	Instant end() {
		return start.plus(duration);
	}

	Instant occupiedUntil() {
		return end().plus(buffer);
	}

}
