package io.smiledesk.billing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import io.smiledesk.payment.Money;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Billing as other modules see it: a billed visit with its charges, and the insurer's
 * payments and write-offs posted against a visit's procedures. Each posting carries a key
 * its caller derives, so posting the same thing twice writes one entry, also when both
 * postings come at the same moment: the check and the insert run in a transaction of
 * their own (committed before the caller's), and an insert the unique key refuses is read
 * as posted before.
 */
@Service
public class BilledVisits {

	private final InvoiceRepository invoices;

	private final LedgerEntryRepository entries;

	private final TransactionTemplate ownTransaction;

	BilledVisits(InvoiceRepository invoices, LedgerEntryRepository entries, PlatformTransactionManager transactions) {
		this.invoices = invoices;
		this.entries = entries;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
		return postOnce(key,
				() -> LedgerEntry.insurerPayment(invoice.patientId(), invoiceId, code, amount, reference, at, key, by));
	}

	/** The clinic gives up part of a procedure's fee after the insurer's answer. */
	@Transactional
	public UUID postInsuranceWriteOff(UUID invoiceId, String code, Money amount, String reason, String key, Instant at,
			String by) {
		Invoice invoice = invoices.findById(invoiceId).orElseThrow();
		return postOnce(key, () -> LedgerEntry.correction(invoice.patientId(), invoiceId, EntryKind.WRITE_OFF, amount,
				reason + " (" + code + ")", at, key, null, by));
	}

	/** The entry posted under {@code key}: the earlier one, else {@code entry} now. */
	private UUID postOnce(String key, Supplier<LedgerEntry> entry) {
		try {
			return ownTransaction.execute(status -> entries.findByClinicIdAndIdempotencyKey(Clinics.DEFAULT, key)
				.map(LedgerEntry::id)
				.orElseGet(() -> entries.saveAndFlush(entry.get()).id()));
		}
		catch (DataIntegrityViolationException ex) {
			// the same key posted at the same moment by another caller: theirs stands
			return entries.findByClinicIdAndIdempotencyKey(Clinics.DEFAULT, key)
				.map(LedgerEntry::id)
				.orElseThrow(() -> ex);
		}
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
