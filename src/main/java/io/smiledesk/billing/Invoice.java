package io.smiledesk.billing;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One visit's statement: its entries are those of the ledger that name it. One per
 * appointment (a unique constraint), which keeps a completion from being billed twice.
 */
@Entity
@Table(name = "invoice")
class Invoice {

	@Id
	private UUID id;

	private int clinicId;

	private UUID patientId;

	private UUID appointmentId;

	private String serviceId;

	private String providerId;

	private Instant visitAt;

	private String currency;

	private Instant createdAt;

	protected Invoice() {
	}

	Invoice(UUID patientId, UUID appointmentId, String serviceId, String providerId, Instant visitAt, String currency,
			Instant now) {
		this.id = UUID.randomUUID();
		this.clinicId = Clinics.DEFAULT;
		this.patientId = patientId;
		this.appointmentId = appointmentId;
		this.serviceId = serviceId;
		this.providerId = providerId;
		this.visitAt = visitAt;
		this.currency = currency;
		this.createdAt = now;
	}

	UUID id() {
		return id;
	}

	UUID patientId() {
		return patientId;
	}

	UUID appointmentId() {
		return appointmentId;
	}

	String serviceId() {
		return serviceId;
	}

	String providerId() {
		return providerId;
	}

	Instant visitAt() {
		return visitAt;
	}

	String currency() {
		return currency;
	}

	Instant createdAt() {
		return createdAt;
	}

}
