package io.smiledesk.billing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a payment came in: card through a Stripe Checkout link, recorded by staff as cash,
 * a check, or a card on the clinic's own terminal, or an insurer's payment on a claim. On
 * the wire in lower case.
 */
enum PaymentMethod {

	CARD_ONLINE, CASH, CHECK, CARD_TERMINAL, INSURANCE;

	public String json() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Staff record these by hand; online card payments only come from Stripe, insurers'
	 * payments through their claims.
	 */
	boolean recordedByStaff() {
		return this != CARD_ONLINE && this != INSURANCE;
	}

	static Optional<PaymentMethod> parse(String value) {
		return Arrays.stream(values()).filter(method -> method.json().equals(value)).findFirst();
	}

}
