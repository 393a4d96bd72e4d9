package io.smiledesk.channel;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Providers' delivery reports, applied to the outbox; never moving a message backwards.
 */
@Component
class DeliveryReports {

	private static final Logger log = LoggerFactory.getLogger(DeliveryReports.class);

	private final OutboundRepository outbound;

	private final Clock clock;

	DeliveryReports(OutboundRepository outbound, Clock clock) {
		this.outbound = outbound;
		this.clock = clock;
	}

	/** Applies a report; false when it is unknown, stale or names no status we track. */
	@Transactional
	boolean report(String providerMessageId, String status, String errorCode) {
		Optional<OutboundMessage.Status> reported = status(status);
		Optional<OutboundMessage> message = outbound.findByProviderMessageId(providerMessageId);
		if (message.isEmpty() || reported.isEmpty()) {
			log.info("Delivery report for {} ({}) not applied: {}", providerMessageId, status,
					message.isEmpty() ? "unknown message" : "status not tracked");
			return false;
		}
		String error = errorCode == null || errorCode.isBlank() ? null : "provider error " + errorCode;
		return message.get().reported(reported.get(), error, clock.instant());
	}

	private static Optional<OutboundMessage.Status> status(String status) {
		return switch (status.toLowerCase(Locale.ROOT)) {
			case "sent" -> Optional.of(OutboundMessage.Status.SENT);
			case "delivered" -> Optional.of(OutboundMessage.Status.DELIVERED);
			case "read" -> Optional.of(OutboundMessage.Status.READ);
			case "undelivered" -> Optional.of(OutboundMessage.Status.UNDELIVERED);
			case "failed" -> Optional.of(OutboundMessage.Status.FAILED);
			// queued, accepted, sending, scheduled: nothing beyond "sent" yet
			default -> Optional.empty();
		};
	}

}
