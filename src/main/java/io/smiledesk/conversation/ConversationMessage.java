package io.smiledesk.conversation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import io.smiledesk.system.EncryptedText;

/** One message; text and metadata are encrypted at rest like other patient data. */
@Entity
@Table(name = "conversation_message")
class ConversationMessage {

	@Id
	private UUID id;

	private UUID conversationId;

	private int position;

	@Enumerated(EnumType.STRING)
	private Sender sender;

	private UUID staffUserId;

	@Convert(converter = EncryptedText.class)
	private String text;

	@Convert(converter = EncryptedText.class)
	private String metadata;

	private Instant createdAt;

	/** The provider's id of a patient's message from another channel, else null. */
	private String externalId;

	protected ConversationMessage() {
	}

	ConversationMessage(UUID conversationId, int position, Sender sender, UUID staffUserId, String text,
			String metadata, Instant createdAt, String externalId) {
		this.externalId = externalId;
		this.id = UUID.randomUUID();
		this.conversationId = conversationId;
		this.position = position;
		this.sender = sender;
		this.staffUserId = staffUserId;
		this.text = text;
		this.metadata = metadata;
		this.createdAt = createdAt;
	}

	MessageView view() {
		return new MessageView(id, position, sender, staffUserId, text, metadata, createdAt, null);
	}

}
