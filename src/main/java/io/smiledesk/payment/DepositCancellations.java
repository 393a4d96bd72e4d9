package io.smiledesk.payment;

import java.time.Clock;
import java.time.Instant;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.scheduling.AppointmentEvents.AppointmentCancelled;
import io.smiledesk.scheduling.AppointmentEvents.AppointmentMissed;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Appointments;
import io.smiledesk.scheduling.DepositTerms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Applies the {@link DepositCancellationPolicy} when a visit with a deposit will not take
 * place, whoever cancelled it and by whichever route.
 */
@Component
class DepositCancellations {

	private static final Logger log = LoggerFactory.getLogger(DepositCancellations.class);

	private final DepositRepository deposits;

	private final DepositSettlement settlement;

	private final DepositClosing closing;

	private final Appointments appointments;

	private final ClinicCatalog catalog;

	private final Clock clock;

	DepositCancellations(DepositRepository deposits, DepositSettlement settlement, DepositClosing closing,
			Appointments appointments, ClinicCatalog catalog, Clock clock) {
		this.deposits = deposits;
		this.settlement = settlement;
		this.closing = closing;
		this.appointments = appointments;
		this.catalog = catalog;
		this.clock = clock;
	}

	// durable like an application module listener, but with no transaction around it:
	// scheduling and the deposit each commit on their own, Stripe is called between
	// them, and a refused transition in scheduling cannot roll the deposit back
	@Async
	@TransactionalEventListener
	void on(AppointmentCancelled event) {
		if (DepositTerms.RELEASED_UNPAID.equals(event.reason())) {
			// the deadline job has closed the deposit itself
			return;
		}
		deposits.findByAppointmentId(event.appointmentId()).ifPresent(deposit -> {
			if (deposit.status() == DepositStatus.PENDING) {
				closing.lapse(deposit.id(), "cancelled_before_payment");
			}
			else if (deposit.status() == DepositStatus.PAID) {
				// when it was cancelled, not when this listener runs
				Instant cancelledAt = appointments.find(event.appointmentId())
					.map(AppointmentView::updatedAt)
					.orElse(clock.instant());
				var decision = policy().onCancellation(cancelledAt, event.start());
				apply(deposit.id(), decision);
			}
		});
	}

	// as above
	@Async
	@TransactionalEventListener
	void on(AppointmentMissed event) {
		deposits.findByAppointmentId(event.appointmentId())
			.filter(deposit -> deposit.status() == DepositStatus.PAID)
			.ifPresent(deposit -> apply(deposit.id(), policy().onNoShow()));
	}

	private void apply(java.util.UUID depositId, DepositCancellationPolicy.Decision decision) {
		if (decision instanceof DepositCancellationPolicy.Decision.Refund refund) {
			log.info("Deposit {}: {}", depositId, settlement.refund(depositId, refund.reason()));
		}
		else {
			settlement.forfeit(depositId, decision.reason());
		}
	}

	private DepositCancellationPolicy policy() {
		return new DepositCancellationPolicy(catalog.snapshot().rules().cancellationNotice());
	}

}
