package io.smiledesk.patient;

import java.util.UUID;

/** Changes to and staff reads of patient records, for the audit trail. */
public final class PatientEvents {

	private PatientEvents() {
	}

	public record PatientRegistered(UUID patientId) {
	}

	public record PatientUpdated(UUID patientId) {
	}

	public record PatientDeleted(UUID patientId) {
	}

	public record PatientRecordViewed(UUID patientId) {
	}

	/** A staff search; the query is not kept, it may hold a name or phone. */
	public record PatientsSearched(int results) {
	}

	public record TreatmentRecorded(UUID patientId, UUID treatmentId) {
	}

}
