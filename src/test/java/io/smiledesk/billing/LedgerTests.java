package io.smiledesk.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import io.smiledesk.payment.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The ledger's arithmetic and ordering, without Spring. */
class LedgerTests {

	static final Instant VISIT = Instant.parse("2025-08-04T14:00:00Z");

	static final UUID INVOICE = UUID.randomUUID();

	@Test
	void runningBalanceFollowsPostingOrderWithChargesBeforeCreditsOfTheSameInstant() {
		// given a deposit credit and a charge posted at one instant, listed credit first
		LedgerLine credit = line(VISIT, EntryKind.DEPOSIT_CREDIT, null, "-50.00");
		LedgerLine charge = line(VISIT, EntryKind.CHARGE, null, "350.00");
		LedgerLine cash = line(VISIT.plusSeconds(60), EntryKind.PAYMENT, PaymentMethod.CASH, "-100.00");

		// when
		Ledger ledger = Ledger.of("USD", List.of(cash, credit, charge));

		// then
		assertThat(ledger.rows()).extracting(row -> row.line().kind())
			.containsExactly(EntryKind.CHARGE, EntryKind.DEPOSIT_CREDIT, EntryKind.PAYMENT);
		assertThat(ledger.rows()).extracting(row -> row.balance().amount())
			.containsExactly(new BigDecimal("350.00"), new BigDecimal("300.00"), new BigDecimal("200.00"));
		assertThat(ledger.balance()).isEqualTo(usd("200.00"));
		assertThat(ledger.due()).isEqualTo(usd("200.00"));
	}

	@Test
	void aPatientInCreditOwesNothing() {
		Ledger ledger = Ledger.of("USD", List.of(line(VISIT, EntryKind.CHARGE, null, "95.00"),
				line(VISIT.plusSeconds(1), EntryKind.PAYMENT, PaymentMethod.CARD_TERMINAL, "-100.00")));

		assertThat(ledger.balance()).isEqualTo(usd("-5.00"));
		assertThat(ledger.due()).isEqualTo(usd("0.00"));
	}

	@Test
	void centsAddUpExactlyWhereDoublesWouldNot() {
		// 0.1 + 0.2 in binary floating point is 0.30000000000000004
		Ledger ledger = Ledger.of("USD", List.of(line(VISIT, EntryKind.CHARGE, null, "0.10"),
				line(VISIT.plusSeconds(1), EntryKind.CHARGE, null, "0.20")));

		assertThat(ledger.balance().amount()).isEqualByComparingTo("0.30");
		assertThat(ledger.balance().minorUnits()).isEqualTo(30);
	}

	@Test
	void aStatementTotalsEachKindAndShowsCreditsAsPositiveAmounts() {
		Statement statement = Statement.of("USD",
				List.of(line(VISIT, EntryKind.CHARGE, null, "120.00"), line(VISIT, EntryKind.CHARGE, null, "30.00"),
						line(VISIT, EntryKind.DEPOSIT_CREDIT, null, "-50.00"),
						line(VISIT.plusSeconds(5), EntryKind.ADJUSTMENT, null, "-10.00"),
						line(VISIT.plusSeconds(6), EntryKind.WRITE_OFF, null, "-5.00"),
						line(VISIT.plusSeconds(7), EntryKind.PAYMENT, PaymentMethod.CHECK, "-60.00")));

		assertThat(statement.charges()).hasSize(2);
		assertThat(statement.chargesTotal()).isEqualTo(usd("150.00"));
		assertThat(statement.depositsApplied()).isEqualTo(usd("50.00"));
		assertThat(statement.adjustments()).isEqualTo(usd("-10.00"));
		assertThat(statement.writeOffs()).isEqualTo(usd("5.00"));
		assertThat(statement.paymentsTotal()).isEqualTo(usd("60.00"));
		assertThat(statement.balance()).isEqualTo(usd("25.00"));
	}

	@Test
	void anEmptyStatementIsZeroInItsCurrency() {
		Statement statement = Statement.of("EUR", List.of());

		assertThat(statement.balance()).isEqualTo(Money.zero("EUR"));
		assertThat(statement.balance().amount().scale()).isEqualTo(2);
	}

	@Test
	void entriesRefuseTheWrongSignAndPaymentsNeedAMethod() {
		assertThatIllegalArgumentException().isThrownBy(() -> line(VISIT, EntryKind.CHARGE, null, "-1.00"));
		assertThatIllegalArgumentException().isThrownBy(() -> line(VISIT, EntryKind.PAYMENT, PaymentMethod.CASH, "5"));
		assertThatIllegalArgumentException().isThrownBy(() -> line(VISIT, EntryKind.ADJUSTMENT, null, "0.00"));
		assertThatIllegalArgumentException().isThrownBy(() -> line(VISIT, EntryKind.PAYMENT, null, "-5.00"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> line(VISIT, EntryKind.WRITE_OFF, PaymentMethod.CASH, "-5.00"));
	}

	@Test
	void amountsInAnotherCurrencyDoNotMix() {
		assertThatIllegalArgumentException().isThrownBy(() -> usd("1.00").plus(Money.exact(BigDecimal.ONE, "EUR")));
	}

	@Test
	void moneyKeepsTheCurrencysMinorUnitAndRefusesFinerAmounts() {
		assertThat(Money.exact(new BigDecimal("5"), "USD")).isEqualTo(usd("5.00"));
		assertThat(Money.exact(new BigDecimal("5.100"), "USD")).isEqualTo(usd("5.10"));
		assertThat(Money.exact(new BigDecimal("500"), "JPY").minorUnits()).isEqualTo(500);
		assertThatIllegalArgumentException().isThrownBy(() -> Money.exact(new BigDecimal("5.001"), "USD"));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.exact(new BigDecimal("5.5"), "JPY"));
	}

	static LedgerLine line(Instant at, EntryKind kind, PaymentMethod method, String amount) {
		return new LedgerLine(UUID.randomUUID(), INVOICE, at, kind, method, null, kind.json(), usd(amount), null);
	}

	static Money usd(String amount) {
		return Money.exact(new BigDecimal(amount), "USD");
	}

}
