package io.smiledesk.insurance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import io.smiledesk.insurance.BenefitEstimator.Estimate;
import io.smiledesk.insurance.BenefitEstimator.Payer;
import io.smiledesk.insurance.BenefitEstimator.Procedure;
import io.smiledesk.payment.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BenefitEstimatorTests {

	final BenefitEstimator estimator = new BenefitEstimator(ProcedureCategories.defaults());

	/** 100/80/50/50, a $50 deductible, $1,500 a year. */
	static PlanTerms plan(String maximum, String deductible) {
		return new PlanTerms(usd(maximum), usd(deductible), Map.of(BenefitCategory.PREVENTIVE, 100,
				BenefitCategory.BASIC, 80, BenefitCategory.MAJOR, 50, BenefitCategory.ORTHODONTIC, 50));
	}

	static Payer fresh(PlanTerms terms) {
		return new Payer(terms, BenefitsUsed.none("USD"));
	}

	static Money usd(String amount) {
		return Money.exact(new BigDecimal(amount), "USD");
	}

	static Procedure procedure(String code, String fee) {
		return new Procedure(code, usd(fee));
	}

	@Test
	void preventiveCareIsPaidInFullWithoutTheDeductible() {
		Estimate estimate = estimator.estimate(List.of(procedure("D1110", "120.00")), fresh(plan("1500", "50")),
				Optional.empty());

		assertThat(estimate.primaryPays()).isEqualTo(usd("120.00"));
		assertThat(estimate.patientPays()).isEqualTo(usd("0.00"));
		assertThat(estimate.lines().get(0).deductibleApplied()).isEqualTo(usd("0.00"));
		assertThat(estimate.lines().get(0).category()).isEqualTo(BenefitCategory.PREVENTIVE);
	}

	@Test
	void aFillingPaysItsPercentageAfterTheDeductible() {
		Estimate estimate = estimator.estimate(List.of(procedure("D2391", "180.00")), fresh(plan("1500", "50")),
				Optional.empty());

		// (180 - 50) * 80% = 104
		assertThat(estimate.lines().get(0).deductibleApplied()).isEqualTo(usd("50.00"));
		assertThat(estimate.primaryPays()).isEqualTo(usd("104.00"));
		assertThat(estimate.patientPays()).isEqualTo(usd("76.00"));
	}

	@Test
	void theDeductibleIsTakenOnceAcrossAVisitsProcedures() {
		Estimate estimate = estimator.estimate(List.of(procedure("D2391", "30.00"), procedure("D2392", "100.00")),
				fresh(plan("1500", "50")), Optional.empty());

		// first: all 30 to the deductible; second: 20 more, then 80% of 80
		assertThat(estimate.lines().get(0).primaryPays()).isEqualTo(usd("0.00"));
		assertThat(estimate.lines().get(1).deductibleApplied()).isEqualTo(usd("20.00"));
		assertThat(estimate.lines().get(1).primaryPays()).isEqualTo(usd("64.00"));
		assertThat(estimate.patientPays()).isEqualTo(usd("66.00"));
	}

	@Test
	void aDeductibleAlreadyMetThisYearIsNotTakenAgain() {
		Payer payer = new Payer(plan("1500", "50"), new BenefitsUsed(usd("200.00"), usd("50.00")));

		Estimate estimate = estimator.estimate(List.of(procedure("D2391", "180.00")), payer, Optional.empty());

		assertThat(estimate.primaryPays()).isEqualTo(usd("144.00"));
	}

	@Test
	void aPartlyMetDeductibleTakesOnlyWhatIsLeft() {
		Payer payer = new Payer(plan("1500", "50"), new BenefitsUsed(usd("0.00"), usd("30.00")));

		Estimate estimate = estimator.estimate(List.of(procedure("D2391", "180.00")), payer, Optional.empty());

		// (180 - 20) * 80%
		assertThat(estimate.primaryPays()).isEqualTo(usd("128.00"));
	}

	@Test
	void theRemainingAnnualMaximumCapsWhatTheInsurerPays() {
		Payer payer = new Payer(plan("1000", "0"), new BenefitsUsed(usd("900.00"), usd("0.00")));

		Estimate estimate = estimator.estimate(List.of(procedure("D2740", "1200.00"), procedure("D1110", "120.00")),
				payer, Optional.empty());

		// the crown would pay 600, only 100 is left; nothing is left for the cleaning
		assertThat(estimate.lines().get(0).primaryPays()).isEqualTo(usd("100.00"));
		assertThat(estimate.lines().get(1).primaryPays()).isEqualTo(usd("0.00"));
		assertThat(estimate.patientPays()).isEqualTo(usd("1220.00"));
	}

	@Test
	void anExhaustedOrOverspentMaximumPaysNothing() {
		Payer payer = new Payer(plan("1000", "0"), new BenefitsUsed(usd("1100.00"), usd("0.00")));

		Estimate estimate = estimator.estimate(List.of(procedure("D1110", "120.00")), payer, Optional.empty());

		assertThat(estimate.insurerPays()).isEqualTo(usd("0.00"));
		assertThat(estimate.patientPays()).isEqualTo(usd("120.00"));
	}

	@Test
	void cosmeticWorkIsNotCoveredAndLeavesTheDeductibleAlone() {
		Estimate estimate = estimator.estimate(List.of(procedure("D9972", "300.00"), procedure("D2391", "180.00")),
				fresh(plan("1500", "50")), Optional.empty());

		assertThat(estimate.lines().get(0).category()).isEqualTo(BenefitCategory.NOT_COVERED);
		assertThat(estimate.lines().get(0).primaryPays()).isEqualTo(usd("0.00"));
		assertThat(estimate.lines().get(0).deductibleApplied()).isEqualTo(usd("0.00"));
		assertThat(estimate.lines().get(1).primaryPays()).isEqualTo(usd("104.00"));
	}

	@Test
	void aCategoryThePlanLeavesOutPaysNothing() {
		PlanTerms noOrtho = new PlanTerms(usd("1500"), usd("0"), Map.of(BenefitCategory.PREVENTIVE, 100));

		Estimate estimate = estimator.estimate(List.of(procedure("D8080", "5000.00")), fresh(noOrtho),
				Optional.empty());

		assertThat(estimate.insurerPays()).isEqualTo(usd("0.00"));
	}

	@Test
	void sharesAreRoundedDownToTheCent() {
		PlanTerms terms = new PlanTerms(usd("1500"), usd("0"), Map.of(BenefitCategory.BASIC, 80));

		Estimate estimate = estimator.estimate(List.of(procedure("D2391", "100.01")), fresh(terms), Optional.empty());

		// 80.008 -> 80.00; the patient's share takes the rest, so the two add up
		assertThat(estimate.primaryPays()).isEqualTo(usd("80.00"));
		assertThat(estimate.patientPays()).isEqualTo(usd("20.01"));
		assertThat(estimate.primaryPays().plus(estimate.patientPays())).isEqualTo(estimate.fees());
	}

	@Test
	void theSecondaryPaysWhatThePrimaryLeftUpToItsOwnCalculation() {
		Estimate estimate = estimator.estimate(List.of(procedure("D2391", "180.00")), fresh(plan("1500", "50")),
				Optional.of(fresh(plan("1500", "0"))));

		// primary 104, 76 left; the secondary alone would pay 144, so it pays the 76
		assertThat(estimate.primaryPays()).isEqualTo(usd("104.00"));
		assertThat(estimate.secondaryPays()).isEqualTo(usd("76.00"));
		assertThat(estimate.patientPays()).isEqualTo(usd("0.00"));
	}

	@Test
	void theSecondaryNeverPaysMoreThanItsOwnCalculation() {
		PlanTerms thinSecondary = new PlanTerms(usd("1500"), usd("100"), Map.of(BenefitCategory.BASIC, 50));

		Estimate estimate = estimator.estimate(List.of(procedure("D2391", "180.00")), fresh(plan("1500", "50")),
				Optional.of(fresh(thinSecondary)));

		// 76 left after the primary; the secondary's own: (180 - 100) * 50% = 40
		assertThat(estimate.secondaryPays()).isEqualTo(usd("40.00"));
		assertThat(estimate.patientPays()).isEqualTo(usd("36.00"));
	}

	@Test
	void theSecondaryKeepsToItsOwnRemainingMaximumAndSpendsOnlyWhatItPaid() {
		PlanTerms secondary = new PlanTerms(usd("100"), usd("0"),
				Map.of(BenefitCategory.PREVENTIVE, 100, BenefitCategory.BASIC, 100));
		Payer used = new Payer(secondary, new BenefitsUsed(usd("40.00"), usd("0.00")));

		Estimate estimate = estimator.estimate(List.of(procedure("D2391", "180.00"), procedure("D2391", "180.00")),
				fresh(plan("1500", "50")), Optional.of(used));

		// 60 left of its maximum: the first filling's 76 is capped at 60, nothing for the
		// second
		assertThat(estimate.lines().get(0).secondaryPays()).isEqualTo(usd("60.00"));
		assertThat(estimate.lines().get(1).secondaryPays()).isEqualTo(usd("0.00"));
	}

	@Test
	void aSecondaryCappedByWhatIsLeftKeepsTheRestOfItsMaximum() {
		PlanTerms secondary = new PlanTerms(usd("200"), usd("0"), Map.of(BenefitCategory.BASIC, 100));

		Estimate estimate = estimator.estimate(List.of(procedure("D2391", "180.00"), procedure("D2391", "180.00")),
				fresh(plan("1500", "50")), Optional.of(fresh(secondary)));

		// its own calculation is 180 each, it pays only the 76 and the 36 left; 200 is
		// enough
		assertThat(estimate.lines().get(0).secondaryPays()).isEqualTo(usd("76.00"));
		assertThat(estimate.lines().get(1).secondaryPays()).isEqualTo(usd("36.00"));
		assertThat(estimate.patientPays()).isEqualTo(usd("0.00"));
	}

	@Test
	void anEmptyVisitEstimatesNothing() {
		Estimate estimate = estimator.estimate(List.of(), fresh(plan("1500", "50")), Optional.empty());

		assertThat(estimate.lines()).isEmpty();
		assertThat(estimate.fees()).isEqualTo(usd("0.00"));
	}

	@Test
	void refusesMixedCurrenciesAndNegativeFees() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> estimator.estimate(List.of(new Procedure("D1110", Money.exact(new BigDecimal("10"), "EUR"))),
						fresh(plan("1500", "50")), Optional.empty()));
		assertThatIllegalArgumentException().isThrownBy(() -> estimator.estimate(List.of(procedure("D1110", "-1.00")),
				fresh(plan("1500", "50")), Optional.empty()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PlanTerms(usd("1500"), usd("0"), Map.of(BenefitCategory.BASIC, 101)));
	}

	@Test
	void aYenPlanRoundsToWholeYen() {
		Money fee = Money.exact(new BigDecimal("10001"), "JPY");
		PlanTerms terms = new PlanTerms(Money.exact(new BigDecimal("100000"), "JPY"), Money.zero("JPY"),
				Map.of(BenefitCategory.BASIC, 70));

		Estimate estimate = estimator.estimate(List.of(new Procedure("D2391", fee)),
				new Payer(terms, BenefitsUsed.none("JPY")), Optional.empty());

		assertThat(estimate.primaryPays()).isEqualTo(Money.exact(new BigDecimal("7000"), "JPY"));
	}

}
