package io.smiledesk.channel;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import io.smiledesk.conversation.ConversationChannel;
import io.smiledesk.system.EncryptedText;

/** A conversation on a patient's channel, and where its replies go. */
@Entity
@Table(name = "channel_thread")
class ChannelThread {

	@Id
	private UUID id;

	private int clinicId;

	@Enumerated(EnumType.STRING)
	private ConversationChannel channel;

	private String threadKey;

	@Convert(converter = EncryptedText.class)
	private String address;

	private String addressHash;

	private UUID conversationId;

	private UUID patientId;

	private Instant createdAt;

	private Instant lastInboundAt;

	private String lastMessageRef;

	@Convert(converter = EncryptedText.class)
	private String subject;

	protected ChannelThread() {
	}

	ChannelThread(ConversationChannel channel, String threadKey, String address, String addressHash,
			UUID conversationId, UUID patientId, Instant now) {
		this.id = UUID.randomUUID();
		this.clinicId = Clinics.DEFAULT;
		this.channel = channel;
		this.threadKey = threadKey;
		this.address = address;
		this.addressHash = addressHash;
		this.conversationId = conversationId;
		this.patientId = patientId;
		this.createdAt = now;
	}

	ConversationChannel channel() {
		return channel;
	}

	String threadKey() {
		return threadKey;
	}

	String address() {
		return address;
	}

	String addressHash() {
		return addressHash;
	}

	UUID conversationId() {
		return conversationId;
	}

	UUID patientId() {
		return patientId;
	}

	Instant lastInboundAt() {
		return lastInboundAt;
	}

	String lastMessageRef() {
		return lastMessageRef;
	}

	/** The subject the patient last wrote under, for the reply's "Re:"; null if none. */
	String subject() {
		return subject;
	}

	void heard(String messageRef, String subject, Instant now) {
		lastMessageRef = messageRef;
		lastInboundAt = now;
		if (subject != null && !subject.isBlank()) {
			this.subject = subject;
		}
	}

}
