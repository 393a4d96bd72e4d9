package io.smiledesk.payment;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.smiledesk.system.ApiProblem;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhook. The {@code Stripe-Signature} header is checked by stripe-java against
 * the endpoint's secret, within five minutes of the signing time by the injected clock; a
 * bad one is a 400 and nothing is stored. A genuine event is stored once and acknowledged
 * at once; it is processed in the background.
 */
@RestController
class StripeWebhook {

	static final long TOLERANCE_SECONDS = 300;

	private final StripeEventLog events;

	private final PaymentProperties properties;

	private final Clock clock;

	StripeWebhook(StripeEventLog events, PaymentProperties properties, Clock clock) {
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	@PostMapping(path = "/api/v1/webhooks/stripe", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> receive(@RequestBody(required = false) byte[] body,
			@RequestHeader(name = "Stripe-Signature", required = false) String signature) {
		String secret = properties.webhookSecret();
		if (secret == null || secret.isBlank()) {
			throw refused("Stripe webhooks are not set up here (no signing secret).");
		}
		if (signature == null || signature.isBlank() || body == null) {
			throw refused("The Stripe-Signature header is missing.");
		}
		String payload = new String(body, StandardCharsets.UTF_8);
		Event event;
		try {
			event = Webhook.constructEvent(payload, signature, secret, TOLERANCE_SECONDS, clock);
		}
		catch (SignatureVerificationException ex) {
			throw refused("The Stripe-Signature does not match this payload, or it is too old.");
		}
		catch (RuntimeException ex) {
			// signed, but not JSON Stripe's library can read
			throw new ApiProblem(HttpStatus.BAD_REQUEST, "stripe-event-unreadable", "Invalid request",
					"The signed payload is not a Stripe event.");
		}
		if (event == null || event.getId() == null || event.getType() == null || event.getId().length() > 255
				|| event.getType().length() > 100) {
			throw new ApiProblem(HttpStatus.BAD_REQUEST, "stripe-event-unreadable", "Invalid request",
					"The signed payload is not a Stripe event.");
		}
		boolean stored = events.store(event.getId(), event.getType(), payload);
		return stored ? Map.of("received", true) : Map.of("received", true, "duplicate", true);
	}

	private static ApiProblem refused(String detail) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, "stripe-signature", "Invalid signature", detail);
	}

}
