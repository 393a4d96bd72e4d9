package io.smiledesk.scheduling;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading appointments: the schedule, one appointment, a patient's visits. */
@Service
@Transactional(readOnly = true)
public class Appointments {

	private final AppointmentRepository appointments;

	Appointments(AppointmentRepository appointments) {
		this.appointments = appointments;
	}

	/**
	 * How many appointments were booked (whatever became of them) from one instant until
	 * another.
	 */
	public long bookedBetween(Instant from, Instant to) {
		return appointments.countByCreatedAtGreaterThanEqualAndCreatedAtLessThan(from, to);
	}

	public Optional<AppointmentView> find(UUID id) {
		return appointments.findById(id).map(Appointment::view);
	}

	public List<AppointmentView> between(Instant from, Instant to, Optional<String> providerId,
			Optional<UUID> patientId, Set<AppointmentStatus> statuses) {
		Set<AppointmentStatus> wanted = statuses.isEmpty() ? EnumSet.allOf(AppointmentStatus.class) : statuses;
		return appointments.findBetween(from, to, providerId.orElse(null), patientId.orElse(null), wanted)
			.stream()
			.map(Appointment::view)
			.toList();
	}

	/** The payment deadline of an appointment waiting for its deposit. */
	public Optional<Instant> depositDueBy(UUID id) {
		return appointments.findById(id).map(Appointment::depositDueBy);
	}

	/**
	 * Which of these patients have an appointment of one of the statuses starting after
	 * {@code after} (one query for a page of the daily campaign run).
	 */
	public Set<UUID> patientsWith(Collection<UUID> patientIds, Set<AppointmentStatus> statuses, Instant after) {
		if (patientIds.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(appointments.patientsWith(patientIds, statuses, after));
	}

	/** Every appointment of one patient, whatever its status, the latest first. */
	public List<AppointmentView> ofPatient(UUID patientId) {
		return appointments.findByPatientIdOrderByStartsAtDesc(patientId).stream().map(Appointment::view).toList();
	}

}
