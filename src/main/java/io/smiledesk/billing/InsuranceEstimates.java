package io.smiledesk.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.payment.Money;

/**
 * What the patient's insurers are expected to pay for a visit's procedures, shown on its
 * statement. The insurance module answers; without it, or for a patient without coverage
 * on the visit's day, statements carry no estimate.
 */
public interface InsuranceEstimates {

	/** A procedure on a statement at the fee charged. */
	record ChargedProcedure(String code, Money fee) {
	}

	/** One procedure's expected split. */
	record EstimatedLine(String code, String category, Money fee, Money insurerShare, Money patientShare) {
	}

	record VisitEstimate(List<EstimatedLine> lines, Money insurerShare, Money patientShare) {
	}

	/**
	 * @param invoiceId the statement estimated: claims on it do not count against this
	 * year's benefits, so the estimate stays what it was before the insurer paid
	 */
	Optional<VisitEstimate> forVisit(UUID patientId, LocalDate serviceDate, UUID invoiceId,
			List<ChargedProcedure> procedures);

}
