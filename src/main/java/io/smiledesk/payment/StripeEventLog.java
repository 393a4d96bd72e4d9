package io.smiledesk.payment;

import java.time.Clock;

import io.smiledesk.payment.PaymentEvents.StripeEventReceived;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stripe's events as they arrive. The event id is the table's key: a redelivery or replay
 * is stored (and processed) once. The event that starts the processing is published in
 * the same transaction, so the publication registry keeps it durable.
 */
@Component
class StripeEventLog {

	private final StripeEventRepository events;

	private final ApplicationEventPublisher publisher;

	private final TransactionTemplate transaction;

	private final Clock clock;

	StripeEventLog(StripeEventRepository events, ApplicationEventPublisher publisher,
			PlatformTransactionManager transactions, Clock clock) {
		this.events = events;
		this.publisher = publisher;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** False when this event id was stored before. */
	boolean store(String id, String type, String payload) {
		if (events.existsById(id)) {
			return false;
		}
		try {
			transaction.executeWithoutResult(status -> {
				events.saveAndFlush(new StripeEventRecord(id, type, payload, clock.instant()));
				publisher.publishEvent(new StripeEventReceived(id));
			});
			return true;
		}
		catch (DataIntegrityViolationException ex) {
			// the same event delivered twice at the same moment: the other copy won
			return false;
		}
	}

}
