package io.smiledesk.channel;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A Pub/Sub push as it arrived: only a wake-up call (the mailbox changed, up to a history
 * id), stored before it is acknowledged so that a crash does not lose it. Processed once
 * a sync has read the mailbox.
 */
@Entity
@Table(name = "gmail_push")
class GmailPush {

	@Id
	private UUID id;

	private int clinicId;

	private String pubsubMessageId;

	/** Pub/Sub's base64 {@code data}, decoded by the sync, not by the webhook. */
	private String data;

	private Instant receivedAt;

	private int attempts;

	private Instant nextAttemptAt;

	private String lastError;

	private Instant processedAt;

	protected GmailPush() {
	}

	GmailPush(String pubsubMessageId, String data, Instant now) {
		this.id = UUID.randomUUID();
		this.clinicId = Clinics.DEFAULT;
		this.pubsubMessageId = pubsubMessageId;
		this.data = data;
		this.receivedAt = now;
		this.nextAttemptAt = now;
	}

	UUID id() {
		return id;
	}

	String data() {
		return data;
	}

	int attempts() {
		return attempts;
	}

	void processed(Instant now) {
		processedAt = now;
		lastError = null;
	}

	void failed(String error, Instant retryAt) {
		attempts++;
		lastError = error.length() > 500 ? error.substring(0, 500) : error;
		nextAttemptAt = retryAt;
	}

}
