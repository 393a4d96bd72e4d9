package io.smiledesk.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * One appointment's deposit. It guards its own transitions: only a pending deposit is
 * paid or lapses, only a paid one is refunded or kept; an illegal one throws. Each change
 * is announced, for the audit trail, when the deposit is saved.
 */
@Entity
@Table(name = "deposit")
class Deposit extends AbstractAggregateRoot<Deposit> {

	@Id
	private UUID id;

	private int clinicId;

	private UUID appointmentId;

	private UUID patientId;

	private BigDecimal amount;

	private String currency;

	@Enumerated(EnumType.STRING)
	private DepositStatus status;

	private Instant dueBy;

	private String checkoutSessionId;

	private String paymentUrl;

	private String paymentIntentId;

	private String refundId;

	private String note;

	private boolean needsReview;

	private Instant paidAt;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected Deposit() {
	}

	/**
	 * @param dueBy the payment deadline, or null when deposits are not collected here
	 */
	Deposit(UUID appointmentId, UUID patientId, Money money, Instant dueBy, Instant now) {
		this.id = UUID.randomUUID();
		this.clinicId = Clinics.DEFAULT;
		this.appointmentId = appointmentId;
		this.patientId = patientId;
		this.amount = money.amount();
		this.currency = money.currency();
		this.status = dueBy == null ? DepositStatus.NOT_COLLECTED : DepositStatus.PENDING;
		this.note = dueBy == null ? "payments_off" : null;
		this.dueBy = dueBy;
		this.createdAt = now;
		this.updatedAt = now;
		changed("recorded");
	}

	void linkCheckout(String sessionId, String url, Instant now) {
		require(status == DepositStatus.PENDING, "linked to a payment page");
		checkoutSessionId = sessionId;
		paymentUrl = url;
		updatedAt = now;
	}

	/** The money came in; false when this payment was seen before. */
	boolean paid(String intentId, Instant now) {
		if (intentId != null && paymentIntentId == null) {
			paymentIntentId = intentId;
		}
		if (status != DepositStatus.PENDING && status != DepositStatus.NOT_COLLECTED) {
			return false;
		}
		// a deposit that lapsed at its deadline can still be paid (Stripe was slower than
		// the job): the money is recorded, never lost
		status = DepositStatus.PAID;
		paidAt = now;
		updatedAt = now;
		changed("paid");
		return true;
	}

	/** No payment by the deadline, or the visit went before it was paid. */
	void lapse(String why, Instant now) {
		require(status == DepositStatus.PENDING, "closed unpaid");
		status = DepositStatus.NOT_COLLECTED;
		note = why;
		updatedAt = now;
		changed("lapsed");
	}

	void refunded(String refund, String why, Instant now) {
		require(status == DepositStatus.PAID || status == DepositStatus.FORFEITED || status == DepositStatus.PENDING,
				"refunded");
		status = DepositStatus.REFUNDED;
		refundId = refund;
		note = why;
		needsReview = false;
		updatedAt = now;
		changed("refunded");
	}

	/** A refund Stripe reports, whether or not the payment was seen first. */
	void refundReported(String intentId, String refund, Instant now) {
		if (paymentIntentId == null) {
			paymentIntentId = intentId;
		}
		if (status == DepositStatus.REFUNDED || status == DepositStatus.WAIVED) {
			return;
		}
		status = DepositStatus.REFUNDED;
		refundId = refund;
		note = paidAt == null ? "refund_before_payment_seen" : "refunded_at_stripe";
		updatedAt = now;
		changed("refunded");
	}

	void forfeit(String why, Instant now) {
		require(status == DepositStatus.PAID, "kept");
		status = DepositStatus.FORFEITED;
		note = why;
		updatedAt = now;
		changed("kept");
	}

	/** The clinic gives the deposit up; a paid one is refunded ({@code refund}). */
	void waive(String refund, Instant now) {
		require(waivable(), "waived");
		status = DepositStatus.WAIVED;
		refundId = refund;
		note = "waived_by_staff";
		needsReview = false;
		updatedAt = now;
		changed("waived");
	}

	boolean waivable() {
		return status == DepositStatus.PENDING || status == DepositStatus.PAID || status == DepositStatus.FORFEITED;
	}

	/** Money that could not be returned automatically: staff look at it. */
	void toReview(String why, Instant now) {
		needsReview = true;
		note = why;
		updatedAt = now;
		changed("to-review");
	}

	private void changed(String action) {
		registerEvent(
				new PaymentEvents.DepositChanged(id, appointmentId, action, status.json(), amount, currency, note));
	}

	private void require(boolean allowed, String action) {
		if (!allowed) {
			throw new IllegalStateException("The deposit is " + status.json() + " and cannot be " + action + ".");
		}
	}

	UUID id() {
		return id;
	}

	UUID appointmentId() {
		return appointmentId;
	}

	UUID patientId() {
		return patientId;
	}

	Money money() {
		return new Money(amount, currency);
	}

	DepositStatus status() {
		return status;
	}

	Instant dueBy() {
		return dueBy;
	}

	String checkoutSessionId() {
		return checkoutSessionId;
	}

	String paymentUrl() {
		return paymentUrl;
	}

	String paymentIntentId() {
		return paymentIntentId;
	}

	String refundId() {
		return refundId;
	}

	String note() {
		return note;
	}

	Instant updatedAt() {
		return updatedAt;
	}

	boolean needsReview() {
		return needsReview;
	}

}
