package io.smiledesk.channel;

import java.time.Duration;
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

/**
 * A provider's delivery in the inbox. {@code RECEIVED} until a worker claims it for a
 * lease, {@code PROCESSED} once answered, {@code FAILED} after too many attempts (kept
 * for staff).
 */
@Entity
@Table(name = "channel_inbound")
class InboundMessage {

	enum Status {

		RECEIVED, PROCESSING, PROCESSED, FAILED

	}

	@Id
	private UUID id;

	private int clinicId;

	@Enumerated(EnumType.STRING)
	private ConversationChannel channel;

	private String provider;

	private String providerMessageId;

	private String threadKey;

	@Convert(converter = EncryptedText.class)
	private String sender;

	@Convert(converter = EncryptedText.class)
	private String body;

	@Convert(converter = EncryptedText.class)
	private String subject;

	@Enumerated(EnumType.STRING)
	private Status status;

	private int attempts;

	private Instant nextAttemptAt;

	private String lastError;

	private UUID conversationId;

	private Instant receivedAt;

	private Instant processedAt;

	/** A subject longer than this is kept cut: it only names the reply's thread. */
	static final int MAX_SUBJECT = 500;

	protected InboundMessage() {
	}

	InboundMessage(Arrival arrival, String threadKey, String sender, Instant now) {
		this.id = UUID.randomUUID();
		this.clinicId = Clinics.DEFAULT;
		this.channel = arrival.channel();
		this.provider = arrival.provider();
		this.providerMessageId = arrival.providerMessageId();
		this.threadKey = threadKey;
		this.sender = sender;
		this.body = arrival.text() == null ? "" : arrival.text();
		this.subject = arrival.subject() == null ? null : MailThreading.cut(arrival.subject(), MAX_SUBJECT);
		this.status = Status.RECEIVED;
		this.nextAttemptAt = now;
		this.receivedAt = now;
	}

	UUID id() {
		return id;
	}

	ConversationChannel channel() {
		return channel;
	}

	String providerMessageId() {
		return providerMessageId;
	}

	String threadKey() {
		return threadKey;
	}

	String sender() {
		return sender;
	}

	String body() {
		return body;
	}

	/** An email's subject, or null. */
	String subject() {
		return subject;
	}

	Status status() {
		return status;
	}

	java.time.Instant receivedAt() {
		return receivedAt;
	}

	int attempts() {
		return attempts;
	}

	/** A worker takes the message for a while; another may take it after the lease. */
	boolean claim(Instant now, Duration lease) {
		boolean free = status == Status.RECEIVED || (status == Status.PROCESSING && !nextAttemptAt.isAfter(now));
		if (!free) {
			return false;
		}
		status = Status.PROCESSING;
		attempts++;
		nextAttemptAt = now.plus(lease);
		return true;
	}

	void processed(UUID conversation, Instant now) {
		status = Status.PROCESSED;
		conversationId = conversation;
		processedAt = now;
		lastError = null;
	}

	/** Tries again later, or gives up after {@code maxAttempts}. */
	void failed(String error, Instant retryAt, int maxAttempts) {
		lastError = error.length() > 500 ? error.substring(0, 500) : error;
		status = attempts >= maxAttempts ? Status.FAILED : Status.RECEIVED;
		nextAttemptAt = retryAt;
	}

}
