package io.smiledesk.insurance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.Patients;

import io.smiledesk.system.FieldCipher;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's coverages: at most one primary and one secondary on any day. The subscriber
 * is found by plan and member id, or recorded with the first coverage naming them.
 */
@Service
class Coverages {

	private final CoverageRepository coverages;

	private final SubscriberRepository subscribers;

	private final PlanRepository plans;

	private final CarrierRepository carriers;

	private final ClaimRepository claims;

	private final Patients patients;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final FieldCipher cipher;

	Coverages(CoverageRepository coverages, SubscriberRepository subscribers, PlanRepository plans,
			CarrierRepository carriers, ClaimRepository claims, Patients patients, ApplicationEventPublisher events,
			Clock clock, FieldCipher cipher) {
		this.cipher = cipher;
		this.claims = claims;
		this.coverages = coverages;
		this.subscribers = subscribers;
		this.plans = plans;
		this.carriers = carriers;
		this.patients = patients;
		this.events = events;
		this.clock = clock;
	}

	/** A coverage with its subscriber, plan and carrier. */
	record CoverageView(Coverage coverage, Subscriber subscriber, Plan plan, Carrier carrier) {
	}

	record PatientCoverages(PatientSummary patient, List<CoverageView> coverages) {
	}

	/** Staff reading a patient's coverages; announced for the audit trail. */
	@Transactional
	Optional<PatientCoverages> ofPatient(UUID patientId) {
		Optional<PatientSummary> patient = patients.find(new PatientId(patientId));
		if (patient.isEmpty()) {
			return Optional.empty();
		}
		events.publishEvent(new InsuranceEvents.InsuranceRecordViewed(patientId, "coverages", patientId));
		return Optional.of(new PatientCoverages(patient.get(), views(patientId)));
	}

	boolean knows(UUID patientId) {
		return patients.find(new PatientId(patientId)).isPresent();
	}

	/** Without an audit entry: for estimates and claims, which are audited themselves. */
	@Transactional(readOnly = true)
	List<CoverageView> views(UUID patientId) {
		return coverages.findByClinicIdAndPatientIdOrderByPriorityAscEffectiveOnDesc(Clinics.DEFAULT, patientId)
			.stream()
			.map(this::view)
			.toList();
	}

	/** Primary first, then secondary, of those covering the day. */
	@Transactional(readOnly = true)
	List<CoverageView> activeOn(UUID patientId, LocalDate day) {
		return views(patientId).stream().filter(view -> view.coverage().coversOn(day)).toList();
	}

	@Transactional(readOnly = true)
	Optional<CoverageView> find(UUID coverageId) {
		return coverages.findById(coverageId).map(this::view);
	}

	record NewSubscriber(String memberId, String name, LocalDate dateOfBirth) {
	}

	record NewCoverage(UUID planId, NewSubscriber subscriber, Coverage.Priority priority,
			Coverage.Relationship relationship, LocalDate effectiveOn, LocalDate endsOn) {
	}

	@Transactional
	Result<CoverageView> add(UUID patientId, NewCoverage request) {
		if (patients.find(new PatientId(patientId)).isEmpty()) {
			return Result.notFound("patient", "No patient with id " + patientId + ".");
		}
		Optional<Plan> plan = plans.findById(request.planId());
		if (plan.isEmpty()) {
			return Result.invalid("plan_id", "No plan with this id.");
		}
		if (request.endsOn() != null && request.endsOn().isBefore(request.effectiveOn())) {
			return Result.invalid("ends_on", "must not be before effective_on");
		}
		if (request.subscriber().dateOfBirth() != null
				&& request.subscriber().dateOfBirth().isAfter(request.effectiveOn().plusYears(1))) {
			return Result.invalid("subscriber.date_of_birth", "must be a birth date");
		}
		boolean taken = coverages
			.findByClinicIdAndPatientIdOrderByPriorityAscEffectiveOnDesc(Clinics.DEFAULT, patientId)
			.stream()
			.anyMatch(other -> other.priority() == request.priority()
					&& other.overlaps(request.effectiveOn(), request.endsOn()));
		if (taken) {
			return Result.conflict("coverage-overlaps",
					"The patient already has a " + request.priority().json() + " coverage for part of this period.");
		}
		String memberIdHash = cipher.blindIndex(Subscriber.normalise(request.subscriber().memberId()));
		Optional<Subscriber> known = subscribers.findByClinicIdAndPlanIdAndMemberIdHash(Clinics.DEFAULT,
				request.planId(), memberIdHash);
		if (known.isPresent() && !known.get().name().equalsIgnoreCase(request.subscriber().name().strip())) {
			return Result.invalid("subscriber.member_id", "belongs to another subscriber of this plan");
		}
		Subscriber subscriber = known
			.orElseGet(() -> subscribers.save(new Subscriber(request.planId(), request.subscriber().memberId().strip(),
					memberIdHash, request.subscriber().name().strip(), request.subscriber().dateOfBirth())));
		Coverage coverage = coverages.save(new Coverage(patientId, subscriber.id(), request.priority(),
				request.relationship(), request.effectiveOn(), request.endsOn(), clock.instant()));
		events.publishEvent(new InsuranceEvents.CoverageAdded(coverage.id(), patientId, coverage.priority().json()));
		return Result.done(view(coverage));
	}

	/**
	 * Ends a coverage on a day: never before it began, and never later than an end it
	 * already has (a later end could overlap the coverage that followed it).
	 */
	@Transactional
	Result<CoverageView> end(UUID patientId, UUID coverageId, LocalDate endsOn) {
		Optional<Coverage> found = coverages.findById(coverageId).filter(c -> c.patientId().equals(patientId));
		if (found.isEmpty()) {
			return Result.notFound("coverage", "No coverage with id " + coverageId + " for this patient.");
		}
		Coverage coverage = found.get();
		if (endsOn.isBefore(coverage.effectiveOn())) {
			return Result.invalid("ends_on",
					"must not be before the coverage's start (" + coverage.effectiveOn() + ")");
		}
		if (coverage.endsOn() != null && endsOn.isAfter(coverage.endsOn())) {
			return Result.invalid("ends_on", "must not be after the coverage's end (" + coverage.endsOn() + ")");
		}
		coverage.endOn(endsOn);
		coverages.save(coverage);
		events.publishEvent(new InsuranceEvents.CoverageEndedOn(coverageId, patientId, endsOn));
		return Result.done(view(coverage));
	}

	/** Removes a coverage recorded by mistake; one with claims stays, for them. */
	@Transactional
	Result<UUID> remove(UUID patientId, UUID coverageId) {
		Optional<Coverage> coverage = coverages.findById(coverageId)
			.filter(found -> found.patientId().equals(patientId));
		if (coverage.isEmpty()) {
			return Result.notFound("coverage", "No coverage with id " + coverageId + " for this patient.");
		}
		if (claims.existsByClinicIdAndCoverageId(Clinics.DEFAULT, coverageId)) {
			return Result.conflict("coverage-claimed", "Claims were made under this coverage: it stays on record.");
		}
		coverages.delete(coverage.get());
		events.publishEvent(new InsuranceEvents.CoverageEnded(coverageId, patientId));
		return Result.done(coverageId);
	}

	private CoverageView view(Coverage coverage) {
		Subscriber subscriber = subscribers.findById(coverage.subscriberId()).orElseThrow();
		Plan plan = plans.findById(subscriber.planId()).orElseThrow();
		Carrier carrier = carriers.findById(plan.carrierId()).orElseThrow();
		return new CoverageView(coverage, subscriber, plan, carrier);
	}

}
