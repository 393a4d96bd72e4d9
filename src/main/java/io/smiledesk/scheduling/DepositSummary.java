package io.smiledesk.scheduling;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A deposit as every booking answer shows it.
 *
 * @param status pending, paid, not_collected, refunded, forfeited or waived
 * @param paymentUrl where the patient pays while it is pending, else null
 * @param dueBy the payment deadline while it is pending, else null
 * @param policy the cancellation rule in the clinic's words, shown before paying
 */
public record DepositSummary(BigDecimal amount, String currency, String status, String paymentUrl, Instant dueBy,
		String policy) {
}
