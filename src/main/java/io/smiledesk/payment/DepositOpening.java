package io.smiledesk.payment;

import java.time.Clock;
import java.util.UUID;

import com.stripe.exception.StripeException;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.scheduling.AppointmentEvents.AppointmentBooked;
import io.smiledesk.scheduling.AppointmentStatus;
import io.smiledesk.scheduling.Appointments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens the deposit of a booking whose service asks for one: the row in the booking's own
 * transaction (it commits or rolls back with the appointment), then, once the booking has
 * committed and before the answer is written, the Stripe Checkout Session. Not an
 * after-commit listener: the event registry would track it in a transaction of its own
 * while the booking still holds its connection, two connections per booking, and a burst
 * of bookings would exhaust the pool.
 */
@Component
class DepositOpening {

	private static final Logger log = LoggerFactory.getLogger(DepositOpening.class);

	private final DepositRules rules;

	private final DepositRepository deposits;

	private final Appointments appointments;

	private final StripeGateway gateway;

	private final DepositWording wording;

	private final ClinicCatalog catalog;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DepositOpening(DepositRules rules, DepositRepository deposits, Appointments appointments, StripeGateway gateway,
			DepositWording wording, ClinicCatalog catalog, PlatformTransactionManager transactions, Clock clock) {
		this.rules = rules;
		this.deposits = deposits;
		this.appointments = appointments;
		this.gateway = gateway;
		this.wording = wording;
		this.catalog = catalog;
		this.transaction = new TransactionTemplate(transactions);
		// after the booking's commit: a transaction of its own
		this.transaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** Must stay in the booking's transaction: an appointment never lacks its deposit. */
	@EventListener
	void record(AppointmentBooked event) {
		rules.depositFor(event.serviceId()).ifPresent(money -> {
			// the deadline scheduling set, read back: the two cannot disagree
			var dueBy = appointments.find(event.appointmentId())
				.filter(view -> view.status() == AppointmentStatus.PENDING_DEPOSIT)
				.flatMap(view -> appointments.depositDueBy(view.id()))
				.orElse(null);
			deposits.save(new Deposit(event.appointmentId(), event.patientId(), money, dueBy, event.bookedAt()));
		});
	}

	/**
	 * Creates the payment page of a pending deposit that has none; a failure leaves it
	 * for the deadline job to try again (the idempotency key keeps it to one session).
	 */
	void openCheckout(UUID depositId) {
		Deposit deposit = deposits.findById(depositId).orElse(null);
		if (deposit == null || deposit.status() != DepositStatus.PENDING || deposit.checkoutSessionId() != null
				|| !gateway.configured()) {
			return;
		}
		try {
			String service = appointments.find(deposit.appointmentId())
				.flatMap(view -> catalog.snapshot().serviceById(view.serviceId()))
				.map(ServiceInfo::name)
				.orElse("your visit");
			StripeGateway.Checkout checkout = gateway.createCheckout(deposit, wording.item(service),
					wording.policy(catalog.snapshot().rules().cancellationNotice()), clock.instant());
			transaction.executeWithoutResult(status -> deposits.findById(depositId)
				.filter(current -> current.status() == DepositStatus.PENDING)
				.ifPresent(current -> current.linkCheckout(checkout.sessionId(), checkout.url(), clock.instant())));
		}
		catch (StripeException | OptimisticLockingFailureException ex) {
			log.warn("No payment page for deposit {} yet: {}", depositId, ex.getMessage());
		}
		catch (RuntimeException ex) {
			// never fails the booking, which has committed: the job tries again
			log.warn("No payment page for deposit {} yet: {}", depositId, ex.toString());
		}
	}

}
