package io.smiledesk.patient;

import java.time.Instant;
import java.time.LocalDate;

public record PatientSummary(PatientId id, String name, String email, String phone, LocalDate dateOfBirth,
		PatientType patientType, Channel preferredChannel, LocalDate nextFollowUpDate, Instant createdAt,
		Instant updatedAt) {

	/** The name up to its first space, for greetings; empty when there is no name. */
	public String firstName() {
		String trimmed = name == null ? "" : name.strip();
		int space = trimmed.indexOf(' ');
		return space < 0 ? trimmed : trimmed.substring(0, space);
	}

}
