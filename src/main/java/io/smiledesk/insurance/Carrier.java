package io.smiledesk.insurance;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An insurance company the clinic works with. */
@Entity
@Table(name = "insurance_carrier")
class Carrier {

	@Id
	private UUID id;

	private int clinicId;

	private String name;

	private String payerId;

	private Instant createdAt;

	protected Carrier() {
	}

	Carrier(String name, String payerId, Instant now) {
		this.id = UUID.randomUUID();
		this.clinicId = Clinics.DEFAULT;
		this.name = name;
		this.payerId = payerId;
		this.createdAt = now;
	}

	/** Staff correct the name or the payer id; claims name the carrier as it is now. */
	void revise(String name, String payerId) {
		this.name = name;
		this.payerId = payerId;
	}

	UUID id() {
		return id;
	}

	String name() {
		return name;
	}

	String payerId() {
		return payerId;
	}

}
