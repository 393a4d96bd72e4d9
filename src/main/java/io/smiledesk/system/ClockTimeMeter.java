package io.smiledesk.system;

import java.time.Clock;
import java.time.Instant;

import io.github.bucket4j.TimeMeter;

/**
 * Bucket4j reads time through the application's clock, so tests refill buckets by
 * advancing it.
 */
record ClockTimeMeter(Clock clock) implements TimeMeter {

	@Override
	public long currentTimeNanos() {
		Instant now = clock.instant();
		return now.getEpochSecond() * 1_000_000_000L + now.getNano();
	}

	/** Wall-clock time, so that instances sharing Redis buckets agree on it. */
	@Override
	public boolean isWallClockBased() {
		return true;
	}

}
