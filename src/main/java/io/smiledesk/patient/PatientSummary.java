package io.smiledesk.patient;

import java.time.Instant;
import java.time.LocalDate;

public record PatientSummary(PatientId id, String name, String email, String phone, LocalDate dateOfBirth,
		PatientType patientType, Channel preferredChannel, LocalDate nextFollowUpDate, Instant createdAt,
		Instant updatedAt) {
}
