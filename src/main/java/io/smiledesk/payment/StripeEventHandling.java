package io.smiledesk.payment;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.payment.PaymentEvents.StripeEventReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes a stored Stripe event once, in the background: payments mark deposits paid,
 * refunds are recorded in whichever order they come; types SmileDesk does not handle and
 * sessions it does not know are only logged. The event's own object is read from the raw
 * payload, so the answer does not depend on the API version Stripe sent it in.
 */
@Component
class StripeEventHandling {

	private static final Logger log = LoggerFactory.getLogger(StripeEventHandling.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final StripeEventRepository events;

	private final DepositRepository deposits;

	private final DepositSettlement settlement;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	StripeEventHandling(StripeEventRepository events, DepositRepository deposits, DepositSettlement settlement,
			PlatformTransactionManager transactions, ApplicationEventPublisher publisher, Clock clock) {
		this.publisher = publisher;
		this.events = events;
		this.deposits = deposits;
		this.settlement = settlement;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	// durable like an application module listener, but with no transaction around it:
	// scheduling and the deposit each commit on their own, Stripe is called between
	// them, and a refused transition in scheduling cannot roll the deposit back
	@Async
	@TransactionalEventListener
	void on(StripeEventReceived received) {
		StripeEventRecord event = events.findById(received.eventId()).orElse(null);
		if (event == null || event.isProcessed()) {
			return;
		}
		String outcome = handle(event.type(), JSON.readTree(event.payload()).path("data").path("object"));
		log.info("Stripe event {} ({}): {}", received.eventId(), event.type(), outcome);
		transaction.executeWithoutResult(status -> events.findById(received.eventId()).ifPresent(stored -> {
			stored.processed(outcome, clock.instant());
			events.save(stored);
		}));
	}

	private String handle(String type, JsonNode object) {
		return switch (type) {
			case "checkout.session.completed", "checkout.session.async_payment_succeeded" -> {
				if (!"paid".equals(text(object, "payment_status"))) {
					yield "session completed, payment not yet made";
				}
				if (text(object.path("metadata"), StripeGateway.STATEMENT_ID) != null) {
					yield statementPaid(object);
				}
				yield deposit(deposits.findByCheckoutSessionId(text(object, "id")), object)
					.map(deposit -> settlement.paid(deposit.id(), text(object, "payment_intent")))
					.orElse("unknown session, acknowledged");
			}
			case "payment_intent.succeeded" -> deposit(deposits.findByPaymentIntentId(text(object, "id")), object)
				.map(deposit -> settlement.paid(deposit.id(), text(object, "id")))
				.orElse("unknown payment, acknowledged");
			case "charge.refunded", "refund.created", "refund.updated" -> refunded(type, object);
			default -> "type not handled, acknowledged";
		};
	}

	/** A statement's payment page was paid: billing posts it, in this transaction. */
	private String statementPaid(JsonNode session) {
		String currency = text(session, "currency");
		if (currency == null || !session.path("amount_total").isNumber()) {
			return "statement payment without an amount, acknowledged";
		}
		String code = currency.toUpperCase(java.util.Locale.ROOT);
		java.math.BigDecimal amount = java.math.BigDecimal.valueOf(session.path("amount_total").asLong(),
				java.util.Currency.getInstance(code).getDefaultFractionDigits());
		transaction.executeWithoutResult(status -> publisher
			.publishEvent(new PaymentEvents.StatementPaid(text(session, "id"), text(session, "payment_intent"),
					text(session.path("metadata"), StripeGateway.STATEMENT_ID), amount, code)));
		return "statement payment recorded";
	}

	/** A refund, also one seen before its payment: the deposit is marked refunded. */
	private String refunded(String type, JsonNode object) {
		if (type.startsWith("refund.") && "failed".equals(text(object, "status"))) {
			return "refund failed at Stripe, acknowledged";
		}
		String intent = text(object, "payment_intent");
		String refundId = type.startsWith("refund.") ? text(object, "id")
				: text(object.path("refunds").path("data").path(0), "id");
		Optional<Deposit> found = deposit(intent == null ? Optional.empty() : deposits.findByPaymentIntentId(intent),
				object);
		if (found.isEmpty()) {
			return "unknown payment, acknowledged";
		}
		transaction.executeWithoutResult(status -> deposits.findById(found.get().id()).ifPresent(deposit -> {
			deposit.refundReported(intent, refundId, clock.instant());
			deposits.save(deposit);
		}));
		return "refund recorded";
	}

	/** By Stripe's id, else by the deposit id SmileDesk put in the metadata. */
	private Optional<Deposit> deposit(Optional<Deposit> byStripeId, JsonNode object) {
		if (byStripeId.isPresent()) {
			return byStripeId;
		}
		String id = text(object.path("metadata"), "deposit_id");
		try {
			return id == null ? Optional.empty() : deposits.findById(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() ? value.asString() : null;
	}

}
