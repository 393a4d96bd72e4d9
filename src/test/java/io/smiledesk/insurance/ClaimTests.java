package io.smiledesk.insurance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import io.smiledesk.insurance.Claim.Transition;
import io.smiledesk.payment.Money;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimTests {

	static final LocalDate VISIT = LocalDate.of(2025, 8, 20);

	static Money usd(String amount) {
		return Money.exact(new BigDecimal(amount), "USD");
	}

	static Claim claim() {
		ClaimLine line = new ClaimLine(1, UUID.randomUUID(), "D2391", "Resin", usd("180.00"), usd("104.00"),
				usd("50.00"));
		return new Claim(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), VISIT, "USD",
				List.of(line), Instant.parse("2025-08-21T10:00:00Z"));
	}

	/** A claim brought to the status by legal steps. */
	static Claim in(ClaimStatus status) {
		Claim claim = claim();
		LocalDate day = VISIT.plusDays(1);
		switch (status) {
			case UNSENT -> {
			}
			case SENT -> claim.send(day);
			case RECEIVED -> {
				claim.send(day);
				claim.receive(day);
			}
			case PAID -> {
				claim.send(day);
				claim.pay(day, Map.of(), null);
			}
			case DENIED -> {
				claim.send(day);
				claim.deny(day, "Frequency limit");
			}
		}
		assertThat(claim.status()).isEqualTo(status);
		return claim;
	}

	static Transition move(Claim claim, ClaimStatus target, LocalDate day) {
		return switch (target) {
			case SENT -> claim.send(day);
			case RECEIVED -> claim.receive(day);
			case PAID -> claim.pay(day, Map.of(), null);
			case DENIED -> claim.deny(day, "Not covered");
			case UNSENT -> new Transition.Illegal(claim.status(), ClaimStatus.UNSENT);
		};
	}

	@ParameterizedTest
	@EnumSource(ClaimStatus.class)
	void onlyTheListedTransitionsAreAllowedAndARefusedOneChangesNothing(ClaimStatus from) {
		for (ClaimStatus target : ClaimStatus.values()) {
			Claim claim = in(from);

			Transition transition = move(claim, target, VISIT.plusDays(5));

			if (from.canBecome(target)) {
				assertThat(transition).isEqualTo(new Transition.Changed(from, target));
				assertThat(claim.status()).isEqualTo(target);
			}
			else {
				assertThat(transition).isEqualTo(new Transition.Illegal(from, target));
				assertThat(claim.status()).isEqualTo(from);
			}
		}
	}

	@Test
	void theAllowedTransitionsAreTheLifecycleOfAPaperClaim() {
		assertThat(ClaimStatus.UNSENT.next()).containsExactly(ClaimStatus.SENT);
		assertThat(ClaimStatus.SENT.next()).containsExactlyInAnyOrder(ClaimStatus.RECEIVED, ClaimStatus.PAID,
				ClaimStatus.DENIED);
		assertThat(ClaimStatus.RECEIVED.next()).containsExactlyInAnyOrder(ClaimStatus.PAID, ClaimStatus.DENIED);
		assertThat(ClaimStatus.DENIED.next()).containsExactly(ClaimStatus.SENT);
		assertThat(ClaimStatus.PAID.next()).isEmpty();
		assertThat(EnumSet.allOf(ClaimStatus.class).stream().filter(ClaimStatus::open))
			.containsExactlyInAnyOrder(ClaimStatus.SENT, ClaimStatus.RECEIVED);
	}

	@Test
	void recordsTheDateOfEachStep() {
		Claim claim = claim();

		claim.send(LocalDate.of(2025, 8, 22));
		claim.receive(LocalDate.of(2025, 8, 29));
		claim.pay(LocalDate.of(2025, 9, 15),
				Map.of(claim.lines().get(0).id(), new Claim.Settlement(usd("100.00"), usd("20.00"))), "EOB 77");

		assertThat(claim.sentOn()).isEqualTo("2025-08-22");
		assertThat(claim.receivedOn()).isEqualTo("2025-08-29");
		assertThat(claim.paidOn()).isEqualTo("2025-09-15");
		assertThat(claim.payerReference()).isEqualTo("EOB 77");
		assertThat(claim.paid()).isEqualTo(usd("100.00"));
		assertThat(claim.lines().get(0).writtenOff("USD")).isEqualTo(usd("20.00"));
	}

	@Test
	void aDeniedClaimSentAgainLosesItsDenial() {
		Claim claim = in(ClaimStatus.DENIED);
		assertThat(claim.denialReason()).isEqualTo("Frequency limit");

		assertThat(claim.send(VISIT.plusDays(9))).isInstanceOf(Transition.Changed.class);

		assertThat(claim.denialReason()).isNull();
		assertThat(claim.deniedOn()).isNull();
		assertThat(claim.sentOn()).isEqualTo(VISIT.plusDays(9));
	}

	@Test
	void refusesDatesBeforeTheVisitOrTheSendingAndADenialWithoutReason() {
		Claim claim = claim();
		assertThat(claim.send(VISIT.minusDays(1))).isInstanceOf(Transition.Invalid.class);
		assertThat(claim.status()).isEqualTo(ClaimStatus.UNSENT);

		claim.send(VISIT.plusDays(3));

		assertThat(claim.receive(VISIT.plusDays(2)))
			.isEqualTo(new Transition.Invalid("on", "cannot be before the claim was sent, " + VISIT.plusDays(3)));
		assertThat(claim.deny(VISIT.plusDays(4), " ")).isInstanceOf(Transition.Invalid.class);
		assertThat(claim.status()).isEqualTo(ClaimStatus.SENT);
		assertThat(claim.receivedOn()).isNull();
	}

	@Test
	void aRefusedPaymentSettlesNoLine() {
		Claim claim = claim();

		Transition transition = claim.pay(VISIT.plusDays(3),
				Map.of(claim.lines().get(0).id(), new Claim.Settlement(usd("100.00"), usd("0.00"))), null);

		assertThat(transition).isInstanceOf(Transition.Illegal.class);
		assertThat(claim.paid()).isEqualTo(usd("0.00"));
	}

	@Test
	void agesOpenClaimsByDaysSinceSent() {
		LocalDate today = LocalDate.of(2025, 12, 31);
		Claim fresh = sentDaysAgo(today, 0);
		Claim month = sentDaysAgo(today, 30);
		Claim justOver = sentDaysAgo(today, 31);
		Claim sixty = sentDaysAgo(today, 60);
		Claim ninety = sentDaysAgo(today, 90);
		Claim old = sentDaysAgo(today, 91);
		Claim received = sentDaysAgo(today, 45);
		received.receive(today);
		Claim paid = sentDaysAgo(today, 100);
		paid.pay(today, Map.of(), null);
		Claim unsent = claim();

		ClaimAging.Report report = ClaimAging
			.of(List.of(fresh, month, justOver, sixty, ninety, old, received, paid, unsent), today, "USD");

		assertThat(report.buckets()).extracting(ClaimAging.Bucket::label)
			.containsExactly("0-30", "31-60", "61-90", "90+");
		assertThat(report.buckets().get(0).claims()).containsExactly(fresh, month);
		assertThat(report.buckets().get(1).claims()).containsExactly(justOver, sixty, received);
		assertThat(report.buckets().get(2).claims()).containsExactly(ninety);
		assertThat(report.buckets().get(3).claims()).containsExactly(old);
		assertThat(report.buckets().get(1).total()).isEqualTo(usd("540.00"));
		assertThat(report.total()).isEqualTo(usd("1260.00"));
	}

	static Claim sentDaysAgo(LocalDate today, int days) {
		ClaimLine line = new ClaimLine(1, UUID.randomUUID(), "D2391", "Resin", usd("180.00"), usd("104.00"),
				usd("0.00"));
		Claim claim = new Claim(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
				today.minusDays(days + 1), "USD", List.of(line), Instant.parse("2025-08-21T10:00:00Z"));
		claim.send(today.minusDays(days));
		return claim;
	}

}
