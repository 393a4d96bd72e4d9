package io.smiledesk.insurance;

import io.smiledesk.clinic.MoneyHeld;

import org.springframework.stereotype.Component;

/**
 * Plans' maximums and claims keep the clinic's currency: estimates subtract them from its
 * fees.
 */
@Component
class InsuranceCurrency implements MoneyHeld {

	private final PlanRepository plans;

	private final ClaimRepository claims;

	InsuranceCurrency(PlanRepository plans, ClaimRepository claims) {
		this.plans = plans;
		this.claims = claims;
	}

	@Override
	public boolean holdsMoneyIn(String currency) {
		return plans.existsByClinicIdAndCurrency(Clinics.DEFAULT, currency)
				|| claims.existsByClinicIdAndCurrency(Clinics.DEFAULT, currency);
	}

}
