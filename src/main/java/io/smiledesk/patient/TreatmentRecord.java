package io.smiledesk.patient;

import java.time.LocalDate;
import java.util.UUID;

/**
 * @param nextRecommended what should follow, in words ("6-month cleaning")
 * @param nextFollowUpDate when it should follow
 */
public record TreatmentRecord(UUID id, String procedure, LocalDate performedOn, String nextRecommended,
		LocalDate nextFollowUpDate, UUID appointmentId) {
}
