package io.smiledesk.insurance;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.billing.InsuranceEstimates;
import io.smiledesk.payment.Money;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Estimates for a patient's procedures on a day, from the coverages in force then and
 * what their claims already used of each plan's benefit year (the one the day falls in,
 * starting in the plan's month; January unless set). Statements ask through billing's
 * {@link InsuranceEstimates}.
 */
@Service
@Transactional(readOnly = true)
class Estimates implements InsuranceEstimates {

	/** Stands for "no statement to leave out" in the queries, which compare with it. */
	private static final UUID NONE = new UUID(0, 0);

	private final Coverages coverages;

	private final ClaimRepository claims;

	private final BenefitEstimator estimator;

	Estimates(Coverages coverages, ClaimRepository claims, BenefitEstimator estimator) {
		this.coverages = coverages;
		this.claims = claims;
		this.estimator = estimator;
	}

	/** The coverages it was made with, primary first. */
	record Estimated(List<Coverages.CoverageView> coverages, BenefitEstimator.Estimate estimate) {
	}

	/**
	 * Empty without coverage on the day, or when a plan is in another currency than the
	 * fees.
	 */
	Optional<Estimated> estimate(UUID patientId, LocalDate day, UUID invoiceId,
			List<BenefitEstimator.Procedure> procedures) {
		List<Coverages.CoverageView> active = coverages.activeOn(patientId, day);
		if (active.isEmpty()) {
			return Optional.empty();
		}
		List<Coverages.CoverageView> used = active.subList(0, Math.min(2, active.size()));
		String currency = procedures.isEmpty() ? used.get(0).plan().terms().currency()
				: procedures.get(0).fee().currency();
		if (used.stream().anyMatch(view -> !view.plan().terms().currency().equals(currency))) {
			return Optional.empty();
		}
		BenefitEstimator.Payer primary = payer(used.get(0), day, invoiceId);
		Optional<BenefitEstimator.Payer> secondary = used.size() > 1 ? Optional.of(payer(used.get(1), day, invoiceId))
				: Optional.empty();
		return Optional.of(new Estimated(used, estimator.estimate(procedures, primary, secondary)));
	}

	@Override
	public Optional<VisitEstimate> forVisit(UUID patientId, LocalDate serviceDate, UUID invoiceId,
			List<ChargedProcedure> procedures) {
		return estimate(patientId, serviceDate, invoiceId,
				procedures.stream().map(p -> new BenefitEstimator.Procedure(p.code(), p.fee())).toList())
			.map(Estimated::estimate)
			.map(estimate -> new VisitEstimate(estimate.lines()
				.stream()
				.map(line -> new EstimatedLine(line.code(), line.category().json(), line.fee(), line.insurerPays(),
						line.patientPays()))
				.toList(), estimate.insurerPays(), estimate.patientPays()));
	}

	private BenefitEstimator.Payer payer(Coverages.CoverageView view, LocalDate day, UUID invoiceId) {
		PlanTerms terms = view.plan().terms();
		BenefitYear year = view.plan().benefitYear(day);
		LocalDate from = year.start();
		LocalDate to = year.end();
		UUID excluded = invoiceId == null ? NONE : invoiceId;
		UUID coverage = view.coverage().id();
		Money paid = Money.exact(claims.paidInYear(Clinics.DEFAULT, coverage, from, to, excluded), terms.currency());
		Money deductible = Money.exact(claims.deductibleInYear(Clinics.DEFAULT, coverage, from, to, excluded),
				terms.currency());
		return new BenefitEstimator.Payer(terms, new BenefitsUsed(paid, deductible));
	}

}
