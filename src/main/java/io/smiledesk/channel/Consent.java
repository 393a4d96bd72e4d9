package io.smiledesk.channel;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import io.smiledesk.conversation.ConversationChannel;

/** Whether an address on a channel said STOP (or START again), and when. */
@Entity
@Table(name = "channel_consent")
@IdClass(Consent.Key.class)
class Consent {

	record Key(int clinicId, ConversationChannel channel, String addressHash) implements Serializable {

		Key() {
			this(0, null, null);
		}

	}

	@Id
	private int clinicId;

	@Id
	@Enumerated(EnumType.STRING)
	private ConversationChannel channel;

	@Id
	private String addressHash;

	private boolean optedOut;

	private Instant changedAt;

	protected Consent() {
	}

	Consent(ConversationChannel channel, String addressHash, boolean optedOut, Instant now) {
		this.clinicId = Clinics.DEFAULT;
		this.channel = channel;
		this.addressHash = addressHash;
		this.optedOut = optedOut;
		this.changedAt = now;
	}

	boolean optedOut() {
		return optedOut;
	}

	Instant changedAt() {
		return changedAt;
	}

	void change(boolean out, Instant now) {
		optedOut = out;
		changedAt = now;
	}

}
