package io.smiledesk.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "patient")
class Patient {

	@Id
	private UUID id;

	private String name;

	private String email;

	private String phone;

	private LocalDate dateOfBirth;

	@Enumerated(EnumType.STRING)
	private PatientType patientType;

	@Enumerated(EnumType.STRING)
	private Channel preferredChannel;

	private LocalDate nextFollowUpDate;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected Patient() {
	}

	Patient(String name, String email, String phone, LocalDate dateOfBirth, PatientType type, Channel channel,
			Instant now) {
		if (email == null && phone == null) {
			throw new IllegalArgumentException("A patient needs an email or a phone number");
		}
		this.id = UUID.randomUUID();
		this.name = name;
		this.email = email;
		this.phone = phone;
		this.dateOfBirth = dateOfBirth;
		this.patientType = type;
		this.preferredChannel = channel != null ? channel : (email != null ? Channel.EMAIL : Channel.SMS);
		this.createdAt = now;
		this.updatedAt = now;
	}

	void update(String name, String email, String phone, LocalDate dateOfBirth, PatientType type, Channel channel,
			Instant now) {
		if (email == null && phone == null) {
			throw new IllegalArgumentException("A patient needs an email or a phone number");
		}
		this.name = name;
		this.email = email;
		this.phone = phone;
		this.dateOfBirth = dateOfBirth;
		this.patientType = type;
		this.preferredChannel = channel;
		this.updatedAt = now;
	}

	void scheduleFollowUp(LocalDate date, Instant now) {
		this.nextFollowUpDate = date;
		this.updatedAt = now;
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
