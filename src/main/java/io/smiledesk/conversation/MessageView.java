package io.smiledesk.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * A message as staff and the patient's widget see it; metadata is JSON (staff only).
 *
 * @param delivery how a message sent on a patient's channel fared, else null
 */
public record MessageView(UUID id, int position, Sender sender, UUID staffUserId, String text, String metadata,
		Instant createdAt, MessageDeliveries.Delivery delivery) {

	MessageView withDelivery(MessageDeliveries.Delivery delivery) {
		return new MessageView(id, position, sender, staffUserId, text, metadata, createdAt, delivery);
	}

	public String direction() {
		return sender == Sender.PATIENT ? "IN" : "OUT";
	}

}
