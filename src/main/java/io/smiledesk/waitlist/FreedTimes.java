package io.smiledesk.waitlist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.clinic.TimeOffRemoved;
import io.smiledesk.scheduling.AppointmentEvents;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Appointments;
import io.smiledesk.scheduling.Availability;
import io.smiledesk.scheduling.Slot;

import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where time frees up: a cancellation, a move away from a time (by any route, including a
 * waitlist offer itself), an appointment removed, or a no-show marked while its time
 * still runs, or a provider's time off taken away. Each freed time is recorded once and
 * its first batch of offers goes out at once; the job sends the next ones.
 */
@Component
class FreedTimes {

	static final int MAX_TIME_OFF_SLOTS = 12;

	private final FreedSlotRepository slots;

	private final WaitlistEntryRepository entries;

	private final Appointments appointments;

	private final Offers offers;

	private final TransactionTemplate transaction;

	private final ClinicCatalog catalog;

	private final Availability availability;

	private final Clock clock;

	FreedTimes(FreedSlotRepository slots, WaitlistEntryRepository entries, Appointments appointments,
			@Lazy Offers offers, PlatformTransactionManager transactions, Clock clock, ClinicCatalog catalog,
			Availability availability) {
		this.transaction = new TransactionTemplate(transactions);
		// its own transaction: losing the race to record a time must not undo the
		// caller's work
		this.transaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
		this.slots = slots;
		this.entries = entries;
		this.appointments = appointments;
		this.offers = offers;
		this.catalog = catalog;
		this.availability = availability;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(AppointmentEvents.AppointmentCancelled event) {
		Instant now = clock.instant();
		// an entry to move this appointment earlier has nothing left to move
		entries.findByAppointmentIdAndStatus(event.appointmentId(), EntryStatus.WAITING)
			.forEach(entry -> entry.withdraw(now));
		appointments.find(event.appointmentId())
			.flatMap(appointment -> record(appointment.id(), appointment.start(), end(appointment),
					appointment.providerId(), FreedSlot.Cause.CANCELLED, now))
			.ifPresent(this::firstBatch);
	}

	@ApplicationModuleListener
	void on(AppointmentEvents.AppointmentRescheduled event) {
		Instant now = clock.instant();
		appointments.find(event.appointmentId())
			.flatMap(appointment -> record(appointment.id(), event.previousStart(),
					event.previousStart().plus(Duration.ofMinutes(appointment.durationMinutes())),
					event.previousProviderId(), FreedSlot.Cause.MOVED, now))
			.ifPresent(this::firstBatch);
	}

	/** Removed as entered by mistake: its time is free. */
	@ApplicationModuleListener
	void on(AppointmentEvents.AppointmentDeleted event) {
		Instant now = clock.instant();
		entries.findByAppointmentIdAndStatus(event.appointmentId(), EntryStatus.WAITING)
			.forEach(entry -> entry.withdraw(now));
		record(event.appointmentId(), event.start(), event.start().plus(Duration.ofMinutes(event.durationMinutes())),
				event.providerId(), FreedSlot.Cause.REMOVED, now)
			.ifPresent(this::firstBatch);
	}

	/**
	 * A no-show marked while the visit's time still runs: the rest of it, from the next
	 * start on the clinic's grid, is offered (the waitlist's matching decides whether a
	 * service still fits in it).
	 */
	@ApplicationModuleListener
	void on(AppointmentEvents.AppointmentMissed event) {
		Instant now = clock.instant();
		appointments.find(event.appointmentId()).ifPresent(appointment -> {
			Instant from = appointment.start().isAfter(now) ? appointment.start() : nextStart(now);
			record(appointment.id(), from, end(appointment), appointment.providerId(), FreedSlot.Cause.MISSED, now)
				.ifPresent(this::firstBatch);
		});
	}

	/**
	 * Time off taken away: the provider's first free starts in those hours, cut into
	 * visits of the shortest service they give (at most {@code MAX_TIME_OFF_SLOTS}), are
	 * offered like any freed time; matching decides which entries fit each.
	 */
	@ApplicationModuleListener
	void on(TimeOffRemoved event) {
		Instant now = clock.instant();
		ClinicSnapshot clinic = catalog.snapshot();
		Optional<ServiceInfo> shortest = clinic.provider(event.providerId())
			.flatMap(provider -> clinic.services()
				.stream()
				.filter(ServiceInfo::active)
				.filter(service -> service.canBeDoneBy(provider.role()))
				.min(Comparator.comparing(ServiceInfo::duration)));
		if (shortest.isEmpty() || !event.endsAt().isAfter(now)) {
			return;
		}
		ServiceInfo service = shortest.get();
		LocalDate first = (event.startsAt().isAfter(now) ? event.startsAt() : now).atZone(clinic.zone()).toLocalDate();
		LocalDate last = event.endsAt().minusNanos(1).atZone(clinic.zone()).toLocalDate();
		Instant next = event.startsAt();
		int recorded = 0;
		for (Slot free : availability.slots(service, first, last, Optional.of(event.providerId()))) {
			if (recorded == MAX_TIME_OFF_SLOTS || !free.start().isBefore(event.endsAt())) {
				break;
			}
			if (free.start().isBefore(next)) {
				continue;
			}
			Instant end = free.start().plus(service.duration());
			Optional<UUID> slot = record(event.timeOffId(), free.start(), end, event.providerId(),
					FreedSlot.Cause.TIME_OFF, now);
			slot.ifPresent(this::firstBatch);
			recorded++;
			next = end.plus(service.buffer());
		}
	}

	/**
	 * Records a freed time; empty when it is past, too short to matter or recorded before
	 * (a redelivered event).
	 */
	private Optional<UUID> record(UUID source, Instant start, Instant end, String provider, FreedSlot.Cause cause,
			Instant now) {
		if (!start.isAfter(now) || !end.isAfter(start)) {
			return Optional.empty();
		}
		if (slots.findBySourceIdAndStartsAt(source, start).isPresent()) {
			return Optional.empty();
		}
		try {
			return Optional.of(transaction
				.execute(tx -> slots.saveAndFlush(new FreedSlot(start, end, provider, cause, source, now)).id()));
		}
		catch (DataIntegrityViolationException ex) {
			// the same event handled at the same moment elsewhere: that one offers it
			return Optional.empty();
		}
	}

	private Instant nextStart(Instant now) {
		ClinicSnapshot clinic = catalog.snapshot();
		long grid = clinic.rules().slotIntervalMinutes() * 60L;
		ZonedDateTime local = now.atZone(clinic.zone());
		long seconds = local.toLocalTime().toSecondOfDay();
		long next = ((seconds + grid - 1) / grid) * grid;
		return local.toLocalDate().atStartOfDay(clinic.zone()).plusSeconds(next).toInstant();
	}

	private static Instant end(AppointmentView appointment) {
		return appointment.start().plus(Duration.ofMinutes(appointment.durationMinutes()));
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
