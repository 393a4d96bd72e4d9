package io.smiledesk.payment;

import java.time.Instant;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import io.smiledesk.system.EncryptedText;

import org.springframework.data.domain.Persistable;

/** A Stripe event as it arrived; its id is the key, so it is stored once. */
@Entity
@Table(name = "stripe_event")
class StripeEventRecord implements Persistable<String> {

	@Id
	private String id;

	private int clinicId;

	private String type;

	@Convert(converter = EncryptedText.class)
	private String payload;

	private Instant receivedAt;

	private Instant processedAt;

	private String outcome;

	private transient boolean fresh;

	protected StripeEventRecord() {
	}

	StripeEventRecord(String id, String type, String payload, Instant now) {
		this.id = id;
		this.clinicId = Clinics.DEFAULT;
		this.type = type;
		this.payload = payload;
		this.receivedAt = now;
		this.fresh = true;
	}

	void processed(String what, Instant now) {
		processedAt = now;
		outcome = what.length() > 300 ? what.substring(0, 300) : what;
	}

	@Override
	public String getId() {
		return id;
	}

	/** Always an insert when created here: a second copy of an id fails on the key. */
	@Override
	public boolean isNew() {
		return fresh;
	}

	String type() {
		return type;
	}

	String payload() {
		return payload;
	}

	boolean isProcessed() {
		return processedAt != null;
	}

	String outcome() {
		return outcome;
	}

}
