package io.smiledesk.insurance;

import io.smiledesk.payment.Money;

/**
 * What a coverage has already given in the benefit year: what the insurer paid on claims,
 * and how much of the deductible claims have met.
 */
record BenefitsUsed(Money paid, Money deductibleMet) {

	static BenefitsUsed none(String currency) {
		return new BenefitsUsed(Money.zero(currency), Money.zero(currency));
	}

}
