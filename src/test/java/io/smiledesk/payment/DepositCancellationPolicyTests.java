package io.smiledesk.payment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DepositCancellationPolicyTests {

	static final Instant START = Instant.parse("2025-08-20T14:00:00Z");

	final DepositCancellationPolicy policy = new DepositCancellationPolicy(Duration.ofHours(24));

	@Test
	void refundsACancellationAtLeastTheNoticeBeforeTheStart() {
		assertThat(policy.onCancellation(START.minus(Duration.ofHours(24)), START))
			.isEqualTo(new DepositCancellationPolicy.Decision.Refund("cancelled_outside_notice"));
		assertThat(policy.onCancellation(START.minus(Duration.ofDays(5)), START))
			.isInstanceOf(DepositCancellationPolicy.Decision.Refund.class);
	}

	@Test
	void keepsTheDepositInsideTheNoticeAndForANoShow() {
		assertThat(policy.onCancellation(START.minus(Duration.ofHours(24)).plusSeconds(1), START))
			.isEqualTo(new DepositCancellationPolicy.Decision.Keep("cancelled_inside_notice"));
		assertThat(policy.onNoShow()).isEqualTo(new DepositCancellationPolicy.Decision.Keep("no_show"));
	}

	@Test
	void aRuleIsAFixedAmountOrAPercentageOfThePriceInCents() {
		assertThat(new DepositRule(1, "crown", new BigDecimal("75"), null).amountFor(new BigDecimal("90.00")))
			.isEqualByComparingTo("75.00");
		assertThat(new DepositRule(1, "whitening", null, new BigDecimal("15")).amountFor(new BigDecimal("333.33")))
			.isEqualTo(new BigDecimal("50.00"));
		assertThatThrownBy(() -> new DepositRule(1, "x", BigDecimal.ONE, BigDecimal.ONE))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void moneyGoesToStripeInMinorUnits() {
		assertThat(new Money(new BigDecimal("50.00"), "USD").minorUnits()).isEqualTo(5000);
		assertThat(new Money(new BigDecimal("5000"), "JPY").minorUnits()).isEqualTo(5000);
		assertThat(new Money(new BigDecimal("12.34"), "EUR").stripeCurrency()).isEqualTo("eur");
	}

}
