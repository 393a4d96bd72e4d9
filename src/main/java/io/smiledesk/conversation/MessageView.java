package io.smiledesk.conversation;

import java.time.Instant;
import java.util.UUID;

/** A message as staff and the patient's widget see it; metadata is JSON (staff only). */
public record MessageView(UUID id, int position, Sender sender, UUID staffUserId, String text, String metadata,
		Instant createdAt) {

	public String direction() {
		return sender == Sender.PATIENT ? "IN" : "OUT";
	}

}
