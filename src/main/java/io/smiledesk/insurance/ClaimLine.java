package io.smiledesk.insurance;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.smiledesk.payment.Money;

/** One procedure on a claim: its fee, the estimate, what the insurer paid. */
@Entity
@Table(name = "insurance_claim_line")
class ClaimLine {

	@Id
	private UUID id;

	private int clinicId;

	private int lineNo;

	private UUID ledgerEntryId;

	private String procedureCode;

	private String description;

	private BigDecimal fee;

	private BigDecimal estimate;

	private BigDecimal deductibleApplied;

	private BigDecimal paid;

	private BigDecimal writtenOff;

	protected ClaimLine() {
	}

	ClaimLine(int lineNo, UUID ledgerEntryId, String procedureCode, String description, Money fee, Money estimate,
			Money deductibleApplied) {
		this.id = UUID.randomUUID();
		this.clinicId = Clinics.DEFAULT;
		this.lineNo = lineNo;
		this.ledgerEntryId = ledgerEntryId;
		this.procedureCode = procedureCode;
		this.description = description;
		this.fee = fee.amount();
		this.estimate = estimate.amount();
		this.deductibleApplied = deductibleApplied.amount();
		this.paid = BigDecimal.ZERO.setScale(fee.amount().scale());
		this.writtenOff = this.paid;
	}

	void settle(Money paid, Money writtenOff) {
		this.paid = paid.amount();
		this.writtenOff = writtenOff.amount();
	}

	UUID id() {
		return id;
	}

	int lineNo() {
		return lineNo;
	}

	String procedureCode() {
		return procedureCode;
	}

	String description() {
		return description;
	}

	Money fee(String currency) {
		return Money.exact(fee, currency);
	}

	Money estimate(String currency) {
		return Money.exact(estimate, currency);
	}

	Money paid(String currency) {
		return Money.exact(paid, currency);
	}

	Money writtenOff(String currency) {
		return Money.exact(writtenOff, currency);
	}

}
