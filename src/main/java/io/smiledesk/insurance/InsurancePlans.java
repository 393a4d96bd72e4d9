package io.smiledesk.insurance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Month;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.payment.Money;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The carriers the clinic works with and their plans. */
@Service
@Transactional(readOnly = true)
class InsurancePlans {

	private final CarrierRepository carriers;

	private final PlanRepository plans;

	private final ClinicCatalog catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	InsurancePlans(CarrierRepository carriers, PlanRepository plans, ClinicCatalog catalog,
			ApplicationEventPublisher events, Clock clock) {
		this.carriers = carriers;
		this.plans = plans;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	List<Carrier> carriers() {
		return carriers.findByClinicIdOrderByName(Clinics.DEFAULT);
	}

	Optional<Carrier> carrier(UUID id) {
		return carriers.findById(id);
	}

	List<Plan> plansOf(UUID carrierId) {
		return plans.findByClinicIdAndCarrierIdOrderByName(Clinics.DEFAULT, carrierId);
	}

	Optional<Plan> plan(UUID id) {
		return plans.findById(id);
	}

	@Transactional
	Result<Carrier> addCarrier(String name, String payerId) {
		if (carriers.findByClinicIdAndNameIgnoreCase(Clinics.DEFAULT, name.strip()).isPresent()) {
			return Result.conflict("carrier-exists", "A carrier named " + name.strip() + " exists already.");
		}
		Carrier carrier = carriers.save(new Carrier(name.strip(), blankToNull(payerId), clock.instant()));
		events.publishEvent(new InsuranceEvents.CarrierAdded(carrier.id(), carrier.name()));
		return Result.done(carrier);
	}

	/**
	 * The terms as entered: percentages 0-100, amounts in the clinic's currency, the
	 * month (1-12) the benefit year starts in; {@code null} keeps a plan's month (January
	 * for a new plan).
	 */
	record Terms(BigDecimal annualMaximum, BigDecimal deductible, int preventive, int basic, int major, int orthodontic,
			Integer benefitYearStartMonth) {
	}

	@Transactional
	Result<Carrier> changeCarrier(UUID carrierId, String name, String payerId) {
		Optional<Carrier> carrier = carriers.findById(carrierId);
		if (carrier.isEmpty()) {
			return Result.notFound("carrier", "No carrier with id " + carrierId + ".");
		}
		Optional<Carrier> namesake = carriers.findByClinicIdAndNameIgnoreCase(Clinics.DEFAULT, name.strip());
		if (namesake.isPresent() && !namesake.get().id().equals(carrierId)) {
			return Result.conflict("carrier-exists", "A carrier named " + name.strip() + " exists already.");
		}
		carrier.get().revise(name.strip(), blankToNull(payerId));
		events.publishEvent(new InsuranceEvents.CarrierChanged(carrierId, name.strip()));
		return Result.done(carrier.get());
	}

	@Transactional
	Result<Plan> addPlan(UUID carrierId, String name, String groupNumber, Terms terms) {
		if (carriers.findById(carrierId).isEmpty()) {
			return Result.notFound("carrier", "No carrier with id " + carrierId + ".");
		}
		Result<PlanTerms> planTerms = planTerms(terms);
		if (planTerms instanceof Result.Refused<PlanTerms> refused) {
			return refused.retyped();
		}
		Result<Month> start = benefitYearStart(terms, Month.JANUARY);
		if (start instanceof Result.Refused<Month> refused) {
			return refused.retyped();
		}
		Plan plan = plans.save(new Plan(carrierId, name.strip(), blankToNull(groupNumber),
				((Result.Done<PlanTerms>) planTerms).value(), ((Result.Done<Month>) start).value(), clock.instant()));
		events.publishEvent(new InsuranceEvents.PlanAdded(plan.id(), carrierId, plan.name()));
		return Result.done(plan);
	}

	@Transactional
	Result<Plan> changePlan(UUID planId, String name, String groupNumber, Terms terms) {
		Optional<Plan> plan = plans.findById(planId);
		if (plan.isEmpty()) {
			return Result.notFound("plan", "No plan with id " + planId + ".");
		}
		Result<PlanTerms> planTerms = planTerms(terms);
		if (planTerms instanceof Result.Refused<PlanTerms> refused) {
			return refused.retyped();
		}
		Result<Month> start = benefitYearStart(terms, plan.get().benefitYearStart());
		if (start instanceof Result.Refused<Month> refused) {
			return refused.retyped();
		}
		plan.get()
			.revise(name.strip(), blankToNull(groupNumber), ((Result.Done<PlanTerms>) planTerms).value(),
					((Result.Done<Month>) start).value());
		events.publishEvent(new InsuranceEvents.PlanChanged(planId, plan.get().carrierId(), plan.get().name()));
		return Result.done(plan.get());
	}

	/** The terms in the clinic's currency, or the field they fail on. */
	private Result<PlanTerms> planTerms(Terms terms) {
		String currency = catalog.snapshot().profile().currency();
		Money maximum;
		Money deductible;
		try {
			maximum = Money.exact(terms.annualMaximum(), currency);
		}
		catch (IllegalArgumentException ex) {
			return Result.invalid("annual_maximum", ex.getMessage());
		}
		try {
			deductible = Money.exact(terms.deductible(), currency);
		}
		catch (IllegalArgumentException ex) {
			return Result.invalid("deductible", ex.getMessage());
		}
		if (maximum.signum() < 0) {
			return Result.invalid("annual_maximum", "must not be negative");
		}
		if (deductible.signum() < 0) {
			return Result.invalid("deductible", "must not be negative");
		}
		Map<BenefitCategory, Integer> percent = new java.util.EnumMap<>(
				Map.of(BenefitCategory.PREVENTIVE, terms.preventive(), BenefitCategory.BASIC, terms.basic(),
						BenefitCategory.MAJOR, terms.major(), BenefitCategory.ORTHODONTIC, terms.orthodontic()));
		for (Map.Entry<BenefitCategory, Integer> entry : percent.entrySet()) {
			if (entry.getValue() < 0 || entry.getValue() > 100) {
				return Result.invalid("coverage_percent." + entry.getKey().json(), "must be between 0 and 100");
			}
		}
		return Result.done(new PlanTerms(maximum, deductible, percent));
	}

	private static Result<Month> benefitYearStart(Terms terms, Month otherwise) {
		Integer month = terms.benefitYearStartMonth();
		if (month == null) {
			return Result.done(otherwise);
		}
		if (month < 1 || month > 12) {
			return Result.invalid("benefit_year_start_month", "must be a month, 1 to 12");
		}
		return Result.done(Month.of(month));
	}

	static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
