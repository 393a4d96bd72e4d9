package io.smiledesk.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.scheduling.AvailabilityEngine.Evaluation;
import io.smiledesk.scheduling.AvailabilityEngine.Mode;

import org.springframework.stereotype.Service;

/**
 * Which times are free: for the booking site, the assistant, the console, and for
 * checking a booking.
 */
@Service
public class Availability {

	private final ClinicCatalog catalog;

	private final BusyTimesLoader busyTimes;

	private final Clock clock;

	private final RecallHorizon horizon;

	Availability(ClinicCatalog catalog, BusyTimesLoader busyTimes, SchedulingProperties properties, Clock clock) {
		this.horizon = properties.horizon();
		this.catalog = catalog;
		this.busyTimes = busyTimes;
		this.clock = clock;
	}

	/** Bookable slots for patients between two clinic-local days, inclusive. */
	public List<Slot> slots(ServiceInfo service, LocalDate firstDay, LocalDate lastDay, Optional<String> providerId) {
		return slots(service, firstDay, lastDay, providerId, null);
	}

	/**
	 * The same, as if the appointment being moved ({@code moving}, may be null) were not
	 * there: half an hour later overlaps the patient's own visit, nobody else's. Its
	 * current time is among the slots.
	 */
	public List<Slot> slots(ServiceInfo service, LocalDate firstDay, LocalDate lastDay, Optional<String> providerId,
			UUID moving) {
		ClinicSnapshot clinic = catalog.snapshot();
		ZoneId zone = clinic.zone();
		Instant now = clock.instant();
		Instant from = firstDay.atStartOfDay(zone).toInstant();
		Instant to = lastDay.plusDays(1).atStartOfDay(zone).toInstant();
		BusyTimes busy = busyTimes.load(from, to, now, moving);
		return new AvailabilityEngine(clinic, busy, now, horizon).slots(service, firstDay, lastDay, providerId,
				Mode.PATIENT);
	}

	/**
	 * The starts staff may book on one clinic-local day: the same rules as
	 * {@link Booking#book} applies to a manual booking, so at short notice and beyond the
	 * patients' horizon, but never in the past.
	 */
	public List<Slot> staffSlots(ServiceInfo service, LocalDate day, Optional<String> providerId) {
		return staffSlots(service, day, providerId, null);
	}

	/**
	 * The same, as if the appointment being moved ({@code moving}, may be null) were not
	 * there.
	 */
	public List<Slot> staffSlots(ServiceInfo service, LocalDate day, Optional<String> providerId, UUID moving) {
		ClinicSnapshot clinic = catalog.snapshot();
		ZoneId zone = clinic.zone();
		Instant now = clock.instant();
		Instant from = day.atStartOfDay(zone).toInstant();
		Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
		BusyTimes busy = busyTimes.load(from, to, now, moving);
		return new AvailabilityEngine(clinic, busy, now, horizon).slots(service, day, day, providerId, Mode.STAFF);
	}

	/**
	 * The nearest bookable slots to {@code around}, at most {@code limit}, earliest
	 * first, one per start time.
	 */
	public List<Slot> nearest(ServiceInfo service, Instant around, Optional<String> providerId, int limit) {
		return nearest(service, around, providerId, limit, null);
	}

	/**
	 * The same, as if the appointment being moved ({@code moving}, may be null) were not
	 * there.
	 */
	public List<Slot> nearest(ServiceInfo service, Instant around, Optional<String> providerId, int limit,
			UUID moving) {
		ClinicSnapshot clinic = catalog.snapshot();
		LocalDate day = around.atZone(clinic.zone()).toLocalDate();
		List<Slot> slots = slots(service, day.minusDays(3), day.plusDays(10), providerId, moving);
		List<Slot> byDistance = new ArrayList<>(slots);
		byDistance
			.sort(Comparator.comparingLong(slot -> Math.abs(Duration.between(around, slot.start()).getSeconds())));
		Map<Instant, Slot> nearestByStart = new LinkedHashMap<>();
		for (Slot slot : byDistance) {
			if (nearestByStart.size() == limit) {
				break;
			}
			nearestByStart.putIfAbsent(slot.start(), slot);
		}
		List<Slot> nearest = new ArrayList<>(nearestByStart.values());
		nearest.sort(Comparator.comparing(Slot::start));
		return nearest;
	}

	Evaluation evaluate(ServiceInfo service, Duration duration, Instant start, Optional<String> providerId, Mode mode,
			UUID ignore) {
		ClinicSnapshot clinic = catalog.snapshot();
		Instant now = clock.instant();
		BusyTimes busy = busyTimes.load(start, start.plus(duration).plus(service.buffer()), now, ignore);
		return new AvailabilityEngine(clinic, busy, now, horizon).evaluate(service, duration, start, providerId, mode);
	}

}
