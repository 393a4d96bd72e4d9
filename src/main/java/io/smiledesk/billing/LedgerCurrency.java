package io.smiledesk.billing;

import io.smiledesk.clinic.MoneyHeld;

import org.springframework.stereotype.Component;

/**
 * A ledger with entries keeps the clinic's currency: a balance adds amounts of one
 * currency.
 */
@Component
class LedgerCurrency implements MoneyHeld {

	private final LedgerEntryRepository entries;

	LedgerCurrency(LedgerEntryRepository entries) {
		this.entries = entries;
	}

	@Override
	public boolean holdsMoneyIn(String currency) {
		return entries.existsByClinicIdAndCurrency(Clinics.DEFAULT, currency);
	}

}
