package io.smiledesk.insurance;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import io.smiledesk.system.EncryptedDate;
import io.smiledesk.system.EncryptedText;

/** Who holds the policy: the patient, or the family member whose plan covers them. */
@Entity
@Table(name = "insurance_subscriber")
class Subscriber {

	@Id
	private UUID id;

	private int clinicId;

	private UUID planId;

	@Convert(converter = EncryptedText.class)
	private String memberId;

	/** The keyed hash of the member id as {@link #normalise} writes it. */
	private String memberIdHash;

	@Convert(converter = EncryptedText.class)
	private String name;

	@Convert(converter = EncryptedDate.class)
	@Column(name = "date_of_birth_enc")
	private LocalDate dateOfBirth;

	protected Subscriber() {
	}

	Subscriber(UUID planId, String memberId, String memberIdHash, String name, LocalDate dateOfBirth) {
		this.id = UUID.randomUUID();
		this.clinicId = Clinics.DEFAULT;
		this.planId = planId;
		this.memberId = memberId;
		this.memberIdHash = memberIdHash;
		this.name = name;
		this.dateOfBirth = dateOfBirth;
	}

	/**
	 * How a member id is compared: card numbers are written with any case and spacing.
	 */
	static String normalise(String memberId) {
		return memberId.strip().replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
	}

	/** Rows written before the hash existed get it once, at start. */
	void index(String hash) {
		this.memberIdHash = hash;
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
