package io.smiledesk.billing;

import java.math.BigDecimal;
import java.util.UUID;

/** What happened in billing; the audit trail records each. */
public final class BillingEvents {

	private BillingEvents() {
	}

	/**
	 * An entry went on a patient's ledger.
	 *
	 * @param kind charge, payment, deposit_credit, adjustment or write_off
	 * @param method how a payment came in, else null
	 * @param amount signed: positive raises what the patient owes
	 */
	public record LedgerEntryPosted(UUID entryId, UUID patientId, UUID invoiceId, String kind, String method,
			BigDecimal amount, String currency, String procedureCode) {
	}

	/** Staff set the fee of a procedure code. */
	public record FeeChanged(String code, BigDecimal amount, String currency) {
	}

	/** Staff read a patient's ledger or a statement (financial records, like a chart). */
	public record BillingRecordViewed(UUID patientId, String what, UUID id) {
	}

}
