package io.smiledesk.insurance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.billing.BilledVisits;
import io.smiledesk.clinic.ClinicCatalog;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims from billed visits: one per visit and coverage, its procedures with the estimate
 * made then; status changes through the claim itself.
 */
@Service
class Claims {

	private final ClaimRepository claims;

	private final BilledVisits visits;

	private final Coverages coverages;

	private final Estimates estimates;

	private final ClinicCatalog catalog;

	private final io.smiledesk.patient.Patients patients;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Claims(ClaimRepository claims, BilledVisits visits, Coverages coverages, Estimates estimates, ClinicCatalog catalog,
			io.smiledesk.patient.Patients patients, ApplicationEventPublisher events, Clock clock) {
		this.patients = patients;
		this.claims = claims;
		this.visits = visits;
		this.coverages = coverages;
		this.estimates = estimates;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	/** A claim with the coverage it is made to. */
	record ClaimView(Claim claim, Coverages.CoverageView coverage) {
	}

	@Transactional
	Result<ClaimView> create(UUID appointmentId, Coverage.Priority priority) {
		Optional<BilledVisits.BilledVisit> billed = visits.ofAppointment(appointmentId);
		if (billed.isEmpty()) {
			return Result.notFound("visit", "No billed visit for appointment " + appointmentId
					+ ": claims are made once a visit is completed.");
		}
		BilledVisits.BilledVisit visit = billed.get();
		LocalDate day = visit.visitAt().atZone(catalog.snapshot().zone()).toLocalDate();
		List<Coverages.CoverageView> active = coverages.activeOn(visit.patientId(), day);
		int position = active.stream().map(view -> view.coverage().priority()).toList().indexOf(priority);
		if (position < 0 || position > 1) {
			return Result.conflict("no-coverage",
					"The patient has no " + priority.json() + " coverage on the day of the visit, " + day + ".");
		}
		Coverages.CoverageView coverage = active.get(position);
		if (claims.findByClinicIdAndInvoiceIdAndCoverageId(Clinics.DEFAULT, visit.invoiceId(), coverage.coverage().id())
			.isPresent()) {
			return Result.conflict("claim-exists", "This visit is already claimed from this coverage.");
		}
		if (visit.charges().isEmpty()) {
			return Result.conflict("nothing-to-claim", "The visit has no charges to claim.");
		}
		BenefitEstimator.Estimate estimate = estimates
			.estimate(visit.patientId(), day, visit.invoiceId(),
					visit.charges().stream().map(c -> new BenefitEstimator.Procedure(c.code(), c.fee())).toList())
			.map(Estimates.Estimated::estimate)
			.orElseThrow();
		List<ClaimLine> lines = new ArrayList<>();
		for (int i = 0; i < visit.charges().size(); i++) {
			BilledVisits.Charge charge = visit.charges().get(i);
			BenefitEstimator.Line line = estimate.lines().get(i);
			boolean primary = position == 0;
			lines.add(new ClaimLine(i + 1, charge.entryId(), charge.code(), charge.description(), charge.fee(),
					primary ? line.primaryPays() : line.secondaryPays(),
					primary ? line.deductibleApplied() : line.secondaryDeductibleApplied()));
		}
		Claim claim = claims.save(new Claim(visit.patientId(), coverage.coverage().id(), visit.invoiceId(),
				appointmentId, day, visit.currency(), lines, clock.instant()));
		return Result.done(new ClaimView(claim, coverage));
	}

	@Transactional(readOnly = true)
	List<ClaimView> all() {
		return claims.findByClinicIdOrderByCreatedAtDesc(Clinics.DEFAULT).stream().map(this::view).toList();
	}

	@Transactional(readOnly = true)
	List<ClaimView> open() {
		return claims
			.findByClinicIdAndStatusInOrderBySentOn(Clinics.DEFAULT, List.of(ClaimStatus.SENT, ClaimStatus.RECEIVED))
			.stream()
			.map(this::view)
			.toList();
	}

	@Transactional(readOnly = true)
	List<ClaimView> unsent() {
		return claims.findByClinicIdAndStatusInOrderBySentOn(Clinics.DEFAULT, List.of(ClaimStatus.UNSENT))
			.stream()
			.map(this::view)
			.toList();
	}

	/** A claim read by staff; announced for the audit trail. */
	@Transactional
	Optional<ClaimView> read(UUID id) {
		Optional<ClaimView> found = claims.findById(id).map(this::view);
		found.ifPresent(view -> events
			.publishEvent(new InsuranceEvents.InsuranceRecordViewed(view.claim().patientId(), "claim", id)));
		return found;
	}

	/** Sent, received or denied (paid goes through {@link ClaimPayments}). */
	@Transactional
	Result<ClaimView> change(UUID id, ClaimStatus target, LocalDate on, String reason) {
		Optional<Claim> found = claims.findById(id);
		if (found.isEmpty()) {
			return Result.notFound("claim", "No claim with id " + id + ".");
		}
		Claim claim = found.get();
		LocalDate day = on == null ? today() : on;
		if (day.isAfter(today())) {
			return Result.invalid("on", "must not be in the future");
		}
		Claim.Transition transition = switch (target) {
			case SENT -> claim.send(day);
			case RECEIVED -> claim.receive(day);
			case DENIED -> claim.deny(day, reason);
			case UNSENT, PAID -> new Claim.Transition.Illegal(claim.status(), target);
		};
		return outcome(claim, transition);
	}

	Result<ClaimView> outcome(Claim claim, Claim.Transition transition) {
		if (transition instanceof Claim.Transition.Illegal illegal) {
			return Result.conflict("illegal-claim-transition", "A " + illegal.from().json() + " claim cannot become "
					+ illegal.to().json() + "; it can become " + names(illegal.from()) + ".");
		}
		if (transition instanceof Claim.Transition.Invalid invalid) {
			return Result.invalid(invalid.field(), invalid.reason());
		}
		return Result.done(view(claims.save(claim)));
	}

	LocalDate today() {
		return clock.instant().atZone(catalog.snapshot().zone()).toLocalDate();
	}

	ClaimView view(Claim claim) {
		return new ClaimView(claim, coverages.find(claim.coverageId()).orElse(null));
	}

	/** For the claim form; null for a patient record deleted since. */
	String patientName(UUID patientId) {
		return patients.find(new io.smiledesk.patient.PatientId(patientId))
			.map(io.smiledesk.patient.PatientSummary::name)
			.orElse(null);
	}

	private static String names(ClaimStatus from) {
		return from.next().isEmpty() ? "nothing else"
				: String.join(" or ", from.next().stream().map(ClaimStatus::json).sorted().toList());
	}

}
