package io.smiledesk.scheduling;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened to appointments; other modules (reminders, analytics, audit) listen to
 * these.
 */
public final class AppointmentEvents {

	private AppointmentEvents() {
	}

	/**
	 * @param campaignId the campaign it came of, or null
	 * @param bookedAt when it was booked (listeners may run later)
	 */
	public record AppointmentBooked(UUID appointmentId, UUID patientId, String serviceId, String providerId,
			Instant start, CreatedFrom createdFrom, String campaignId, Instant bookedAt) {
	}

	/**
	 * @param previousProviderId who had the time it left
	 */
	public record AppointmentRescheduled(UUID appointmentId, UUID patientId, Instant previousStart, Instant start,
			String providerId, String previousProviderId) {
	}

	public record AppointmentCancelled(UUID appointmentId, UUID patientId, Instant start, String reason,
			boolean byStaff) {
	}

	public record AppointmentConfirmed(UUID appointmentId, UUID patientId, Instant start) {
	}

	public record AppointmentCompleted(UUID appointmentId, UUID patientId, String serviceId, Instant start) {
	}

	/** A no-show: the rest of its time is free again. */
	public record AppointmentMissed(UUID appointmentId, UUID patientId, Instant start) {
	}

	/**
	 * Its deposit was paid or waived: the booking now counts (it was pending_deposit).
	 */
	public record AppointmentDepositSettled(UUID appointmentId, UUID patientId, Instant start) {
	}

	/** Removed by staff as entered by mistake; its time is free again. */
	public record AppointmentDeleted(UUID appointmentId, UUID patientId, Instant start, String providerId,
			int durationMinutes) {
	}

}
