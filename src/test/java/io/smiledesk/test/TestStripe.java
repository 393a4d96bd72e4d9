package io.smiledesk.test;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Deposits collected through the shared {@link FakeStripeServer}: its API key, its base
 * URL, the webhook signing secret, and no deadline job (tests run it when they choose).
 */
public class TestStripe implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues
			.of("smiledesk.stripe.api-key=" + FakeStripeServer.API_KEY,
					"smiledesk.stripe.api-base-url=" + FakeStripeServer.shared().baseUrl(),
					"smiledesk.stripe.webhook-secret=" + FakeStripeServer.WEBHOOK_SECRET,
					"smiledesk.stripe.scheduler=false")
			.applyTo(context);
	}

}
