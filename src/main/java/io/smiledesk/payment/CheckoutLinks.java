package io.smiledesk.payment;

import com.stripe.exception.StripeException;

import org.springframework.stereotype.Service;

/**
 * Payment pages (Stripe Checkout) for what patients owe on a statement. When Stripe
 * reports the page paid, {@link PaymentEvents.StatementPaid} says so; billing posts it.
 */
@Service
public class CheckoutLinks {

	private final StripeGateway gateway;

	CheckoutLinks(StripeGateway gateway) {
		this.gateway = gateway;
	}

	public sealed interface Link {

		record Opened(String sessionId, String url) implements Link {
		}

		/** No Stripe API key here: card payments are taken at the desk. */
		record NotCollecting() implements Link {
		}

		record ProviderFailed(String detail) implements Link {
		}

	}

	public Link open(String statementId, Money amount, String description) {
		if (!gateway.configured()) {
			return new Link.NotCollecting();
		}
		try {
			StripeGateway.Checkout checkout = gateway.createStatementCheckout(statementId, amount, description);
			return new Link.Opened(checkout.sessionId(), checkout.url());
		}
		catch (StripeException ex) {
			return new Link.ProviderFailed(ex.getMessage());
		}
	}

}
