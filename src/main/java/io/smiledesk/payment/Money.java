package io.smiledesk.payment;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An exact amount in a currency (never floating point). Deposits and the billing ledger
 * share it; arithmetic only between amounts of one currency.
 */
public record Money(BigDecimal amount, String currency) {

	public Money {
		Objects.requireNonNull(amount, "amount");
		Currency.getInstance(currency);
	}

	/**
	 * An amount as entered: refused (IllegalArgumentException) when it has more decimals
	 * than the currency's minor unit; kept at that scale, so 5 and 5.00 are one amount.
	 */
	public static Money exact(BigDecimal amount, String currency) {
		int digits = Currency.getInstance(currency).getDefaultFractionDigits();
		if (amount.stripTrailingZeros().scale() > digits) {
			throw new IllegalArgumentException("has more decimals than " + currency + " allows (" + digits + ")");
		}
		return new Money(amount.setScale(digits), currency);
	}

	public static Money zero(String currency) {
		return exact(BigDecimal.ZERO, currency);
	}

	public Money plus(Money other) {
		return new Money(amount.add(sameCurrency(other).amount), currency);
	}

	public Money minus(Money other) {
		return new Money(amount.subtract(sameCurrency(other).amount), currency);
	}

	public Money negate() {
		return new Money(amount.negate(), currency);
	}

	public int signum() {
		return amount.signum();
	}

	public boolean isZero() {
		return amount.signum() == 0;
	}

	/** In the currency's minor unit, as Stripe takes amounts. */
	public long minorUnits() {
		return amount.movePointRight(Currency.getInstance(currency).getDefaultFractionDigits()).longValueExact();
	}

	String stripeCurrency() {
		return currency.toLowerCase(Locale.ROOT);
	}

	/** "120.00 USD". */
	@Override
	public String toString() {
		return amount.toPlainString() + " " + currency;
	}

	private Money sameCurrency(Money other) {
		if (!currency.equals(other.currency)) {
			throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
		}
		return other;
	}

}
