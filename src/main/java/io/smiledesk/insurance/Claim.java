package io.smiledesk.insurance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import io.smiledesk.payment.Money;

import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A claim to one coverage's insurer for one billed visit. It guards its own transitions
 * ({@link ClaimStatus}): an illegal one, or a date before the claim was sent, is refused
 * and changes nothing. Each change is announced for the audit trail.
 */
@Entity
@Table(name = "insurance_claim")
class Claim extends AbstractAggregateRoot<Claim> {

	@Id
	private UUID id;

	private int clinicId;

	private UUID patientId;

	private UUID coverageId;

	private UUID invoiceId;

	private UUID appointmentId;

	private LocalDate serviceDate;

	private String currency;

	@Enumerated(EnumType.STRING)
	private ClaimStatus status;

	private Instant createdAt;

	private LocalDate sentOn;

	private LocalDate receivedOn;

	private LocalDate paidOn;

	private LocalDate deniedOn;

	private String denialReason;

	private String payerReference;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	@JoinColumn(name = "claim_id", nullable = false)
	private List<ClaimLine> lines = new ArrayList<>();

	protected Claim() {
	}

	Claim(UUID patientId, UUID coverageId, UUID invoiceId, UUID appointmentId, LocalDate serviceDate, String currency,
			List<ClaimLine> lines, Instant now) {
		this.id = UUID.randomUUID();
		this.clinicId = Clinics.DEFAULT;
		this.patientId = patientId;
		this.coverageId = coverageId;
		this.invoiceId = invoiceId;
		this.appointmentId = appointmentId;
		this.serviceDate = serviceDate;
		this.currency = currency;
		this.status = ClaimStatus.UNSENT;
		this.createdAt = now;
		this.lines.addAll(lines);
		registerEvent(new InsuranceEvents.ClaimCreated(id, patientId, invoiceId, coverageId));
	}

	sealed interface Transition {

		record Changed(ClaimStatus from, ClaimStatus to) implements Transition {
		}

		record Illegal(ClaimStatus from, ClaimStatus to) implements Transition {
		}

		record Invalid(String field, String reason) implements Transition {
		}

	}

	Transition send(LocalDate on) {
		if (!status.canBecome(ClaimStatus.SENT)) {
			return new Transition.Illegal(status, ClaimStatus.SENT);
		}
		if (on.isBefore(serviceDate)) {
			return new Transition.Invalid("on", "cannot be before the visit, " + serviceDate);
		}
		sentOn = on;
		receivedOn = null;
		deniedOn = null;
		denialReason = null;
		return change(ClaimStatus.SENT);
	}

	Transition receive(LocalDate on) {
		Transition refused = refused(ClaimStatus.RECEIVED, on);
		if (refused != null) {
			return refused;
		}
		receivedOn = on;
		return change(ClaimStatus.RECEIVED);
	}

	Transition deny(LocalDate on, String reason) {
		Transition refused = refused(ClaimStatus.DENIED, on);
		if (refused != null) {
			return refused;
		}
		if (reason == null || reason.isBlank()) {
			return new Transition.Invalid("reason", "must say why the insurer denied it");
		}
		deniedOn = on;
		denialReason = reason.strip();
		return change(ClaimStatus.DENIED);
	}

	/** What the insurer paid per line (by line id), and what the clinic writes off. */
	record Settlement(Money paid, Money writtenOff) {
	}

	Transition pay(LocalDate on, Map<UUID, Settlement> settlements, String reference) {
		Transition refused = refused(ClaimStatus.PAID, on);
		if (refused != null) {
			return refused;
		}
		for (ClaimLine line : lines) {
			Settlement settlement = settlements.get(line.id());
			if (settlement != null) {
				line.settle(settlement.paid(), settlement.writtenOff());
			}
		}
		paidOn = on;
		payerReference = reference;
		return change(ClaimStatus.PAID);
	}

	private Transition refused(ClaimStatus target, LocalDate on) {
		if (!status.canBecome(target)) {
			return new Transition.Illegal(status, target);
		}
		if (on.isBefore(sentOn)) {
			return new Transition.Invalid("on", "cannot be before the claim was sent, " + sentOn);
		}
		return null;
	}

	private Transition change(ClaimStatus to) {
		ClaimStatus from = status;
		status = to;
		registerEvent(new InsuranceEvents.ClaimStatusChanged(id, patientId, from.json(), to.json()));
		return new Transition.Changed(from, to);
	}

	/** Days since it was sent, for the aging report; empty when not sent. */
	java.util.OptionalLong daysSinceSent(LocalDate today) {
		return sentOn == null ? java.util.OptionalLong.empty()
				: java.util.OptionalLong.of(java.time.temporal.ChronoUnit.DAYS.between(sentOn, today));
	}

	Money total() {
		return lines.stream().map(line -> line.fee(currency)).reduce(Money.zero(currency), Money::plus);
	}

	Money estimate() {
		return lines.stream().map(line -> line.estimate(currency)).reduce(Money.zero(currency), Money::plus);
	}

	Money paid() {
		return lines.stream().map(line -> line.paid(currency)).reduce(Money.zero(currency), Money::plus);
	}

	List<ClaimLine> lines() {
		return lines.stream().sorted(Comparator.comparingInt(ClaimLine::lineNo)).toList();
	}

	UUID id() {
		return id;
	}

	UUID patientId() {
		return patientId;
	}

	UUID coverageId() {
		return coverageId;
	}

	UUID invoiceId() {
		return invoiceId;
	}

	UUID appointmentId() {
		return appointmentId;
	}

	LocalDate serviceDate() {
		return serviceDate;
	}

	String currency() {
		return currency;
	}

	ClaimStatus status() {
		return status;
	}

	Instant createdAt() {
		return createdAt;
	}

	LocalDate sentOn() {
		return sentOn;
	}

	LocalDate receivedOn() {
		return receivedOn;
	}

	LocalDate paidOn() {
		return paidOn;
	}

	LocalDate deniedOn() {
		return deniedOn;
	}

	String denialReason() {
		return denialReason;
	}

	String payerReference() {
		return payerReference;
	}

}
