package io.smiledesk.billing;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.smiledesk.payment.Money;

/** A fee staff set for a procedure code, in place of the catalogue's price. */
@Entity
@Table(name = "procedure_fee")
@IdClass(ProcedureFee.Key.class)
class ProcedureFee {

	@Id
	private int clinicId;

	@Id
	private String code;

	private BigDecimal amount;

	private String currency;

	private Instant updatedAt;

	private String updatedBy;

	protected ProcedureFee() {
	}

	ProcedureFee(String code, Money fee, Instant now, String by) {
		this.clinicId = Clinics.DEFAULT;
		this.code = code;
		change(fee, now, by);
	}

	void change(Money fee, Instant now, String by) {
		if (fee.signum() < 0) {
			throw new IllegalArgumentException("A fee cannot be negative");
		}
		this.amount = fee.amount();
		this.currency = fee.currency();
		this.updatedAt = now;
		this.updatedBy = by;
	}

	String code() {
		return code;
	}

	Money fee() {
		return Money.exact(amount, currency);
	}

	record Key(int clinicId, String code) implements Serializable {

		Key() {
			this(0, null);
		}

	}

}
