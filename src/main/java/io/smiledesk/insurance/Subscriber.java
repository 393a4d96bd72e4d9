package io.smiledesk.insurance;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Who holds the policy: the patient, or the family member whose plan covers them. */
@Entity
@Table(name = "insurance_subscriber")
class Subscriber {

	@Id
	private UUID id;

	private int clinicId;

	private UUID planId;

	private String memberId;

	private String name;

	private LocalDate dateOfBirth;

	protected Subscriber() {
	}

	Subscriber(UUID planId, String memberId, String name, LocalDate dateOfBirth) {
		this.id = UUID.randomUUID();
		this.clinicId = Clinics.DEFAULT;
		this.planId = planId;
		this.memberId = memberId;
		this.name = name;
		this.dateOfBirth = dateOfBirth;
	}

	UUID id() {
		return id;
	}

	UUID planId() {
		return planId;
	}

	String memberId() {
		return memberId;
	}

	String name() {
		return name;
	}

	LocalDate dateOfBirth() {
		return dateOfBirth;
	}

}
