package io.smiledesk.conversation;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * How messages sent on patients' own channels fared, for transcripts. Implemented by the
 * module that sends them, so this module does not depend on it.
 */
public interface MessageDeliveries {

	/** The deliveries of those of the given messages that were sent on a channel. */
	Map<UUID, Delivery> of(Collection<UUID> messageIds);

	/**
	 * @param status lower case: pending, sent, delivered, read, undelivered, failed,
	 * not_sent
	 */
	record Delivery(UUID outboundId, ConversationChannel channel, String status, int attempts, String lastError,
			Instant updatedAt) {
	}

}
