package io.smiledesk.scheduling;

import java.time.Instant;
import java.util.UUID;

/** An appointment as other modules and the API see it. */
public record AppointmentView(UUID id, UUID patientId, String providerId, String operatoryId, String serviceId,
		Instant start, int durationMinutes, AppointmentStatus status, String notes, CreatedFrom createdFrom,
		String campaignId, String cancelReason, Instant createdAt, Instant updatedAt) {

	public Instant end() {
		return start.plusSeconds(durationMinutes * 60L);
	}

}
