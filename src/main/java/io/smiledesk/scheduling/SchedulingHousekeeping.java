package io.smiledesk.scheduling;

import java.time.Clock;
import java.time.Duration;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tidies lapsed holds and old idempotency keys. Correctness never waits for this: lapsed
 * holds are already ignored by availability and overwritten by bookings.
 */
@Component
class SchedulingHousekeeping {

	private static final Duration KEEP_IDEMPOTENCY_KEYS = Duration.ofHours(24);

	private final SlotHoldRepository holds;

	private final IdempotencyRecords idempotency;

	private final Clock clock;

	SchedulingHousekeeping(SlotHoldRepository holds, IdempotencyRecords idempotency, Clock clock) {
		this.holds = holds;
		this.idempotency = idempotency;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${smiledesk.booking.housekeeping-interval:PT10M}", initialDelayString = "PT1M")
	@Transactional
	public void tidy() {
		holds.deleteExpired(clock.instant());
		idempotency.purgeOlderThan(clock.instant().minus(KEEP_IDEMPOTENCY_KEYS));
	}

}
