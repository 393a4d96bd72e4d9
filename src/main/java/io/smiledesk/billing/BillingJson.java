package io.smiledesk.billing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.smiledesk.payment.Money;
import io.smiledesk.system.InvalidInputException;

/** The billing API's bodies; amounts as exact decimals with their currency. */
final class BillingJson {

	private BillingJson() {
	}

	record EntryJson(UUID id, Instant postedAt, String kind, String method, String procedureCode, String description,
			BigDecimal amount, String currency, String reference, UUID invoiceId, BigDecimal balance) {

		static EntryJson of(LedgerLine line, Money balance) {
			return new EntryJson(line.id(), line.postedAt(), line.kind().json(),
					line.method() == null ? null : line.method().json(), line.code(), line.description(),
					line.amount().amount(), line.amount().currency(), line.reference(), line.invoiceId(),
					balance == null ? null : balance.amount());
		}

	}

	record InvoiceSummaryJson(UUID id, Instant visitAt, String service, BigDecimal charges, BigDecimal balance) {
	}

	record LedgerJson(UUID patientId, String currency, BigDecimal balance, BigDecimal due, List<EntryJson> entries,
			List<InvoiceSummaryJson> invoices) {

		static LedgerJson of(LedgerBook.PatientLedger ledger) {
			return new LedgerJson(ledger.patient().id().value(), ledger.ledger().currency(),
					ledger.ledger().balance().amount(), ledger.ledger().due().amount(),
					ledger.ledger().rows().stream().map(row -> EntryJson.of(row.line(), row.balance())).toList(),
					ledger.invoices()
						.stream()
						.map(invoice -> new InvoiceSummaryJson(invoice.id(), invoice.visitAt(), invoice.service(),
								invoice.statement().chargesTotal().amount(), invoice.statement().balance().amount()))
						.toList());
		}

	}

	record LineJson(String procedureCode, String description, BigDecimal amount) {
	}

	record EstimatedLineJson(String procedureCode, String category, BigDecimal fee, BigDecimal insurerShare,
			BigDecimal patientShare) {
	}

	/** Expected, not owed: the balance moves only when the insurer pays. */
	record EstimateJson(BigDecimal insurerShare, BigDecimal patientShare, List<EstimatedLineJson> lines) {

		static EstimateJson of(InsuranceEstimates.VisitEstimate estimate) {
			return estimate == null ? null
					: new EstimateJson(estimate.insurerShare().amount(), estimate.patientShare().amount(),
							estimate.lines()
								.stream()
								.map(line -> new EstimatedLineJson(line.code(), line.category(), line.fee().amount(),
										line.insurerShare().amount(), line.patientShare().amount()))
								.toList());
		}

	}

	record InvoiceJson(UUID id, UUID appointmentId, UUID patientId, String patientName, String service, String provider,
			Instant visitAt, String currency, List<LineJson> lineItems, BigDecimal chargesTotal,
			BigDecimal depositsApplied, BigDecimal adjustments, BigDecimal writeOffs, List<EntryJson> payments,
			BigDecimal paymentsTotal, BigDecimal balance, EstimateJson insuranceEstimate) {

		static InvoiceJson of(LedgerBook.InvoiceView view) {
			Statement statement = view.statement();
			return new InvoiceJson(view.id(), view.appointmentId(),
					view.patient() == null ? null : view.patient().id().value(),
					view.patient() == null ? null : view.patient().name(), view.service(), view.provider(),
					view.visitAt(), view.currency(),
					statement.charges()
						.stream()
						.map(line -> new LineJson(line.code(), line.description(), line.amount().amount()))
						.toList(),
					statement.chargesTotal().amount(), statement.depositsApplied().amount(),
					statement.adjustments().amount(), statement.writeOffs().amount(),
					statement.payments().stream().map(line -> EntryJson.of(line, null)).toList(),
					statement.paymentsTotal().amount(), statement.balance().amount(), EstimateJson.of(view.estimate()));
		}

	}

	record FeeJson(String code, String description, BigDecimal amount, String currency, boolean overridden) {

		static FeeJson of(Fee fee) {
			return new FeeJson(fee.code(), fee.description(), fee.amount().amount(), fee.amount().currency(),
					fee.overridden());
		}

	}

	/** The client's key, checked as the booking API checks its own. */
	static String idempotencyKey(String header) {
		if (header == null) {
			return null;
		}
		if (header.isBlank() || header.length() > 255 || header.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
			throw new InvalidInputException("Idempotency-Key", "must be 1 to 255 printable characters");
		}
		return header;
	}

	/** What a request said, to tell a retry (same) from a reused key (different). */
	static String fingerprint(Object request) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest(request.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
