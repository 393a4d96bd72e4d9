package io.smiledesk.insurance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.billing.BilledVisits;
import io.smiledesk.payment.Money;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The insurer's answer to a claim: what it paid per procedure and what the clinic writes
 * off, posted on the visit's statement through billing, and the claim marked paid. Every
 * line is checked before anything is written; all in one transaction.
 */
@Service
class ClaimPayments {

	private final ClaimRepository claims;

	private final Claims lifecycle;

	private final BilledVisits visits;

	private final ApplicationEventPublisher events;

	private final java.time.Clock clock;

	ClaimPayments(ClaimRepository claims, Claims lifecycle, BilledVisits visits, ApplicationEventPublisher events,
			java.time.Clock clock) {
		this.claims = claims;
		this.lifecycle = lifecycle;
		this.visits = visits;
		this.events = events;
		this.clock = clock;
	}

	record LinePayment(UUID lineId, BigDecimal paid, BigDecimal writtenOff) {
	}

	@Transactional
	Result<Claims.ClaimView> post(UUID claimId, LocalDate on, String reference, List<LinePayment> payments) {
		Optional<Claim> found = claims.findById(claimId);
		if (found.isEmpty()) {
			return Result.notFound("claim", "No claim with id " + claimId + ".");
		}
		Claim claim = found.get();
		LocalDate day = on == null ? lifecycle.today() : on;
		if (day.isAfter(lifecycle.today())) {
			return Result.invalid("paid_on", "must not be in the future");
		}
		if (!claim.status().canBecome(ClaimStatus.PAID)) {
			return lifecycle.outcome(claim, new Claim.Transition.Illegal(claim.status(), ClaimStatus.PAID));
		}
		Map<UUID, ClaimLine> lines = new HashMap<>();
		claim.lines().forEach(line -> lines.put(line.id(), line));
		Map<UUID, Claim.Settlement> settlements = new HashMap<>();
		String currency = claim.currency();
		for (int i = 0; i < payments.size(); i++) {
			LinePayment payment = payments.get(i);
			String field = "lines[" + i + "]";
			ClaimLine line = lines.get(payment.lineId());
			if (line == null) {
				return Result.invalid(field + ".line_id", "is not a line of this claim");
			}
			if (settlements.containsKey(line.id())) {
				return Result.invalid(field + ".line_id", "is named twice");
			}
			Money paid;
			Money writtenOff;
			try {
				paid = Money.exact(payment.paid() == null ? BigDecimal.ZERO : payment.paid(), currency);
				writtenOff = Money.exact(payment.writtenOff() == null ? BigDecimal.ZERO : payment.writtenOff(),
						currency);
			}
			catch (IllegalArgumentException ex) {
				return Result.invalid(field, ex.getMessage());
			}
			if (paid.signum() < 0 || writtenOff.signum() < 0) {
				return Result.invalid(field, "paid and written_off must not be negative");
			}
			if (paid.plus(writtenOff).amount().compareTo(line.fee(currency).amount()) > 0) {
				return Result.invalid(field, "paid and written off together exceed the fee, " + line.fee(currency));
			}
			settlements.put(line.id(), new Claim.Settlement(paid, writtenOff));
		}
		Claim.Transition transition = claim.pay(day, settlements, InsurancePlans.blankToNull(reference));
		if (!(transition instanceof Claim.Transition.Changed)) {
			return lifecycle.outcome(claim, transition);
		}
		Money paidTotal = Money.zero(currency);
		Money writtenOffTotal = Money.zero(currency);
		String by = staff();
		for (ClaimLine line : claim.lines()) {
			Claim.Settlement settlement = settlements.get(line.id());
			if (settlement == null) {
				continue;
			}
			String key = "claim:" + claim.id() + ":" + line.id();
			if (settlement.paid().signum() > 0) {
				visits.postInsurerPayment(claim.invoiceId(), line.procedureCode(), settlement.paid(),
						reference == null ? "Claim " + claim.id() : reference, key + ":paid", clock.instant(), by);
			}
			if (settlement.writtenOff().signum() > 0) {
				visits.postInsuranceWriteOff(claim.invoiceId(), line.procedureCode(), settlement.writtenOff(),
						"Insurance write-off", key + ":write-off", clock.instant(), by);
			}
			paidTotal = paidTotal.plus(settlement.paid());
			writtenOffTotal = writtenOffTotal.plus(settlement.writtenOff());
		}
		events.publishEvent(new InsuranceEvents.ClaimPaymentPosted(claim.id(), claim.patientId(), paidTotal.amount(),
				writtenOffTotal.amount(), currency));
		return lifecycle.outcome(claim, transition);
	}

	private static String staff() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null ? null : authentication.getName();
	}

}
