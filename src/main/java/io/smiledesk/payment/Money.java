package io.smiledesk.payment;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/** An exact amount in a currency (never floating point). */
record Money(BigDecimal amount, String currency) {

	Money {
		Currency.getInstance(currency);
	}

	/** In the currency's minor unit, as Stripe takes amounts. */
	long minorUnits() {
		return amount.movePointRight(Currency.getInstance(currency).getDefaultFractionDigits()).longValueExact();
	}

	String stripeCurrency() {
		return currency.toLowerCase(Locale.ROOT);
	}

}
