package io.smiledesk.channel;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import io.smiledesk.system.EncryptedText;

/**
 * A provider payload that could not be read: acknowledged so the provider stops retrying,
 * kept with the reason so nothing is lost silently.
 */
@Entity
@Table(name = "channel_dead_letter")
class DeadLetter {

	@Id
	private UUID id;

	private int clinicId;

	private String provider;

	private String reason;

	@Convert(converter = EncryptedText.class)
	private String payload;

	private Instant receivedAt;

	protected DeadLetter() {
	}

	DeadLetter(String provider, String reason, String payload, Instant now) {
		this.id = UUID.randomUUID();
		this.clinicId = Clinics.DEFAULT;
		this.provider = provider;
		this.reason = reason.length() > 500 ? reason.substring(0, 500) : reason;
		this.payload = payload;
		this.receivedAt = now;
	}

	UUID id() {
		return id;
	}

	String provider() {
		return provider;
	}

	String reason() {
		return reason;
	}

	Instant receivedAt() {
		return receivedAt;
	}

}
