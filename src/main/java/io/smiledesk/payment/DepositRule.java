package io.smiledesk.payment;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** What one service asks for: a fixed amount or a percentage of its price. */
@Entity
@Table(name = "deposit_rule")
@IdClass(DepositRule.Key.class)
class DepositRule {

	@Id
	private int clinicId;

	@Id
	private String serviceId;

	private BigDecimal amount;

	private BigDecimal percent;

	protected DepositRule() {
	}

	DepositRule(int clinicId, String serviceId, BigDecimal amount, BigDecimal percent) {
		if ((amount == null) == (percent == null)) {
			throw new IllegalArgumentException("A deposit is either an amount or a percentage");
		}
		this.clinicId = clinicId;
		this.serviceId = serviceId;
		this.amount = amount;
		this.percent = percent;
	}

	/**
	 * The deposit for a service at this price, in whole cents (the currency's minor
	 * unit).
	 */
	BigDecimal amountFor(BigDecimal price) {
		BigDecimal due = amount != null ? amount : price.multiply(percent).movePointLeft(2);
		return due.setScale(2, RoundingMode.HALF_UP);
	}

	record Key(int clinicId, String serviceId) implements Serializable {

		Key() {
			this(0, null);
		}

	}

}
