package io.smiledesk.billing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.payment.Money;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Billing as other modules see it: a billed visit with its charges, and the insurer's
 * payments and write-offs posted against a visit's procedures. Each posting carries a key
 * its caller derives, so posting the same thing twice writes one entry.
 */
@Service
public class BilledVisits {

	private final InvoiceRepository invoices;

	private final LedgerEntryRepository entries;

	BilledVisits(InvoiceRepository invoices, LedgerEntryRepository entries) {
		this.invoices = invoices;
		this.entries = entries;
	}

	/** A procedure charged at a visit. */
	public record Charge(UUID entryId, String code, String description, Money fee) {
	}

	public record BilledVisit(UUID invoiceId, UUID appointmentId, UUID patientId, Instant visitAt, String providerId,
			String currency, List<Charge> charges) {
	}

	@Transactional(readOnly = true)
	public Optional<BilledVisit> ofAppointment(UUID appointmentId) {
		return invoices.findByClinicIdAndAppointmentId(Clinics.DEFAULT, appointmentId).map(this::visit);
	}

	@Transactional(readOnly = true)
	public Optional<BilledVisit> ofInvoice(UUID invoiceId) {
		return invoices.findById(invoiceId).map(this::visit);
	}

	/**
	 * The insurer paid for a procedure of the visit ({@code amount} positive); returns
	 * the entry, the earlier one when {@code key} was posted before.
	 */
	@Transactional
	public UUID postInsurerPayment(UUID invoiceId, String code, Money amount, String reference, String key, Instant at,
			String by) {
		Invoice invoice = invoices.findById(invoiceId).orElseThrow();
		return entries.findByClinicIdAndIdempotencyKey(Clinics.DEFAULT, key)
			.map(LedgerEntry::id)
			.orElseGet(() -> entries
				.save(LedgerEntry.insurerPayment(invoice.patientId(), invoiceId, code, amount, reference, at, key, by))
				.id());
	}

	/** The clinic gives up part of a procedure's fee after the insurer's answer. */
	@Transactional
	public UUID postInsuranceWriteOff(UUID invoiceId, String code, Money amount, String reason, String key, Instant at,
			String by) {
		Invoice invoice = invoices.findById(invoiceId).orElseThrow();
		return entries.findByClinicIdAndIdempotencyKey(Clinics.DEFAULT, key)
			.map(LedgerEntry::id)
			.orElseGet(() -> entries
				.save(LedgerEntry.correction(invoice.patientId(), invoiceId, EntryKind.WRITE_OFF, amount,
						reason + " (" + code + ")", at, key, null, by))
				.id());
	}

	private BilledVisit visit(Invoice invoice) {
		List<Charge> charges = entries.findByClinicIdAndInvoiceId(Clinics.DEFAULT, invoice.id())
			.stream()
			.map(LedgerEntry::line)
			.filter(line -> line.kind() == EntryKind.CHARGE)
			.sorted(Ledger.POSTING_ORDER)
			.map(line -> new Charge(line.id(), line.code(), line.description(), line.amount()))
			.toList();
		return new BilledVisit(invoice.id(), invoice.appointmentId(), invoice.patientId(), invoice.visitAt(),
				invoice.providerId(), invoice.currency(), charges);
	}

}
