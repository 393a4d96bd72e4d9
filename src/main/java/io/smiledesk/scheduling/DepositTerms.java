package io.smiledesk.scheduling;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Deposits some services ask for before a booking counts. The payment module answers;
 * without it every booking counts at once and no answer carries a deposit.
 */
public interface DepositTerms {

	/** The cancel reason of an appointment released because its deposit was not paid. */
	String RELEASED_UNPAID = "deposit_not_paid";

	/**
	 * When a new booking of the service must be paid for, or empty when it counts at once
	 * (no deposit, or deposits not collected here).
	 */
	Optional<Instant> paymentDueBy(String serviceId, Instant bookedAt);

	/**
	 * The booking of a pending appointment has committed: opens what the patient pays
	 * through. Called on the booking's thread once its transaction has ended, so that no
	 * database connection is held while the payment provider is asked.
	 */
	void booked(UUID appointmentId);

	/** The appointment's deposit as booking answers show it, if it has one. */
	Optional<DepositSummary> summary(UUID appointmentId);

}
