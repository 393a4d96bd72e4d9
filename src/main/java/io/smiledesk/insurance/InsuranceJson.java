package io.smiledesk.insurance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.smiledesk.system.ApiProblem;

/** The insurance API's bodies; amounts as exact decimals with their currency. */
final class InsuranceJson {

	private InsuranceJson() {
	}

	/** The value, or the refusal as a problem (404, 400 with the field, 409). */
	static <T> T unwrap(Result<T> result) {
		if (result instanceof Result.Done<T> done) {
			return done.value();
		}
		Result.Refused<T> refused = (Result.Refused<T>) result;
		throw switch (refused.reason()) {
			case NOT_FOUND -> ApiProblem.notFound(refused.subject(), refused.detail());
			case INVALID -> ApiProblem.invalidField(refused.subject(), refused.detail());
			case CONFLICT -> ApiProblem.conflict(refused.subject(), refused.detail());
		};
	}

	record PlanJson(UUID id, UUID carrierId, String name, String groupNumber, BigDecimal annualMaximum,
			BigDecimal deductible, String currency, CoveragePercentJson coveragePercent, int benefitYearStartMonth) {

		static PlanJson of(Plan plan) {
			PlanTerms terms = plan.terms();
			return new PlanJson(plan.id(), plan.carrierId(), plan.name(), plan.groupNumber(),
					terms.annualMaximum().amount(), terms.deductible().amount(), terms.currency(),
					new CoveragePercentJson(terms.percent(BenefitCategory.PREVENTIVE),
							terms.percent(BenefitCategory.BASIC), terms.percent(BenefitCategory.MAJOR),
							terms.percent(BenefitCategory.ORTHODONTIC)),
					plan.benefitYearStart().getValue());
		}

	}

	record CoveragePercentJson(int preventive, int basic, int major, int orthodontic) {
	}

	record CarrierJson(UUID id, String name, String payerId, List<PlanJson> plans) {

		static CarrierJson of(Carrier carrier, List<Plan> plans) {
			return new CarrierJson(carrier.id(), carrier.name(), carrier.payerId(),
					plans.stream().map(PlanJson::of).toList());
		}

	}

	record SubscriberJson(UUID id, String memberId, String name, LocalDate dateOfBirth) {
	}

	record CoverageJson(UUID id, UUID patientId, String priority, String relationship, LocalDate effectiveOn,
			LocalDate endsOn, String carrier, String payerId, UUID planId, String plan, String groupNumber,
			SubscriberJson subscriber) {

		static CoverageJson of(Coverages.CoverageView view) {
			Coverage coverage = view.coverage();
			Subscriber subscriber = view.subscriber();
			return new CoverageJson(coverage.id(), coverage.patientId(), coverage.priority().json(),
					coverage.relationship().json(), coverage.effectiveOn(), coverage.endsOn(), view.carrier().name(),
					view.carrier().payerId(), view.plan().id(), view.plan().name(), view.plan().groupNumber(),
					new SubscriberJson(subscriber.id(), subscriber.memberId(), subscriber.name(),
							subscriber.dateOfBirth()));
		}

	}

	record EstimateLineJson(String procedureCode, String category, BigDecimal fee, BigDecimal deductibleApplied,
			BigDecimal primaryPays, BigDecimal secondaryPays, BigDecimal patientPays) {
	}

	record EstimateJson(UUID patientId, LocalDate serviceDate, String currency, List<UUID> coverages, BigDecimal fees,
			BigDecimal insurerPays, BigDecimal primaryPays, BigDecimal secondaryPays, BigDecimal patientPays,
			List<EstimateLineJson> lines) {

		static EstimateJson of(UUID patientId, LocalDate day, Estimates.Estimated estimated) {
			BenefitEstimator.Estimate estimate = estimated.estimate();
			return new EstimateJson(patientId, day, estimate.fees().currency(),
					estimated.coverages().stream().map(view -> view.coverage().id()).toList(), estimate.fees().amount(),
					estimate.insurerPays().amount(), estimate.primaryPays().amount(), estimate.secondaryPays().amount(),
					estimate.patientPays().amount(),
					estimate.lines()
						.stream()
						.map(line -> new EstimateLineJson(line.code(), line.category().json(), line.fee().amount(),
								line.deductibleApplied().amount(), line.primaryPays().amount(),
								line.secondaryPays().amount(), line.patientPays().amount()))
						.toList());
		}

	}

	record ClaimLineJson(UUID id, int lineNo, String procedureCode, String description, BigDecimal fee,
			BigDecimal estimate, BigDecimal paid, BigDecimal writtenOff) {
	}

	record ClaimJson(UUID id, String status, UUID patientId, UUID coverageId, UUID invoiceId, UUID appointmentId,
			LocalDate serviceDate, String carrier, String payerId, String plan, String groupNumber, String memberId,
			Instant createdAt, LocalDate sentOn, LocalDate receivedOn, LocalDate paidOn, LocalDate deniedOn,
			String denialReason, String payerReference, Long daysSinceSent, String currency, BigDecimal total,
			BigDecimal estimate, BigDecimal paid, List<ClaimLineJson> lines) {

		static ClaimJson of(Claims.ClaimView view, LocalDate today) {
			Claim claim = view.claim();
			Coverages.CoverageView coverage = view.coverage();
			String currency = claim.currency();
			return new ClaimJson(claim.id(), claim.status().json(), claim.patientId(), claim.coverageId(),
					claim.invoiceId(), claim.appointmentId(), claim.serviceDate(),
					coverage == null ? null : coverage.carrier().name(),
					coverage == null ? null : coverage.carrier().payerId(),
					coverage == null ? null : coverage.plan().name(),
					coverage == null ? null : coverage.plan().groupNumber(),
					coverage == null ? null : coverage.subscriber().memberId(), claim.createdAt(), claim.sentOn(),
					claim.receivedOn(), claim.paidOn(), claim.deniedOn(), claim.denialReason(), claim.payerReference(),
					claim.status().open() ? Long.valueOf(claim.daysSinceSent(today).orElse(0)) : null, currency,
					claim.total().amount(), claim.estimate().amount(), claim.paid().amount(),
					claim.lines()
						.stream()
						.map(line -> new ClaimLineJson(line.id(), line.lineNo(), line.procedureCode(),
								line.description(), line.fee(currency).amount(), line.estimate(currency).amount(),
								line.paid(currency).amount(), line.writtenOff(currency).amount()))
						.toList());
		}

	}

	record AgingClaimJson(UUID id, UUID patientId, String carrier, LocalDate sentOn, long days, BigDecimal total) {
	}

	record AgingBucketJson(String days, int count, BigDecimal total, List<AgingClaimJson> claims) {
	}

	record AgingJson(LocalDate asOf, String currency, BigDecimal total, int unsent, List<AgingBucketJson> buckets) {
	}

}
