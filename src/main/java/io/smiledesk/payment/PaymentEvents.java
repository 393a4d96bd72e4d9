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

}
