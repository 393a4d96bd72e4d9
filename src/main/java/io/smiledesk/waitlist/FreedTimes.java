package io.smiledesk.waitlist;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.scheduling.AppointmentEvents;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Appointments;

import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where time frees up: a cancellation, or a move away from a time (by any route,
 * including a waitlist offer itself). Each freed time is recorded once and its first
 * batch of offers goes out at once; the job sends the next ones.
 */
@Component
class FreedTimes {

	private final FreedSlotRepository slots;

	private final WaitlistEntryRepository entries;

	private final Appointments appointments;

	private final Offers offers;

	private final TransactionTemplate transaction;

	private final Clock clock;

	FreedTimes(FreedSlotRepository slots, WaitlistEntryRepository entries, Appointments appointments,
			@Lazy Offers offers, PlatformTransactionManager transactions, Clock clock) {
		this.transaction = new TransactionTemplate(transactions);
		// its own transaction: losing the race to record a time must not undo the
		// caller's work
		this.transaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
		this.slots = slots;
		this.entries = entries;
		this.appointments = appointments;
		this.offers = offers;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(AppointmentEvents.AppointmentCancelled event) {
		Instant now = clock.instant();
		// an entry to move this appointment earlier has nothing left to move
		entries.findByAppointmentIdAndStatus(event.appointmentId(), EntryStatus.WAITING)
			.forEach(entry -> entry.withdraw(now));
		appointments.find(event.appointmentId())
			.flatMap(appointment -> record(appointment, FreedSlot.Cause.CANCELLED, now))
			.ifPresent(this::firstBatch);
	}

	@ApplicationModuleListener
	void on(AppointmentEvents.AppointmentRescheduled event) {
		Instant now = clock.instant();
		// an accepted waitlist move records its old time too (with the provider, which
		// the event does not name): whichever of the two comes first, this listener
		// sends the first batch
		appointments.find(event.appointmentId())
			.flatMap(appointment -> slot(event.previousStart(), appointment, null, FreedSlot.Cause.MOVED, now))
			.map(Recorded::id)
			.ifPresent(this::firstBatch);
	}

	/**
	 * Records the appointment's time as free; empty when past or recorded before (by
	 * then, not at this very moment).
	 */
	Optional<UUID> record(AppointmentView appointment, FreedSlot.Cause cause, Instant now) {
		return slot(appointment.start(), appointment, appointment.providerId(), cause, now).filter(Recorded::created)
			.map(Recorded::id);
	}

	/** The freed time, recorded now or found recorded; empty when past. */
	private Optional<Recorded> slot(Instant start, AppointmentView appointment, String provider, FreedSlot.Cause cause,
			Instant now) {
		if (!start.isAfter(now)) {
			return Optional.empty();
		}
		Optional<UUID> known = recorded(appointment, start);
		if (known.isPresent()) {
			return known.map(id -> new Recorded(id, false));
		}
		try {
			return Optional.of(new Recorded(transaction.execute(tx -> slots
				.saveAndFlush(new FreedSlot(start, start.plusSeconds(appointment.durationMinutes() * 60L), provider,
						cause, appointment.id(), now))
				.id()), true));
		}
		catch (DataIntegrityViolationException ex) {
			// recorded at this very moment by the other path
			return recorded(appointment, start).map(id -> new Recorded(id, false));
		}
	}

	private Optional<UUID> recorded(AppointmentView appointment, Instant start) {
		return slots.findBySourceAppointmentIdAndStartsAt(appointment.id(), start).map(FreedSlot::id);
	}

	private record Recorded(UUID id, boolean created) {
	}

	private void firstBatch(UUID slotId) {
		try {
			offers.sendBatch(slotId);
		}
		catch (DataIntegrityViolationException ex) {
			// the job sent this batch at the same moment
		}
	}

}
