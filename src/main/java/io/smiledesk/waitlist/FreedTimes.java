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
		appointments.find(event.appointmentId())
			.flatMap(appointment -> slots.findBySourceAppointmentIdAndStartsAt(appointment.id(), event.previousStart())
				.map(FreedSlot::id)
				// the event does not say which provider had the old time: any may
				// take it
				.or(() -> record(event.previousStart(), appointment, null, FreedSlot.Cause.MOVED, now)))
			.ifPresent(this::firstBatch);
	}

	/**
	 * Records the appointment's time as free; empty when past or recorded before (by
	 * then, not at this very moment).
	 */
	Optional<UUID> record(AppointmentView appointment, FreedSlot.Cause cause, Instant now) {
		return record(appointment.start(), appointment, appointment.providerId(), cause, now);
	}

	private Optional<UUID> record(Instant start, AppointmentView appointment, String provider, FreedSlot.Cause cause,
			Instant now) {
		if (!start.isAfter(now)) {
			return Optional.empty();
		}
		if (slots.findBySourceAppointmentIdAndStartsAt(appointment.id(), start).isPresent()) {
			return Optional.empty();
		}
		try {
			return Optional.of(transaction.execute(tx -> slots
				.saveAndFlush(new FreedSlot(start, start.plusSeconds(appointment.durationMinutes() * 60L), provider,
						cause, appointment.id(), now))
				.id()));
		}
		catch (DataIntegrityViolationException ex) {
			// recorded at the same moment by the other path (an accepted move): offer it
			// as if it had been found, since that path may leave the first batch to this
			// one
			return slots.findBySourceAppointmentIdAndStartsAt(appointment.id(), start).map(FreedSlot::id);
		}
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
