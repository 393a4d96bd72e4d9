package io.smiledesk.payment;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.scheduling.DepositSummary;
import io.smiledesk.scheduling.DepositTerms;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Scheduling's view of deposits: whether a booking waits for one, and how it stands. */
@Component
class PaymentDeposits implements DepositTerms {

	private final DepositRules rules;

	private final DepositRepository deposits;

	private final StripeGateway gateway;

	private final PaymentProperties properties;

	private final DepositWording wording;

	private final ClinicCatalog catalog;

	private final DepositOpening opening;

	PaymentDeposits(DepositRules rules, DepositRepository deposits, StripeGateway gateway, PaymentProperties properties,
			DepositWording wording, ClinicCatalog catalog, DepositOpening opening) {
		this.opening = opening;
		this.rules = rules;
		this.deposits = deposits;
		this.gateway = gateway;
		this.properties = properties;
		this.wording = wording;
		this.catalog = catalog;
	}

	@Override
	public Optional<Instant> paymentDueBy(String serviceId, Instant bookedAt) {
		if (!gateway.configured()) {
			// offline: recorded as not collected, and the booking counts at once
			return Optional.empty();
		}
		return rules.depositFor(serviceId).map(money -> bookedAt.plus(properties.paymentWindow()));
	}

	@Override
	public void booked(UUID appointmentId) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			// booked inside a caller's transaction: not committed yet, so the deadline
			// job
			// opens the page on its next pass rather than a second connection now
			return;
		}
		deposits.findByAppointmentId(appointmentId).ifPresent(deposit -> opening.openCheckout(deposit.id()));
	}

	@Override
	public Optional<DepositSummary> summary(UUID appointmentId) {
		return deposits.findByAppointmentId(appointmentId).map(this::summary);
	}

	DepositSummary summary(Deposit deposit) {
		boolean pending = deposit.status() == DepositStatus.PENDING;
		return new DepositSummary(deposit.money().amount(), deposit.money().currency(), deposit.status().json(),
				pending ? deposit.paymentUrl() : null, pending ? deposit.dueBy() : null,
				wording.policy(catalog.snapshot().rules().cancellationNotice()));
	}

}
