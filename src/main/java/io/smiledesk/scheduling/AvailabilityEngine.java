package io.smiledesk.scheduling;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.OperatoryInfo;
import io.smiledesk.clinic.ProviderInfo;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.clinic.TimeRange;

/**
 * Decides, without I/O, whether a service can start at an instant and which slots a
 * period offers. Both apply the same provider, room and busy-time checks
 * ({@code checkProvider}); listing also skips closed days and walks the clinic's slot
 * grid, while a booking may start on any 5-minute boundary (staff and integrators book
 * off the grid). Local times are read in the clinic's zone per instant, so DST changes
 * shift nothing.
 */
final class AvailabilityEngine {

	static final long GRANULE_SECONDS = 300;

	private final ClinicSnapshot clinic;

	private final BusyTimes busy;

	private final Instant now;

	private final ZoneId zone;

	private final RecallHorizon horizon;

	AvailabilityEngine(ClinicSnapshot clinic, BusyTimes busy, Instant now) {
		this(clinic, busy, now, RecallHorizon.NONE);
	}

	AvailabilityEngine(ClinicSnapshot clinic, BusyTimes busy, Instant now, RecallHorizon horizon) {
		this.horizon = horizon;
		this.clinic = clinic;
		this.busy = busy;
		this.now = now;
		this.zone = clinic.zone();
	}

	/**
	 * Patients are held to notice and horizon; staff may book at short notice or far
	 * ahead.
	 */
	enum Mode {

		PATIENT, STAFF

	}

	sealed interface Evaluation {

		record Available(Placement placement) implements Evaluation {
		}

		record Unavailable(Unavailability reason) implements Evaluation {
		}

	}

	/**
	 * Whether the service fits at {@code start} with the given provider, or with any
	 * provider when empty.
	 */
	Evaluation evaluate(ServiceInfo service, Duration duration, Instant start, Optional<String> providerId, Mode mode) {
		if (start.getEpochSecond() % GRANULE_SECONDS != 0 || start.getNano() != 0) {
			return new Evaluation.Unavailable(Unavailability.NOT_ON_GRID);
		}
		Candidate candidate = candidate(start, duration);
		Unavailability general = checkClinic(service, candidate, mode);
		if (general != null) {
			return new Evaluation.Unavailable(general);
		}
		if (providerId.isPresent()) {
			Optional<ProviderInfo> provider = clinic.provider(providerId.get()).filter(ProviderInfo::active);
			if (provider.isEmpty()) {
				return new Evaluation.Unavailable(Unavailability.PROVIDER_NOT_WORKING);
			}
			return checkProvider(service, provider.get(), candidate);
		}
		Unavailability best = Unavailability.NO_QUALIFIED_PROVIDER;
		for (ProviderInfo provider : clinic.activeProviders()) {
			if (!service.canBeDoneBy(provider.role())) {
				continue;
			}
			Evaluation evaluation = checkProvider(service, provider, candidate);
			if (evaluation instanceof Evaluation.Available) {
				return evaluation;
			}
			Unavailability reason = ((Evaluation.Unavailable) evaluation).reason();
			if (best == Unavailability.NO_QUALIFIED_PROVIDER || reason.ordinal() > best.ordinal()) {
				best = reason;
			}
		}
		return new Evaluation.Unavailable(best);
	}

	/**
	 * Every bookable start between two clinic-local days (inclusive), one entry per free
	 * provider.
	 */
	List<Slot> slots(ServiceInfo service, LocalDate firstDay, LocalDate lastDay, Optional<String> providerId,
			Mode mode) {
		List<ProviderInfo> providers = clinic.activeProviders()
			.stream()
			.filter(provider -> service.canBeDoneBy(provider.role()))
			.filter(provider -> providerId.isEmpty() || provider.id().equals(providerId.get()))
			.toList();
		List<Slot> slots = new ArrayList<>();
		if (providers.isEmpty()) {
			return slots;
		}
		Duration step = Duration.ofMinutes(clinic.rules().slotIntervalMinutes());
		Duration duration = service.duration();
		Instant earliest = mode == Mode.PATIENT ? now.plus(clinic.rules().minimumNotice()) : now;
		Instant latest = mode == Mode.PATIENT ? now.plus(horizon.forService(service, clinic.rules().horizon()))
				: Instant.MAX;
		for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
			if (clinic.closedOn(day)) {
				continue;
			}
			for (TimeRange open : clinic.openingHours().on(day.getDayOfWeek())) {
				Instant dayEnd = ZonedDateTime.of(day, open.end(), zone).toInstant();
				for (Instant start = ZonedDateTime.of(day, open.start(), zone).toInstant(); !start.plus(duration)
					.isAfter(dayEnd); start = start.plus(step)) {
					if (start.isBefore(earliest) || start.isAfter(latest)) {
						continue;
					}
					Candidate candidate = candidate(start, duration);
					for (ProviderInfo provider : providers) {
						if (checkProvider(service, provider, candidate) instanceof Evaluation.Available available) {
							Placement placement = available.placement();
							slots.add(new Slot(placement.start(), placement.end(), placement.providerId(),
									placement.operatoryId()));
						}
					}
				}
			}
		}
		return slots;
	}

	private Candidate candidate(Instant start, Duration duration) {
		ZonedDateTime localStart = start.atZone(zone);
		ZonedDateTime localEnd = start.plus(duration).atZone(zone);
		return new Candidate(start, duration, localStart.toLocalDate(), localStart.toLocalTime(),
				localEnd.toLocalDate().equals(localStart.toLocalDate()) ? localEnd.toLocalTime() : LocalTime.MAX);
	}

	private Unavailability checkClinic(ServiceInfo service, Candidate candidate, Mode mode) {
		if (candidate.start.isBefore(now)) {
			return Unavailability.IN_PAST;
		}
		if (mode == Mode.PATIENT && candidate.start.isBefore(now.plus(clinic.rules().minimumNotice()))) {
			return Unavailability.TOO_SOON;
		}
		if (mode == Mode.PATIENT
				&& candidate.start.isAfter(now.plus(horizon.forService(service, clinic.rules().horizon())))) {
			return Unavailability.TOO_FAR_AHEAD;
		}
		if (clinic.closedOn(candidate.date)) {
			return Unavailability.CLINIC_CLOSED;
		}
		if (!within(clinic.openingHours().on(candidate.day()), candidate)) {
			return Unavailability.OUTSIDE_OPENING_HOURS;
		}
		return null;
	}

	private Evaluation checkProvider(ServiceInfo service, ProviderInfo provider, Candidate candidate) {
		if (!service.canBeDoneBy(provider.role())) {
			return new Evaluation.Unavailable(Unavailability.PROVIDER_NOT_QUALIFIED);
		}
		if (!within(provider.hours().on(candidate.day()), candidate)) {
			return new Evaluation.Unavailable(Unavailability.PROVIDER_NOT_WORKING);
		}
		for (TimeRange pause : provider.breaks().on(candidate.day())) {
			if (candidate.localStart.isBefore(pause.end()) && candidate.localEnd.isAfter(pause.start())) {
				return new Evaluation.Unavailable(Unavailability.PROVIDER_ON_BREAK);
			}
		}
		Instant end = candidate.start.plus(candidate.duration);
		for (ProviderInfo.Absence absence : provider.timeOff()) {
			if (candidate.start.isBefore(absence.endsAt()) && end.isAfter(absence.startsAt())) {
				return new Evaluation.Unavailable(Unavailability.PROVIDER_AWAY);
			}
		}
		Instant occupiedUntil = end.plus(service.buffer());
		if (!busy.isFree(BusyTimes.provider(provider.id()), candidate.start, occupiedUntil)) {
			return new Evaluation.Unavailable(Unavailability.PROVIDER_BUSY);
		}
		// Best fit: of the free rooms, the one whose last use ended closest before this
		// start, so that long free
		// stretches stay whole for later bookings (first-fit fragments rooms when many
		// providers book back to back).
		String room = null;
		long shortestIdle = Long.MAX_VALUE;
		for (OperatoryInfo operatory : clinic.operatories()) {
			if (!operatory.active()) {
				continue;
			}
			String resource = BusyTimes.operatory(operatory.id());
			if (busy.isFree(resource, candidate.start, occupiedUntil)) {
				long idle = busy.idleBefore(resource, candidate.start);
				if (room == null || idle < shortestIdle) {
					room = operatory.id();
					shortestIdle = idle;
				}
			}
		}
		if (room == null) {
			return new Evaluation.Unavailable(Unavailability.NO_OPERATORY_FREE);
		}
		return new Evaluation.Available(
				new Placement(provider.id(), room, candidate.start, candidate.duration, service.buffer()));
	}

	private static boolean within(List<TimeRange> ranges, Candidate candidate) {
		for (TimeRange range : ranges) {
			if (!candidate.localStart.isBefore(range.start()) && !candidate.localEnd.isAfter(range.end())) {
				return true;
			}
		}
		return false;
	}

	private record Candidate(Instant start, Duration duration, LocalDate date, LocalTime localStart,
			LocalTime localEnd) {

		DayOfWeek day() {
			return date.getDayOfWeek();
		}

	}

}
