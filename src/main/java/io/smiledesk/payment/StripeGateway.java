package io.smiledesk.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Refund;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.CustomText;
import com.stripe.param.checkout.SessionCreateParams.LineItem;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData;
import com.stripe.param.checkout.SessionCreateParams.PaymentIntentData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Stripe's REST API through stripe-java's {@link StripeClient}, built once with the
 * configured base URL (no global static state). Every call that creates something carries
 * an Idempotency-Key derived from the deposit, so a retry never charges or refunds twice.
 */
@Component
class StripeGateway {

	private static final Logger log = LoggerFactory.getLogger(StripeGateway.class);

	/** Stripe refuses a Checkout Session that lapses sooner than this. */
	private static final Duration SHORTEST_SESSION = Duration.ofMinutes(30);

	/** The metadata naming the billing statement a payment page is for. */
	static final String STATEMENT_ID = "statement_id";

	private final StripeClient client;

	private final PaymentProperties properties;

	StripeGateway(PaymentProperties properties) {
		this.properties = properties;
		this.client = properties.collects() ? StripeClient.builder()
			.setApiKey(properties.apiKey())
			.setApiBase(properties.apiBaseUrl())
			.setConnectTimeout(5_000)
			.setReadTimeout(10_000)
			.setMaxNetworkRetries(1)
			.build() : null;
	}

	boolean configured() {
		return client != null;
	}

	record Checkout(String sessionId, String url) {
	}

	/** A payment page for the deposit; lapses at its deadline when Stripe allows that. */
	Checkout createCheckout(Deposit deposit, String description, String policy, Instant now) throws StripeException {
		Money money = deposit.money();
		SessionCreateParams.Builder params = SessionCreateParams.builder()
			.setMode(SessionCreateParams.Mode.PAYMENT)
			.setSuccessUrl(properties.successUrl())
			.setCancelUrl(properties.cancelUrl())
			.setClientReferenceId(deposit.appointmentId().toString())
			.putMetadata("deposit_id", deposit.id().toString())
			.putMetadata("appointment_id", deposit.appointmentId().toString())
			.setPaymentIntentData(PaymentIntentData.builder()
				.putMetadata("deposit_id", deposit.id().toString())
				.putMetadata("appointment_id", deposit.appointmentId().toString())
				.build())
			.setCustomText(
					CustomText.builder().setSubmit(CustomText.Submit.builder().setMessage(policy).build()).build())
			.addLineItem(LineItem.builder()
				.setQuantity(1L)
				.setPriceData(PriceData.builder()
					.setCurrency(money.stripeCurrency())
					.setUnitAmount(money.minorUnits())
					.setProductData(PriceData.ProductData.builder().setName(description).build())
					.build())
				.build());
		if (deposit.dueBy() != null && !deposit.dueBy().isBefore(now.plus(SHORTEST_SESSION))) {
			params.setExpiresAt(deposit.dueBy().getEpochSecond());
		}
		Session session = client.v1()
			.checkout()
			.sessions()
			.create(params.build(), idempotent("deposit-checkout-" + deposit.id()));
		return new Checkout(session.getId(), session.getUrl());
	}

	/**
	 * A payment page for an amount owed on a statement; the key keeps one page per
	 * statement and amount however often staff ask.
	 */
	Checkout createStatementCheckout(String statementId, Money money, String description) throws StripeException {
		SessionCreateParams params = SessionCreateParams.builder()
			.setMode(SessionCreateParams.Mode.PAYMENT)
			.setSuccessUrl(properties.successUrl())
			.setCancelUrl(properties.cancelUrl())
			.setClientReferenceId(statementId)
			.putMetadata(STATEMENT_ID, statementId)
			.setPaymentIntentData(PaymentIntentData.builder().putMetadata(STATEMENT_ID, statementId).build())
			.addLineItem(LineItem.builder()
				.setQuantity(1L)
				.setPriceData(PriceData.builder()
					.setCurrency(money.stripeCurrency())
					.setUnitAmount(money.minorUnits())
					.setProductData(PriceData.ProductData.builder().setName(description).build())
					.build())
				.build())
			.build();
		Session session = client.v1()
			.checkout()
			.sessions()
			.create(params, idempotent("statement-checkout-" + statementId + "-" + money.minorUnits()));
		return new Checkout(session.getId(), session.getUrl());
	}

	/** The session as Stripe sees it now: whether it was paid, and by which payment. */
	Optional<Session> session(String sessionId) {
		try {
			return Optional.of(client.v1().checkout().sessions().retrieve(sessionId));
		}
		catch (StripeException ex) {
			log.warn("Could not read Checkout Session {}: {}", sessionId, ex.getMessage());
			return Optional.empty();
		}
	}

	/** Closes the payment page of a deposit no longer wanted; failures only logged. */
	void expire(String sessionId) {
		try {
			client.v1().checkout().sessions().expire(sessionId, idempotent("deposit-expire-" + sessionId));
		}
		catch (StripeException ex) {
			// an already completed or expired session refuses: nothing to close
			log.info("Checkout Session {} not expired: {}", sessionId, ex.getMessage());
		}
	}

	/** Returns the whole deposit; the key makes a repeated refund the same refund. */
	String refund(Deposit deposit) throws StripeException {
		Refund refund = client.v1()
			.refunds()
			.create(RefundCreateParams.builder()
				.setPaymentIntent(deposit.paymentIntentId())
				.putMetadata("deposit_id", deposit.id().toString())
				.build(), idempotent("deposit-refund-" + deposit.id()));
		return refund.getId();
	}

	private static RequestOptions idempotent(String key) {
		return RequestOptions.builder().setIdempotencyKey(key).build();
	}

}
