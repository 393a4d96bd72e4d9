package io.smiledesk.payment;

/** What happened to payments. */
public final class PaymentEvents {

	private PaymentEvents() {
	}

	/** A Stripe event was stored and waits to be processed (in the background, once). */
	public record StripeEventReceived(String eventId) {
	}

}
