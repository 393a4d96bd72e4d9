package io.smiledesk.insurance;

import java.math.BigDecimal;
import java.time.Clock;
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

	/** The terms as entered: percentages 0-100, amounts in the clinic's currency. */
	record Terms(BigDecimal annualMaximum, BigDecimal deductible, int preventive, int basic, int major,
			int orthodontic) {
	}

	@Transactional
	Result<Plan> addPlan(UUID carrierId, String name, String groupNumber, Terms terms) {
		if (carriers.findById(carrierId).isEmpty()) {
			return Result.notFound("carrier", "No carrier with id " + carrierId + ".");
		}
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
		PlanTerms planTerms = new PlanTerms(maximum, deductible,
				Map.of(BenefitCategory.PREVENTIVE, terms.preventive(), BenefitCategory.BASIC, terms.basic(),
						BenefitCategory.MAJOR, terms.major(), BenefitCategory.ORTHODONTIC, terms.orthodontic()));
		Plan plan = plans.save(new Plan(carrierId, name.strip(), blankToNull(groupNumber), planTerms, clock.instant()));
		events.publishEvent(new InsuranceEvents.PlanAdded(plan.id(), carrierId, plan.name()));
		return Result.done(plan);
	}

	static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
