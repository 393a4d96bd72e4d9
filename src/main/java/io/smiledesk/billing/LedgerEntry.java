package io.smiledesk.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.smiledesk.payment.Money;

import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A posted ledger entry; never changed afterwards (a mistake is corrected by an
 * adjustment). The amount is signed: positive raises what the patient owes. Its
 * idempotency key makes posting the same thing twice impossible (a unique constraint).
 * Announced, for the audit trail, when saved.
 */
@Entity
@Table(name = "ledger_entry")
class LedgerEntry extends AbstractAggregateRoot<LedgerEntry> {

	@Id
	private UUID id;

	private int clinicId;

	private UUID patientId;

	private UUID invoiceId;

	@Enumerated(EnumType.STRING)
	private EntryKind kind;

	@Enumerated(EnumType.STRING)
	private PaymentMethod method;

	private String procedureCode;

	private String description;

	private BigDecimal amount;

	private String currency;

	private String reference;

	private String idempotencyKey;

	private String requestHash;

	private Instant postedAt;

	private String postedBy;

	protected LedgerEntry() {
	}

	private LedgerEntry(UUID patientId, LedgerLine line, String idempotencyKey, String requestHash, String postedBy) {
		this.id = line.id();
		this.clinicId = Clinics.DEFAULT;
		this.patientId = patientId;
		this.invoiceId = line.invoiceId();
		this.kind = line.kind();
		this.method = line.method();
		this.procedureCode = line.code();
		this.description = line.description();
		this.amount = line.amount().amount();
		this.currency = line.amount().currency();
		this.reference = line.reference();
		this.idempotencyKey = idempotencyKey;
		this.requestHash = requestHash;
		this.postedAt = line.postedAt();
		this.postedBy = postedBy;
		registerEvent(new BillingEvents.LedgerEntryPosted(id, patientId, invoiceId, kind.json(),
				method == null ? null : method.json(), amount, currency, procedureCode));
	}

	/** A procedure done at a visit; the fee is what the patient owes for it. */
	static LedgerEntry charge(UUID patientId, UUID invoiceId, Fee fee, Instant at, String key) {
		return new LedgerEntry(patientId, new LedgerLine(UUID.randomUUID(), invoiceId, at, EntryKind.CHARGE, null,
				fee.code(), fee.description(), fee.amount(), null), key, null, null);
	}

	/** The deposit paid ahead for the visit, applied to its statement. */
	static LedgerEntry depositCredit(UUID patientId, UUID invoiceId, Money paid, Instant at, UUID depositId) {
		return new LedgerEntry(patientId, new LedgerLine(UUID.randomUUID(), invoiceId, at, EntryKind.DEPOSIT_CREDIT,
				null, null, "Deposit paid", paid.negate(), depositId.toString()), "deposit:" + depositId, null, null);
	}

	/** Money received; {@code received} is positive. */
	static LedgerEntry payment(UUID patientId, UUID invoiceId, PaymentMethod method, Money received, String reference,
			Instant at, String key, String requestHash, String by) {
		return new LedgerEntry(patientId,
				new LedgerLine(UUID.randomUUID(), invoiceId, at, EntryKind.PAYMENT, method, null,
						"Payment (" + method.json().replace('_', ' ') + ")", received.negate(), reference),
				key, requestHash, by);
	}

	/**
	 * An insurer's payment for one procedure on a claim; {@code received} is positive.
	 */
	static LedgerEntry insurerPayment(UUID patientId, UUID invoiceId, String code, Money received, String reference,
			Instant at, String key, String by) {
		return new LedgerEntry(patientId, new LedgerLine(UUID.randomUUID(), invoiceId, at, EntryKind.PAYMENT,
				PaymentMethod.INSURANCE, code, "Payment (insurance)", received.negate(), reference), key, null, by);
	}

	/**
	 * An adjustment (signed: positive raises what is owed) or a write-off ({@code amount}
	 * positive, the part the clinic gives up).
	 */
	static LedgerEntry correction(UUID patientId, UUID invoiceId, EntryKind kind, Money amount, String reason,
			Instant at, String key, String requestHash, String by) {
		Money signed = kind == EntryKind.WRITE_OFF ? amount.negate() : amount;
		String description = reason == null || reason.isBlank()
				? (kind == EntryKind.WRITE_OFF ? "Write-off" : "Adjustment") : reason.strip();
		return new LedgerEntry(patientId,
				new LedgerLine(UUID.randomUUID(), invoiceId, at, kind, null, null, description, signed, null), key,
				requestHash, by);
	}

	LedgerLine line() {
		return new LedgerLine(id, invoiceId, postedAt, kind, method, procedureCode, description,
				Money.exact(amount, currency), reference);
	}

	UUID id() {
		return id;
	}

	UUID patientId() {
		return patientId;
	}

	String requestHash() {
		return requestHash;
	}

	String postedBy() {
		return postedBy;
	}

}
