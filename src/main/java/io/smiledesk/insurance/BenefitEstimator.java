package io.smiledesk.insurance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.smiledesk.payment.Money;

/**
 * The insurers' expected share of a visit's procedures and the patient's. Per procedure,
 * in order: the primary plan applies what is left of its deductible (not for preventive
 * care), pays its percentage of the rest, and never more than is left of its annual
 * maximum. A secondary plan makes its own calculation the same way against its own
 * deductible and maximum, and pays that or what the primary left to the patient,
 * whichever is less. Shares are rounded down to the cent: an estimate never promises more
 * than the plan pays. A pure function: no Spring, no database.
 */
final class BenefitEstimator {

	private final ProcedureCategories categories;

	BenefitEstimator(ProcedureCategories categories) {
		this.categories = categories;
	}

	/** A procedure at the clinic's fee. */
	record Procedure(String code, Money fee) {
	}

	/** A plan with what it has already given this benefit year. */
	record Payer(PlanTerms terms, BenefitsUsed used) {
	}

	/**
	 * @param deductibleApplied the part of the fee that went to the primary's deductible
	 * @param secondaryDeductibleApplied and to the secondary's
	 */
	record Line(String code, BenefitCategory category, Money fee, Money deductibleApplied, Money primaryPays,
			Money secondaryDeductibleApplied, Money secondaryPays, Money patientPays) {

		Money insurerPays() {
			return primaryPays.plus(secondaryPays);
		}

	}

	record Estimate(List<Line> lines, Money fees, Money primaryPays, Money secondaryPays, Money patientPays) {

		Money insurerPays() {
			return primaryPays.plus(secondaryPays);
		}

	}

	Estimate estimate(List<Procedure> procedures, Payer primary, Optional<Payer> secondary) {
		String currency = primary.terms().currency();
		secondary.ifPresent(payer -> sameCurrency(currency, payer.terms().currency()));
		Remaining first = new Remaining(primary);
		Optional<Remaining> second = secondary.map(Remaining::new);
		List<Line> lines = new ArrayList<>(procedures.size());
		Money zero = Money.zero(currency);
		Money fees = zero;
		Money primaryTotal = zero;
		Money secondaryTotal = zero;
		for (Procedure procedure : procedures) {
			sameCurrency(currency, procedure.fee().currency());
			if (procedure.fee().signum() < 0) {
				throw new IllegalArgumentException("A fee cannot be negative: " + procedure.fee());
			}
			BenefitCategory category = categories.categoryOf(procedure.code());
			Share byPrimary = first.share(category, procedure.fee());
			first.take(byPrimary, byPrimary.pays());
			Money secondaryPays = zero;
			Money secondaryDeductible = zero;
			if (second.isPresent()) {
				Share own = second.get().share(category, procedure.fee());
				Money leftToPatient = procedure.fee().minus(byPrimary.pays());
				secondaryPays = min(own.pays(), leftToPatient);
				secondaryDeductible = own.deductible();
				second.get().take(own, secondaryPays);
			}
			Money patient = procedure.fee().minus(byPrimary.pays()).minus(secondaryPays);
			lines.add(new Line(procedure.code(), category, procedure.fee(), byPrimary.deductible(), byPrimary.pays(),
					secondaryDeductible, secondaryPays, patient));
			fees = fees.plus(procedure.fee());
			primaryTotal = primaryTotal.plus(byPrimary.pays());
			secondaryTotal = secondaryTotal.plus(secondaryPays);
		}
		return new Estimate(List.copyOf(lines), fees, primaryTotal, secondaryTotal,
				fees.minus(primaryTotal).minus(secondaryTotal));
	}

	/** One plan's own calculation for one procedure. */
	private record Share(Money deductible, Money pays) {
	}

	/** What is left of one plan's deductible and maximum while a visit is estimated. */
	private static final class Remaining {

		private final PlanTerms terms;

		private Money deductible;

		private Money maximum;

		Remaining(Payer payer) {
			this.terms = payer.terms();
			this.deductible = atLeastZero(terms.deductible().minus(payer.used().deductibleMet()));
			this.maximum = atLeastZero(terms.annualMaximum().minus(payer.used().paid()));
		}

		Share share(BenefitCategory category, Money fee) {
			int percent = terms.percent(category);
			Money zero = Money.zero(fee.currency());
			if (percent == 0) {
				return new Share(zero, zero);
			}
			Money towardsDeductible = terms.deductibleApplies(category) ? min(deductible, fee) : zero;
			BigDecimal covered = fee.minus(towardsDeductible)
				.amount()
				.multiply(BigDecimal.valueOf(percent))
				.divide(BigDecimal.valueOf(100), fee.amount().scale(), RoundingMode.DOWN);
			return new Share(towardsDeductible, min(new Money(covered, fee.currency()), maximum));
		}

		void take(Share share, Money paid) {
			deductible = deductible.minus(share.deductible());
			maximum = maximum.minus(paid);
		}

	}

	private static Money min(Money a, Money b) {
		return a.amount().compareTo(b.amount()) <= 0 ? a : b;
	}

	private static Money atLeastZero(Money money) {
		return money.signum() < 0 ? Money.zero(money.currency()) : money;
	}

	private static void sameCurrency(String expected, String actual) {
		if (!expected.equals(actual)) {
			throw new IllegalArgumentException("Cannot estimate " + actual + " against a plan in " + expected);
		}
	}

}
