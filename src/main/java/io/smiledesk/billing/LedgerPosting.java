package io.smiledesk.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.Patients;
import io.smiledesk.payment.Money;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff post to a patient's ledger: payments taken at the desk (cash, check, the clinic's
 * card terminal), adjustments and write-offs. One entry per request, in one transaction,
 * so a refused request writes nothing; an idempotency key makes a retried request the
 * same entry. A refusal is a result, not an exception.
 */
@Service
class LedgerPosting {

	private final LedgerEntryRepository entries;

	private final InvoiceRepository invoices;

	private final Patients patients;

	private final ClinicCatalog catalog;

	private final Clock clock;

	LedgerPosting(LedgerEntryRepository entries, InvoiceRepository invoices, Patients patients, ClinicCatalog catalog,
			Clock clock) {
		this.entries = entries;
		this.invoices = invoices;
		this.patients = patients;
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * @param kind payment, adjustment or write_off
	 * @param method for a payment: cash, check or card_terminal
	 * @param currency null: the clinic's
	 * @param note a check number or terminal receipt for a payment, the reason otherwise
	 * @param idempotencyKey null when the caller sent none
	 * @param fingerprint what the request said, to tell a retry from a reused key
	 */
	record Post(UUID patientId, UUID invoiceId, EntryKind kind, PaymentMethod method, BigDecimal amount,
			String currency, String note, String idempotencyKey, String fingerprint) {
	}

	sealed interface Outcome {

		record Posted(LedgerLine line, boolean replayed) implements Outcome {
		}

		record Rejected(Refusal refusal, String field, String detail) implements Outcome {
		}

	}

	enum Refusal {

		PATIENT_NOT_FOUND, INVOICE_NOT_FOUND, INVOICE_OF_ANOTHER_PATIENT, INVALID, KEY_REUSED

	}

	@Transactional
	Outcome post(Post post) {
		String key = post.idempotencyKey() == null ? null : post.kind().json() + ":" + post.idempotencyKey();
		if (key != null) {
			Optional<LedgerEntry> earlier = entries.findByClinicIdAndIdempotencyKey(Clinics.DEFAULT, key);
			if (earlier.isPresent()) {
				return post.fingerprint().equals(earlier.get().requestHash())
						? new Outcome.Posted(earlier.get().line(), true) : new Outcome.Rejected(Refusal.KEY_REUSED,
								"Idempotency-Key", "This Idempotency-Key was already used for a different request.");
			}
		}
		if (patients.find(new PatientId(post.patientId())).isEmpty()) {
			return new Outcome.Rejected(Refusal.PATIENT_NOT_FOUND, "patient_id", "No patient with this id.");
		}
		if (post.invoiceId() != null) {
			Optional<Invoice> invoice = invoices.findById(post.invoiceId());
			if (invoice.isEmpty()) {
				return new Outcome.Rejected(Refusal.INVOICE_NOT_FOUND, "invoice_id", "No invoice with this id.");
			}
			if (!invoice.get().patientId().equals(post.patientId())) {
				return new Outcome.Rejected(Refusal.INVOICE_OF_ANOTHER_PATIENT, "invoice_id",
						"The invoice belongs to another patient.");
			}
		}
		Rejected invalid = check(post);
		if (invalid != null) {
			return invalid.outcome();
		}
		Money amount = Money.exact(post.amount(), clinicCurrency());
		LedgerEntry entry = post.kind() == EntryKind.PAYMENT
				? LedgerEntry.payment(post.patientId(), post.invoiceId(), post.method(), amount, post.note(),
						clock.instant(), key, post.fingerprint(), StaffName.current())
				: LedgerEntry.correction(post.patientId(), post.invoiceId(), post.kind(), amount, post.note(),
						clock.instant(), key, post.fingerprint(), StaffName.current());
		return new Outcome.Posted(entries.save(entry).line(), false);
	}

	private record Rejected(String field, String detail) {

		Outcome outcome() {
			return new Outcome.Rejected(Refusal.INVALID, field, detail);
		}

	}

	private Rejected check(Post post) {
		String currency = clinicCurrency();
		if (post.currency() != null && !post.currency().equals(currency)) {
			return new Rejected("currency", "must be the clinic's currency, " + currency);
		}
		try {
			Money.exact(post.amount(), currency);
		}
		catch (IllegalArgumentException ex) {
			return new Rejected("amount", ex.getMessage());
		}
		int sign = post.amount().signum();
		return switch (post.kind()) {
			case PAYMENT -> post.method() == null || !post.method().recordedByStaff()
					? new Rejected("method", "must be cash, check or card_terminal")
					: sign <= 0 ? new Rejected("amount", "must be more than zero") : null;
			case WRITE_OFF -> sign <= 0 ? new Rejected("amount", "must be more than zero") : null;
			case ADJUSTMENT -> sign == 0 ? new Rejected("amount", "must not be zero")
					: blank(post.note()) ? new Rejected("reason", "must say why") : null;
			case CHARGE, DEPOSIT_CREDIT -> new Rejected("kind", "must be adjustment or write_off");
		};
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private String clinicCurrency() {
		return catalog.snapshot().profile().currency();
	}

}
