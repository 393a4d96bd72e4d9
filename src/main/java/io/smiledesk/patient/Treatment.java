package io.smiledesk.patient;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a patient's treatment history. */
@Entity
@Table(name = "patient_treatment")
class Treatment {

	@Id
	private UUID id;

	private UUID patientId;

	@Column(name = "procedure_name")
	private String procedure;

	private LocalDate performedOn;

	private String nextRecommended;

	private LocalDate nextFollowUpDate;

	private UUID appointmentId;

	protected Treatment() {
	}

	Treatment(UUID patientId, TreatmentRecord record) {
		this.id = UUID.randomUUID();
		this.patientId = patientId;
		this.procedure = record.procedure();
		this.performedOn = record.performedOn();
		this.nextRecommended = record.nextRecommended();
		this.nextFollowUpDate = record.nextFollowUpDate();
		this.appointmentId = record.appointmentId();
	}

	UUID patientId() {
		return patientId;
	}

	TreatmentRecord view() {
		return new TreatmentRecord(id, procedure, performedOn, nextRecommended, nextFollowUpDate, appointmentId);
	}

}
