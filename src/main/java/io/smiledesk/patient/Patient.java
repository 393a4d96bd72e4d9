package io.smiledesk.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import io.smiledesk.system.EncryptedDate;
import io.smiledesk.system.EncryptedText;
import io.smiledesk.system.InvalidInputException;

@Entity
@Table(name = "patient")
class Patient {

	@Id
	private UUID id;

	private String name;

	@Convert(converter = EncryptedText.class)
	private String email;

	@Convert(converter = EncryptedText.class)
	private String phone;

	/**
	 * Keyed hashes of the normalised email and phone: how a patient is found without
	 * decrypting everyone.
	 */
	private String emailHash;

	private String phoneHash;

	@Convert(converter = EncryptedDate.class)
	@Column(name = "date_of_birth_enc")
	private LocalDate dateOfBirth;

	@Enumerated(EnumType.STRING)
	private PatientType patientType;

	@Enumerated(EnumType.STRING)
	private Channel preferredChannel;

	private LocalDate nextFollowUpDate;

	/** ISO 639-1; null: the clinic's own. */
	private String language;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected Patient() {
	}

	Patient(String name, String email, String phone, LookupKeys keys, LocalDate dateOfBirth, PatientType type,
			Channel channel, Instant now) {
		if (email == null && phone == null) {
			throw new IllegalArgumentException("A patient needs an email or a phone number");
		}
		this.id = UUID.randomUUID();
		this.name = name;
		this.email = email;
		this.phone = phone;
		this.emailHash = keys.emailHash();
		this.phoneHash = keys.phoneHash();
		this.dateOfBirth = dateOfBirth;
		this.patientType = type != null ? type : PatientType.NEW;
		this.preferredChannel = channelFor(channel, email, phone);
		this.createdAt = now;
		this.updatedAt = now;
	}

	void update(String name, String email, String phone, LookupKeys keys, LocalDate dateOfBirth, PatientType type,
			Channel channel, Instant now) {
		if (email == null && phone == null) {
			throw new IllegalArgumentException("A patient needs an email or a phone number");
		}
		this.name = name;
		this.email = email;
		this.phone = phone;
		this.emailHash = keys.emailHash();
		this.phoneHash = keys.phoneHash();
		this.dateOfBirth = dateOfBirth;
		if (type != null) {
			this.patientType = type;
		}
		// an unchanged channel that no longer fits the contact details falls back to the
		// default
		this.preferredChannel = channel != null ? channelFor(channel, email, phone)
				: channelFor(fits(preferredChannel, email, phone) ? preferredChannel : null, email, phone);
		this.updatedAt = now;
	}

	private static boolean fits(Channel channel, String email, String phone) {
		return channel == Channel.EMAIL ? email != null : phone != null;
	}

	private static Channel channelFor(Channel wanted, String email, String phone) {
		if (wanted == null) {
			return email != null ? Channel.EMAIL : Channel.SMS;
		}
		if (!fits(wanted, email, phone)) {
			throw new InvalidInputException("preferred_channel",
					wanted == Channel.EMAIL ? "is email but there is no email address"
							: "is " + wanted.json() + " but there is no phone number");
		}
		return wanted;
	}

	void scheduleFollowUp(LocalDate date, Instant now) {
		this.nextFollowUpDate = date;
		this.updatedAt = now;
	}

	/** Records the language the patient speaks with the clinic; false when unchanged. */
	boolean speaks(String language, Instant now) {
		if (language.equals(this.language)) {
			return false;
		}
		this.language = language;
		this.updatedAt = now;
		return true;
	}

	String language() {
		return language;
	}

	void becomeExisting(Instant now) {
		if (patientType != PatientType.EXISTING) {
			this.patientType = PatientType.EXISTING;
			this.updatedAt = now;
		}
	}

	UUID id() {
		return id;
	}

	/** The lookup hashes that go with a patient's email and phone. */
	record LookupKeys(String emailHash, String phoneHash) {
	}

	String email() {
		return email;
	}

	String phone() {
		return phone;
	}

	PatientSummary summary() {
		return new PatientSummary(new PatientId(id), name, email, phone, dateOfBirth, patientType, preferredChannel,
				nextFollowUpDate, createdAt, updatedAt);
	}

}
