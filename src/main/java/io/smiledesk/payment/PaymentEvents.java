package io.smiledesk.payment;

import java.math.BigDecimal;
import java.util.UUID;

/** What happened to payments. */
public final class PaymentEvents {

	private PaymentEvents() {
	}

	/** A Stripe event was stored and waits to be processed (in the background, once). */
	public record StripeEventReceived(String eventId) {
	}

	/**
	 * A deposit changed: recorded, paid, lapsed, refunded, kept, waived or sent to staff
	 * review ({@code action}), with its status and note afterwards.
	 */
	public record DepositChanged(UUID depositId, UUID appointmentId, String action, String status, BigDecimal amount,
			String currency, String note) {
	}

	/**
	 * A patient paid a statement through its Stripe Checkout page.
	 *
	 * @param statementId what the page was opened for (billing's invoice id)
	 * @param amount what Stripe took, exact
	 */
	public record StatementPaid(String sessionId, String paymentIntentId, String statementId, BigDecimal amount,
			String currency) {
	}

}
