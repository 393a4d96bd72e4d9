package io.smiledesk.waitlist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * A waitlist entry as staff and other modules see it.
 *
 * @param appointmentId the appointment to move earlier, or null for a new booking
 * @param bookedAppointmentId what the entry was booked as, once it was
 */
public record WaitlistView(UUID id, UUID patientId, String serviceId, LocalDate earliest, LocalDate latest,
		Set<PartOfDay> partsOfDay, UUID appointmentId, String source, EntryStatus status, Instant expiresAt,
		Instant lastOfferedAt, UUID bookedAppointmentId, Instant createdAt) {
}
