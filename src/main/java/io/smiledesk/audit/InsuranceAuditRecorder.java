package io.smiledesk.audit;

import io.smiledesk.audit.AuditEntry.Outcome;
import io.smiledesk.audit.AuditTrail.Event;
import io.smiledesk.insurance.InsuranceEvents;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Audit entries for insurance: carriers and plans added and changed, coverages recorded
 * and read, claims created, moved along, read and paid. In the publisher's transaction,
 * as every audit listener (see {@link AuditRecorder}).
 */
@Component
class InsuranceAuditRecorder {

	private final AuditTrail trail;

	InsuranceAuditRecorder(AuditTrail trail) {
		this.trail = trail;
	}

	@EventListener
	void on(InsuranceEvents.CarrierAdded event) {
		trail.record(new Event(Actor.current(), "insurance.carrier-added", "insurance-carrier",
				event.carrierId().toString(), Outcome.SUCCESS, event.name()));
	}

	@EventListener
	void on(InsuranceEvents.PlanAdded event) {
		trail.record(new Event(Actor.current(), "insurance.plan-added", "insurance-plan", event.planId().toString(),
				Outcome.SUCCESS, event.name() + ", carrier " + event.carrierId()));
	}

	@EventListener
	void on(InsuranceEvents.CarrierChanged event) {
		trail.record(new Event(Actor.current(), "insurance.carrier-changed", "insurance-carrier",
				event.carrierId().toString(), Outcome.SUCCESS, event.name()));
	}

	@EventListener
	void on(InsuranceEvents.PlanChanged event) {
		trail.record(new Event(Actor.current(), "insurance.plan-changed", "insurance-plan", event.planId().toString(),
				Outcome.SUCCESS, event.name() + ", carrier " + event.carrierId()));
	}

	@EventListener
	void on(InsuranceEvents.CoverageAdded event) {
		trail.record(new Event(Actor.current(), "insurance.coverage-added", "patient", event.patientId().toString(),
				Outcome.SUCCESS, event.priority() + ", coverage " + event.coverageId()));
	}

	@EventListener
	void on(InsuranceEvents.CoverageEnded event) {
		trail.record(new Event(Actor.current(), "insurance.coverage-removed", "patient", event.patientId().toString(),
				Outcome.SUCCESS, "coverage " + event.coverageId()));
	}

	@EventListener
	void on(InsuranceEvents.CoverageEndedOn event) {
		trail.record(new Event(Actor.current(), "insurance.coverage-ended", "patient", event.patientId().toString(),
				Outcome.SUCCESS, "coverage " + event.coverageId() + " ends on " + event.endsOn()));
	}

	@EventListener
	void on(InsuranceEvents.InsuranceRecordViewed event) {
		trail.record(new Event(Actor.current(), "insurance." + event.what() + "-viewed", "patient",
				event.patientId().toString(), Outcome.SUCCESS,
				"coverages".equals(event.what()) ? null : event.what() + " " + event.id()));
	}

	@EventListener
	void on(InsuranceEvents.ClaimCreated event) {
		trail
			.record(new Event(Actor.current(), "insurance.claim-created", "insurance-claim", event.claimId().toString(),
					Outcome.SUCCESS, "patient " + event.patientId() + ", invoice " + event.invoiceId()));
	}

	@EventListener
	void on(InsuranceEvents.ClaimStatusChanged event) {
		trail.record(new Event(Actor.current(), "insurance.claim-" + event.to(), "insurance-claim",
				event.claimId().toString(), Outcome.SUCCESS, event.from() + " -> " + event.to()));
	}

	@EventListener
	void on(InsuranceEvents.ClaimPaymentPosted event) {
		trail.record(new Event(Actor.current(), "insurance.claim-payment-posted", "insurance-claim",
				event.claimId().toString(), Outcome.SUCCESS, event.paid().toPlainString() + " " + event.currency()
						+ " paid, " + event.writtenOff().toPlainString() + " written off"));
	}

}
