package io.smiledesk.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import io.smiledesk.conversation.ConversationChannel;
import io.smiledesk.system.EncryptedText;

/**
 * A message for a patient's channel, in the outbox until the dispatcher has sent it.
 * Provider callbacks move it forward only: a late "sent" never undoes "delivered".
 */
@Entity
@Table(name = "channel_outbound")
class OutboundMessage {

	enum Kind {

		/** Answers the patient's own message. */
		REPLY,
		/** Started by the clinic: consent, quiet hours and caps apply. */
		PROACTIVE,
		/**
		 * Tells the patient of their own booking (confirmed, moved, cancelled): consent
		 * applies, quiet hours and caps do not.
		 */
		NOTICE,
		/** To the practice's staff, not a patient: no consent, quiet hours or caps. */
		ALERT

	}

	enum Status {

		PENDING(0), SENDING(0), NOT_SENT(1), SENT(2), UNDELIVERED(3), FAILED(3), DELIVERED(4), READ(5);

		private final int rank;

		Status(int rank) {
			this.rank = rank;
		}

		String json() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	@Id
	private UUID id;

	private int clinicId;

	@Enumerated(EnumType.STRING)
	private ConversationChannel channel;

	private UUID conversationId;

	private UUID conversationMessageId;

	@Convert(converter = EncryptedText.class)
	private String recipient;

	private String recipientHash;

	@Convert(converter = EncryptedText.class)
	private String body;

	@Enumerated(EnumType.STRING)
	private Kind kind;

	@Enumerated(EnumType.STRING)
	private Status status;

	private int attempts;

	private Instant nextAttemptAt;

	private Instant claimedUntil;

	private String lastError;

	private String providerMessageId;

	private String subject;

	private String attachmentName;

	private String attachmentType;

	@Convert(converter = EncryptedText.class)
	private String attachment;

	/** Set on a message written once per key, outside any transcript. */
	private String idempotencyKey;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected OutboundMessage() {
	}

	OutboundMessage(ConversationChannel channel, UUID conversationId, UUID conversationMessageId, String recipient,
			String recipientHash, String body, Kind kind, Instant now) {
		this.recipientHash = recipientHash;
		this.id = UUID.randomUUID();
		this.clinicId = Clinics.DEFAULT;
		this.channel = channel;
		this.conversationId = conversationId;
		this.conversationMessageId = conversationMessageId;
		this.recipient = recipient;
		this.body = body;
		this.kind = kind;
		this.status = Status.PENDING;
		this.nextAttemptAt = now;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * An email to a member of staff, in no conversation (so never threaded under a
	 * patient's mail), written once per {@code key}.
	 */
	static OutboundMessage alert(String recipient, String recipientHash, String subject, String body, String key,
			Instant now) {
		OutboundMessage message = new OutboundMessage(ConversationChannel.EMAIL, null, null, recipient, recipientHash,
				body, Kind.ALERT, now);
		message.subject = subject;
		message.idempotencyKey = key;
		return message;
	}

	UUID id() {
		return id;
	}

	/** A subject and a file for an email notice. */
	void describe(String subject, MailAttachment file) {
		this.subject = subject;
		if (file != null) {
			this.attachmentName = file.name();
			this.attachmentType = file.contentType();
			this.attachment = file.content();
		}
	}

	String subject() {
		return subject;
	}

	MailAttachment attachment() {
		return attachment == null ? null : new MailAttachment(attachmentName, attachmentType, attachment);
	}

	ConversationChannel channel() {
		return channel;
	}

	UUID conversationId() {
		return conversationId;
	}

	UUID conversationMessageId() {
		return conversationMessageId;
	}

	String recipient() {
		return recipient;
	}

	String body() {
		return body;
	}

	Status status() {
		return status;
	}

	int attempts() {
		return attempts;
	}

	String lastError() {
		return lastError;
	}

	String providerMessageId() {
		return providerMessageId;
	}

	Instant updatedAt() {
		return updatedAt;
	}

	/** The dispatcher takes it for one attempt; after the lease another may. */
	boolean claim(Instant now, Duration lease) {
		boolean due = status == Status.PENDING && (nextAttemptAt == null || !nextAttemptAt.isAfter(now));
		boolean abandoned = status == Status.SENDING && claimedUntil != null && !claimedUntil.isAfter(now);
		if (!due && !abandoned) {
			return false;
		}
		status = Status.SENDING;
		attempts++;
		claimedUntil = now.plus(lease);
		updatedAt = now;
		return true;
	}

	void sent(String providerId, Instant now) {
		providerMessageId = providerId;
		move(Status.SENT, now);
		lastError = null;
		claimedUntil = null;
	}

	/** No provider is set up for the channel: kept, shown to staff. */
	void notSent(String reason, Instant now) {
		status = Status.NOT_SENT;
		lastError = reason;
		claimedUntil = null;
		updatedAt = now;
	}

	void attemptFailed(String error, Instant retryAt, int maxAttempts, Instant now) {
		lastError = error.length() > 500 ? error.substring(0, 500) : error;
		status = attempts >= maxAttempts ? Status.FAILED : Status.PENDING;
		nextAttemptAt = retryAt;
		claimedUntil = null;
		updatedAt = now;
	}

	/** What a provider's status callback reports; never backwards. */
	boolean reported(Status reported, String error, Instant now) {
		if (reported.rank <= status.rank) {
			return false;
		}
		move(reported, now);
		if (error != null) {
			lastError = error;
		}
		return true;
	}

	/** Staff send a failed or unsent message again. */
	boolean retry(Instant now) {
		if (status != Status.FAILED && status != Status.NOT_SENT && status != Status.UNDELIVERED) {
			return false;
		}
		status = Status.PENDING;
		attempts = 0;
		nextAttemptAt = now;
		updatedAt = now;
		return true;
	}

	private void move(Status next, Instant now) {
		status = next;
		updatedAt = now;
	}

}
