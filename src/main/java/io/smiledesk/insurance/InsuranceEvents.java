package io.smiledesk.insurance;

import java.math.BigDecimal;
import java.util.UUID;

/** What happened in insurance; the audit trail records each. */
public final class InsuranceEvents {

	private InsuranceEvents() {
	}

	public record CarrierAdded(UUID carrierId, String name) {
	}

	public record PlanAdded(UUID planId, UUID carrierId, String name) {
	}

	/** A carrier's name or payer id was corrected. */
	public record CarrierChanged(UUID carrierId, String name) {
	}

	/** A plan's name, group or terms were changed. */
	public record PlanChanged(UUID planId, UUID carrierId, String name) {
	}

	/** A patient's coverage was recorded. */
	public record CoverageAdded(UUID coverageId, UUID patientId, String priority) {
	}

	/** A coverage was ended or removed. */
	public record CoverageEnded(UUID coverageId, UUID patientId) {
	}

	/** A coverage was given an end date (it stays on record). */
	public record CoverageEndedOn(UUID coverageId, UUID patientId, java.time.LocalDate endsOn) {
	}

	/** Staff read a patient's coverages or a claim (personal and financial records). */
	public record InsuranceRecordViewed(UUID patientId, String what, UUID id) {
	}

	public record ClaimCreated(UUID claimId, UUID patientId, UUID invoiceId, UUID coverageId) {
	}

	public record ClaimStatusChanged(UUID claimId, UUID patientId, String from, String to) {
	}

	/** The insurer's answer posted to the ledger. */
	public record ClaimPaymentPosted(UUID claimId, UUID patientId, BigDecimal paid, BigDecimal writtenOff,
			String currency) {
	}

}
