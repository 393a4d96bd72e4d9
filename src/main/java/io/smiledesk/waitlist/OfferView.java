package io.smiledesk.waitlist;

import java.time.Instant;
import java.util.UUID;

/**
 * An offer as staff see it.
 *
 * @param slotId the freed time it offers; offers of one freed time share it
 * @param reason why it failed, or null
 */
public record OfferView(UUID offerId, UUID entryId, UUID slotId, UUID patientId, Instant slotStart, OfferStatus status,
		String channel, String reason, Instant sentAt, Instant expiresAt, Instant respondedAt) {
}
