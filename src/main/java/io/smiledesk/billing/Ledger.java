package io.smiledesk.billing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.smiledesk.payment.Money;

/**
 * A patient's entries in the order they were posted, each with the balance after it. A
 * pure value: no Spring, no database.
 */
record Ledger(String currency, List<Row> rows, Money balance) {

	/**
	 * Posting order: by instant; within one instant (a completion posts its charges and
	 * the deposit credit together) charges before credits, then by id.
	 */
	static final Comparator<LedgerLine> POSTING_ORDER = Comparator.comparing(LedgerLine::postedAt)
		.thenComparing(LedgerLine::kind)
		.thenComparing(LedgerLine::id);

	record Row(LedgerLine line, Money balance) {
	}

	static Ledger of(String currency, List<LedgerLine> lines) {
		List<LedgerLine> ordered = new ArrayList<>(lines);
		ordered.sort(POSTING_ORDER);
		Money running = Money.zero(currency);
		List<Row> rows = new ArrayList<>(ordered.size());
		for (LedgerLine line : ordered) {
			running = running.plus(line.amount());
			rows.add(new Row(line, running));
		}
		return new Ledger(currency, List.copyOf(rows), running);
	}

	/** What the patient owes, zero when paid up or in credit. */
	Money due() {
		return balance.signum() > 0 ? balance : Money.zero(currency);
	}

}
