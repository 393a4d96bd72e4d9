package io.smiledesk.payment;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import com.stripe.exception.StripeException;
import io.smiledesk.scheduling.Booking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves deposits on: paid (the booking counts, or the money goes back when the time was
 * released meanwhile), refunded, kept, waived. Stripe is called outside the database
 * transactions, each call with its idempotency key, so a retry repeats nothing.
 */
@Service
class DepositSettlement {

	private static final Logger log = LoggerFactory.getLogger(DepositSettlement.class);

	private final DepositRepository deposits;

	private final Booking booking;

	private final StripeGateway gateway;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DepositSettlement(DepositRepository deposits, Booking booking, StripeGateway gateway,
			PlatformTransactionManager transactions, Clock clock) {
		this.deposits = deposits;
		this.booking = booking;
		this.gateway = gateway;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** Records a payment; says what came of it. Safe to repeat. */
	String paid(UUID depositId, String paymentIntentId) {
		boolean[] fresh = new boolean[1];
		Deposit deposit = change(depositId, current -> fresh[0] = current.paid(paymentIntentId, clock.instant()));
		if (deposit.status() != DepositStatus.PAID) {
			// refunded before the completion was seen, or settled otherwise: kept as is
			return "payment seen, deposit " + deposit.status().json();
		}
		Booking.Outcome outcome = booking.settleDeposit(deposit.appointmentId());
		if (outcome instanceof Booking.Done) {
			return fresh[0] ? "paid, appointment booked" : "payment seen before, appointment booked";
		}
		if (!fresh[0]) {
			// a second event for a payment already recorded: a cancellation since then is
			// the cancellation policy's to settle
			return "payment seen before";
		}
		// the time was released (deadline, cancellation) before the money came: it goes
		// back
		return refund(depositId, "paid_after_release");
	}

	/** Returns a paid deposit; a refund Stripe refuses goes to staff review. */
	String refund(UUID depositId, String why) {
		Deposit deposit = deposits.findById(depositId).orElseThrow();
		if (deposit.paymentIntentId() == null) {
			change(depositId, current -> current.toReview(why + ": no payment to refund", clock.instant()));
			return "needs review: no payment to refund";
		}
		try {
			String refundId = gateway.refund(deposit);
			change(depositId, current -> current.refunded(refundId, why, clock.instant()));
			return "refunded (" + why + ")";
		}
		catch (StripeException | RuntimeException ex) {
			log.warn("Refund of deposit {} failed, left for staff: {}", depositId, ex.getMessage());
			change(depositId, current -> current.toReview(why + ": refund failed", clock.instant()));
			return "needs review: refund failed";
		}
	}

	void forfeit(UUID depositId, String why) {
		change(depositId, current -> current.forfeit(why, clock.instant()));
	}

	/** What came of waiving an appointment's deposit. */
	sealed interface Waiver {

		record Waived(Deposit deposit) implements Waiver {
		}

		record NotFound() implements Waiver {
		}

		record NotWaivable(DepositStatus status) implements Waiver {
		}

		record ProviderFailed(String detail) implements Waiver {
		}

	}

	/**
	 * Staff give a deposit up: a pending one is no longer asked for (the booking counts),
	 * a paid or kept one is refunded.
	 */
	Waiver waive(UUID appointmentId) {
		Optional<Deposit> found = deposits.findByAppointmentId(appointmentId);
		if (found.isEmpty()) {
			return new Waiver.NotFound();
		}
		Deposit deposit = found.get();
		if (!deposit.waivable()) {
			return new Waiver.NotWaivable(deposit.status());
		}
		String refundId = null;
		if (deposit.status() != DepositStatus.PENDING) {
			if (deposit.paymentIntentId() == null) {
				return new Waiver.ProviderFailed("No payment is on file to refund.");
			}
			try {
				refundId = gateway.refund(deposit);
			}
			catch (StripeException ex) {
				return new Waiver.ProviderFailed("Stripe did not take the refund: " + ex.getMessage());
			}
		}
		String refund = refundId;
		boolean wasPending = deposit.status() == DepositStatus.PENDING;
		Deposit waived = change(deposit.id(), current -> current.waive(refund, clock.instant()));
		if (wasPending) {
			booking.settleDeposit(appointmentId);
			if (waived.checkoutSessionId() != null) {
				gateway.expire(waived.checkoutSessionId());
			}
		}
		return new Waiver.Waived(waived);
	}

	private Deposit change(UUID depositId, Consumer<Deposit> change) {
		return transaction.execute(status -> {
			Deposit deposit = deposits.findById(depositId).orElseThrow();
			change.accept(deposit);
			return deposits.save(deposit);
		});
	}

}
