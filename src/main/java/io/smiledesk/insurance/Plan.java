package io.smiledesk.insurance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.smiledesk.payment.Money;

/**
 * A carrier's plan for one group: its coverage per category, deductible and maximum, and
 * the month its benefit year starts in.
 */
@Entity
@Table(name = "insurance_plan")
class Plan {

	@Id
	private UUID id;

	private int clinicId;

	private UUID carrierId;

	private String name;

	private String groupNumber;

	private BigDecimal annualMaximum;

	private BigDecimal deductible;

	private String currency;

	private int preventivePercent;

	private int basicPercent;

	private int majorPercent;

	private int orthodonticPercent;

	private int benefitYearStartMonth;

	private Instant createdAt;

	protected Plan() {
	}

	Plan(UUID carrierId, String name, String groupNumber, PlanTerms terms, Month benefitYearStart, Instant now) {
		this.id = UUID.randomUUID();
		this.clinicId = Clinics.DEFAULT;
		this.carrierId = carrierId;
		revise(name, groupNumber, terms, benefitYearStart);
		this.createdAt = now;
	}

	/**
	 * New terms apply to estimates from now on; claims keep the estimates they were made
	 * with.
	 */
	void revise(String name, String groupNumber, PlanTerms terms, Month benefitYearStart) {
		this.name = name;
		this.groupNumber = groupNumber;
		this.annualMaximum = terms.annualMaximum().amount();
		this.deductible = terms.deductible().amount();
		this.currency = terms.currency();
		this.preventivePercent = terms.percent(BenefitCategory.PREVENTIVE);
		this.basicPercent = terms.percent(BenefitCategory.BASIC);
		this.majorPercent = terms.percent(BenefitCategory.MAJOR);
		this.orthodonticPercent = terms.percent(BenefitCategory.ORTHODONTIC);
		this.benefitYearStartMonth = benefitYearStart.getValue();
	}

	PlanTerms terms() {
		return new PlanTerms(Money.exact(annualMaximum, currency), Money.exact(deductible, currency),
				Map.of(BenefitCategory.PREVENTIVE, preventivePercent, BenefitCategory.BASIC, basicPercent,
						BenefitCategory.MAJOR, majorPercent, BenefitCategory.ORTHODONTIC, orthodonticPercent));
	}

	Month benefitYearStart() {
		return Month.of(benefitYearStartMonth);
	}

	/** The benefit year {@code day} falls in. */
	BenefitYear benefitYear(LocalDate day) {
		return BenefitYear.containing(day, benefitYearStart());
	}

	UUID id() {
		return id;
	}

	UUID carrierId() {
		return carrierId;
	}

	String name() {
		return name;
	}

	String groupNumber() {
		return groupNumber;
	}

}
