package io.smiledesk.insurance;

import java.util.EnumMap;
import java.util.Map;

import io.smiledesk.payment.Money;

/**
 * What a plan pays: a percentage per category after the deductible, up to an annual
 * maximum per benefit year. The deductible is waived for preventive care, as most dental
 * plans do. A pure value.
 *
 * @param coverage percent (0-100) per category; a category left out pays nothing
 */
record PlanTerms(Money annualMaximum, Money deductible, Map<BenefitCategory, Integer> coverage) {

	PlanTerms {
		if (!annualMaximum.currency().equals(deductible.currency())) {
			throw new IllegalArgumentException("The maximum and the deductible must share a currency");
		}
		if (annualMaximum.signum() < 0 || deductible.signum() < 0) {
			throw new IllegalArgumentException("The maximum and the deductible cannot be negative");
		}
		EnumMap<BenefitCategory, Integer> copy = new EnumMap<>(BenefitCategory.class);
		coverage.forEach((category, percent) -> {
			if (percent < 0 || percent > 100) {
				throw new IllegalArgumentException("Coverage is a percentage, 0 to 100: " + percent);
			}
			if (category != BenefitCategory.NOT_COVERED) {
				copy.put(category, percent);
			}
		});
		coverage = Map.copyOf(copy);
	}

	String currency() {
		return annualMaximum.currency();
	}

	int percent(BenefitCategory category) {
		return coverage.getOrDefault(category, 0);
	}

	boolean deductibleApplies(BenefitCategory category) {
		return category != BenefitCategory.PREVENTIVE;
	}

}
