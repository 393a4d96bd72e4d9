package io.smiledesk.payment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stripe and deposits. Secrets come from the environment.
 *
 * @param apiKey Stripe's secret key; unset: deposits are not collected
 * @param apiBaseUrl Stripe's API; tests point it at a local fake
 * @param webhookSecret the signing secret of the webhook endpoint; unset refuses every
 * event
 * @param successUrl where Checkout sends the patient after paying
 * @param cancelUrl where Checkout sends the patient who gives up
 * @param paymentWindow how long a patient has to pay before the time is released
 * @param scheduler whether this instance runs the deadline job (off in tests)
 * @param every how often the deadline job runs
 */
@ConfigurationProperties("smiledesk.stripe")
record PaymentProperties(String apiKey, @DefaultValue("https://api.stripe.com") String apiBaseUrl, String webhookSecret,
		@DefaultValue("http://localhost:8080/?deposit=paid") String successUrl,
		@DefaultValue("http://localhost:8080/?deposit=cancelled") String cancelUrl,
		@DefaultValue("PT30M") Duration paymentWindow, @DefaultValue("true") boolean scheduler,
		@DefaultValue("PT1M") Duration every) {

	boolean collects() {
		return apiKey != null && !apiKey.isBlank();
	}

}
