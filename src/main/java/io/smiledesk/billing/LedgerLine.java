package io.smiledesk.billing;

import java.time.Instant;
import java.util.UUID;

import io.smiledesk.payment.Money;

/**
 * One ledger entry as a value: the amount is signed, positive when it raises what the
 * patient owes.
 *
 * @param method how a payment came in, null for other kinds
 * @param invoiceId the visit's statement it belongs to, or null (an account-level entry)
 */
record LedgerLine(UUID id, UUID invoiceId, Instant postedAt, EntryKind kind, PaymentMethod method, String code,
		String description, Money amount, String reference) {

	LedgerLine {
		if (!kind.allows(amount.signum())) {
			throw new IllegalArgumentException("A " + kind.json() + " cannot be " + amount);
		}
		if ((kind == EntryKind.PAYMENT) != (method != null)) {
			throw new IllegalArgumentException("Only a payment has a method");
		}
	}

}
