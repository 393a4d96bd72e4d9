package io.smiledesk.payment;

import java.util.Locale;

/**
 * On the wire in lower case: pending, paid, not_collected, refunded, forfeited, waived.
 */
enum DepositStatus {

	PENDING, PAID, NOT_COLLECTED, REFUNDED, FORFEITED, WAIVED;

	String json() {
		return name().toLowerCase(Locale.ROOT);
	}

}
