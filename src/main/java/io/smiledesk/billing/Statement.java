package io.smiledesk.billing;

import java.util.List;

import io.smiledesk.payment.Money;

/**
 * One visit's statement: its procedures, the deposit applied, adjustments and write-offs,
 * payments and what remains. Credits are shown as positive amounts; the balance is what
 * the patient still owes (negative: in credit). A pure value.
 */
record Statement(List<LedgerLine> charges, Money chargesTotal, Money depositsApplied, Money adjustments,
		Money writeOffs, List<LedgerLine> payments, Money paymentsTotal, Money balance) {

	static Statement of(String currency, List<LedgerLine> lines) {
		List<LedgerLine> ordered = lines.stream().sorted(Ledger.POSTING_ORDER).toList();
		return new Statement(ofKind(ordered, EntryKind.CHARGE), total(ordered, EntryKind.CHARGE, currency),
				total(ordered, EntryKind.DEPOSIT_CREDIT, currency).negate(),
				total(ordered, EntryKind.ADJUSTMENT, currency), total(ordered, EntryKind.WRITE_OFF, currency).negate(),
				ofKind(ordered, EntryKind.PAYMENT), total(ordered, EntryKind.PAYMENT, currency).negate(),
				Ledger.of(currency, ordered).balance());
	}

	private static List<LedgerLine> ofKind(List<LedgerLine> lines, EntryKind kind) {
		return lines.stream().filter(line -> line.kind() == kind).toList();
	}

	private static Money total(List<LedgerLine> lines, EntryKind kind, String currency) {
		return ofKind(lines, kind).stream().map(LedgerLine::amount).reduce(Money.zero(currency), Money::plus);
	}

}
