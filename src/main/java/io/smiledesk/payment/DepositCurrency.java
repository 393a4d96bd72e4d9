package io.smiledesk.payment;

import io.smiledesk.clinic.MoneyHeld;

import org.springframework.stereotype.Component;

/**
 * Deposits taken or asked for keep the clinic's currency: they are credited to its
 * ledger.
 */
@Component
class DepositCurrency implements MoneyHeld {

	private final DepositRepository deposits;

	DepositCurrency(DepositRepository deposits) {
		this.deposits = deposits;
	}

	@Override
	public boolean holdsMoneyIn(String currency) {
		return deposits.existsByClinicIdAndCurrency(Clinics.DEFAULT, currency);
	}

}
