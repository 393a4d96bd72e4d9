package io.smiledesk.waitlist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.smiledesk.system.JobLocks;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The waitlist's round: lapses offers and entries whose time is up, gives back claims
 * whose booking never finished, and sends the next batch for every freed time still open.
 * One instance at a time runs it (a lock in the database).
 */
@Component
class WaitlistRun {

	/** Longer than any round takes; released when the round ends. */
	private static final Duration LOCK_AT_MOST = Duration.ofMinutes(10);

	private static final Duration STALE_CLAIM = Duration.ofMinutes(10);

	private static final String LOCK = "waitlist-run";

	/** What a round did. */
	record Result(int offersSent, int offersExpired, int slotsLapsed) {
	}

	private final WaitlistOfferRepository offers;

	private final WaitlistEntryRepository entries;

	private final FreedSlotRepository slots;

	private final Offers sending;

	private final JobLocks locks;

	private final TransactionTemplate transaction;

	private final Clock clock;

	WaitlistRun(WaitlistOfferRepository offers, WaitlistEntryRepository entries, FreedSlotRepository slots,
			Offers sending, JobLocks locks, PlatformTransactionManager transactions, Clock clock) {
		this.offers = offers;
		this.entries = entries;
		this.slots = slots;
		this.sending = sending;
		this.locks = locks;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** Runs now; empty when another instance is running it at this moment. */
	Optional<Result> runNow() {
		return locks.runExclusively(LOCK, LOCK_AT_MOST, this::run);
	}

	private Result run() {
		Instant now = clock.instant();
		int[] expired = { 0 };
		int[] lapsed = { 0 };
		transaction.executeWithoutResult(tx -> {
			for (WaitlistOffer offer : offers.findByStatusAndExpiresAtLessThanEqual(OfferStatus.PENDING, now)) {
				offer.expire();
				expired[0]++;
			}
			entries.findByStatusAndExpiresAtLessThanEqual(EntryStatus.WAITING, now).forEach(entry -> entry.expire(now));
			slots.releaseStaleClaims(now.minus(STALE_CLAIM));
		});
		int sent = 0;
		for (FreedSlot slot : slots.findByStatusOrderByFreedAt(FreedSlot.Status.OPEN)) {
			if (!slot.startsAt().isAfter(now)) {
				transaction.executeWithoutResult(tx -> slots.findById(slot.id()).ifPresent(FreedSlot::lapse));
				lapsed[0]++;
				continue;
			}
			try {
				sent += sending.sendBatch(slot.id());
			}
			catch (DataIntegrityViolationException ex) {
				// the freed time's own first batch went out at the same moment
			}
		}
		return new Result(sent, expired[0], lapsed[0]);
	}

}
