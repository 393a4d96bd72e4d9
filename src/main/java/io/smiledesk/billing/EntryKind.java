package io.smiledesk.billing;

import java.util.Locale;

/**
 * What a ledger entry is. A charge raises what the patient owes; payments, deposits
 * applied and write-offs lower it; an adjustment goes either way. On the wire in lower
 * case.
 */
enum EntryKind {

	// in this order within one instant: a visit's charges come before its credits
	CHARGE, ADJUSTMENT, DEPOSIT_CREDIT, PAYMENT, WRITE_OFF;

	public String json() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Whether an entry of this kind may carry an amount of this sign (owed is positive).
	 */
	boolean allows(int signum) {
		return switch (this) {
			case CHARGE -> signum > 0;
			case ADJUSTMENT -> signum != 0;
			case DEPOSIT_CREDIT, PAYMENT, WRITE_OFF -> signum < 0;
		};
	}

}
