package io.smiledesk.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.SeriesRecords.Occurrence;
import io.smiledesk.scheduling.SeriesRecords.Series;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Books a series of visits by booking each occurrence like a single staff booking (the
 * same rules, the same database guard against double booking). What fits is booked; an
 * occurrence that does not is reported with the nearest free times, so staff can pick
 * one. Nothing is kept when no occurrence fits.
 */
@Service
public class SeriesBooking {

	private static final int ALTERNATIVES = 3;

	private static final int DAYS_BEFORE = 3;

	private static final int DAYS_AFTER = 7;

	private final Booking booking;

	private final Availability availability;

	private final Appointments appointments;

	private final Patients patients;

	private final ClinicCatalog catalog;

	private final SeriesRecords records;

	private final Clock clock;

	SeriesBooking(Booking booking, Availability availability, Appointments appointments, Patients patients,
			ClinicCatalog catalog, SeriesRecords records, Clock clock) {
		this.booking = booking;
		this.availability = availability;
		this.appointments = appointments;
		this.patients = patients;
		this.catalog = catalog;
		this.records = records;
		this.clock = clock;
	}

	/**
	 * A series to book: the first visit in clinic-local time, how it repeats, and an
	 * optional idempotency key (already scoped) with the request's fingerprint.
	 */
	public record SeriesRequest(UUID patientId, String service, Optional<String> providerId, LocalDateTime first,
			Recurrence recurrence, String notes, String idempotencyKey, String requestHash) {
	}

	public sealed interface SeriesOutcome {

	}

	/** The series exists; some occurrences may be unavailable. */
	public record Created(SeriesView series, boolean replayed) implements SeriesOutcome {
	}

	/** No occurrence could be booked; nothing was written. */
	public record NothingBooked(List<OccurrenceView> occurrences) implements SeriesOutcome {
	}

	/** Refused before anything was booked; {@code field} names the input at fault. */
	public record Refused(Reason reason, String field) implements SeriesOutcome {
	}

	public record SeriesView(UUID id, UUID patientId, String serviceId, String providerId, Recurrence recurrence,
			List<OccurrenceView> occurrences, Instant createdAt) {

		public long booked() {
			return occurrences.stream().filter(occurrence -> occurrence.appointment().isPresent()).count();
		}

	}

	/**
	 * One planned visit: its appointment (as it is now), or why none was booked and, on
	 * booking, the nearest free times.
	 */
	public record OccurrenceView(int position, Instant plannedStart, Optional<AppointmentView> appointment,
			String unavailableReason, List<Slot> alternatives) {

		/** The appointment's status, unavailable, or removed (deleted by staff). */
		public String status() {
			if (appointment.isPresent()) {
				return appointment.get().status().json();
			}
			return unavailableReason != null ? "unavailable" : "removed";
		}

	}

	/** What cancelling the rest of a series did. */
	public record Cancellation(SeriesView series, List<UUID> cancelled) {
	}

	public SeriesOutcome book(SeriesRequest request) {
		ClinicSnapshot clinic = catalog.snapshot();
		Optional<ServiceInfo> found = clinic.service(request.service());
		if (found.isEmpty()) {
			return new Refused(Refusal.SERVICE_UNKNOWN, "service_name");
		}
		ServiceInfo service = found.get();
		if (request.providerId().isPresent() && clinic.provider(request.providerId().get()).isEmpty()) {
			return new Refused(Refusal.PROVIDER_UNKNOWN, "provider_id");
		}
		Optional<PatientSummary> patient = patients.find(new PatientId(request.patientId()));
		if (patient.isEmpty()) {
			return new Refused(Refusal.PATIENT_NOT_FOUND, "patient_id");
		}
		ZoneId zone = clinic.zone();
		List<Instant> starts = request.recurrence()
			.occurrences(request.first())
			.stream()
			.map(local -> local.atZone(zone).toInstant())
			.toList();
		Series series = new Series(UUID.randomUUID(), request.patientId(), service.id(),
				request.providerId().orElse(null), starts.get(0), request.recurrence(), request.idempotencyKey(),
				request.requestHash(), clock.instant());
		boolean replayed = false;
		if (request.idempotencyKey() != null) {
			Optional<Series> earlier = records.findByKey(request.idempotencyKey());
			if (earlier.isEmpty() && !records.insert(series)) {
				// the same request running concurrently: follow it
				earlier = records.findByKey(request.idempotencyKey());
			}
			if (earlier.isPresent()) {
				if (!earlier.get().requestHash().equals(request.requestHash())) {
					return new Refused(Refusal.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key");
				}
				series = earlier.get();
				replayed = true;
			}
		}
		else {
			records.insert(series);
		}
		Map<Integer, Occurrence> recorded = new LinkedHashMap<>();
		records.occurrences(series.id()).forEach(occurrence -> recorded.put(occurrence.position(), occurrence));
		List<OccurrenceView> views = new ArrayList<>();
		String keyBase = series.idempotencyKey() != null ? series.idempotencyKey() : "series:" + series.id();
		for (int position = 1; position <= starts.size(); position++) {
			Occurrence occurrence = recorded.get(position);
			if (occurrence == null) {
				occurrence = bookOne(series, patient.get(), service, position, starts.get(position - 1), request,
						keyBase);
			}
			views.add(view(occurrence, service, series.providerId(), true));
		}
		if (!replayed && views.stream().allMatch(view -> view.appointment().isEmpty())) {
			records.delete(series.id());
			return new NothingBooked(views);
		}
		return new Created(new SeriesView(series.id(), series.patientId(), series.serviceId(), series.providerId(),
				series.recurrence(), views, series.createdAt()), replayed);
	}

	public Optional<SeriesView> find(UUID seriesId) {
		return records.find(seriesId).map(series -> {
			ServiceInfo service = catalog.snapshot().serviceById(series.serviceId()).orElse(null);
			List<OccurrenceView> views = records.occurrences(series.id())
				.stream()
				.map(occurrence -> view(occurrence, service, series.providerId(), false))
				.toList();
			return new SeriesView(series.id(), series.patientId(), series.serviceId(), series.providerId(),
					series.recurrence(), views, series.createdAt());
		});
	}

	/**
	 * Cancels every open appointment of the series that starts at or after {@code from},
	 * as staff (no notice period). Empty when there is no such series.
	 */
	public Optional<Cancellation> cancelFrom(UUID seriesId, Instant from, String reason) {
		Optional<SeriesView> found = find(seriesId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		List<UUID> cancelled = new ArrayList<>();
		for (OccurrenceView occurrence : found.get().occurrences()) {
			Optional<AppointmentView> appointment = occurrence.appointment()
				.filter(view -> view.status().isOpen() && !view.start().isBefore(from));
			if (appointment.isPresent() && booking.cancel(appointment.get().id(), reason,
					Booking.Actor.staff()) instanceof Booking.Done done) {
				cancelled.add(done.appointment().id());
			}
		}
		return Optional.of(new Cancellation(find(seriesId).orElseThrow(), cancelled));
	}

	private Occurrence bookOne(Series series, PatientSummary patient, ServiceInfo service, int position, Instant start,
			SeriesRequest request, String keyBase) {
		Booking.BookRequest command = new Booking.BookRequest(patient.name(), patient.email(), patient.phone(), null,
				null, service.id(), start, Optional.ofNullable(series.providerId()), Optional.empty(), request.notes(),
				CreatedFrom.MANUAL_ADMIN, null, null, keyBase + "#" + position,
				SchedulingJson.fingerprint(series.requestHash() + "#" + position));
		Booking.Outcome outcome = booking.book(command);
		Occurrence occurrence = outcome instanceof Booking.Done done
				? new Occurrence(position, start, done.appointment().id(), null)
				: new Occurrence(position, start, null, ((Booking.Rejected) outcome).reason().code());
		try {
			records.record(series.id(), occurrence);
		}
		catch (DuplicateKeyException ex) {
			// a concurrent retry of the same request recorded it first: the booking
			// itself was replayed through its own idempotency key
			return records.occurrences(series.id())
				.stream()
				.filter(other -> other.position() == position)
				.findFirst()
				.orElseThrow(() -> ex);
		}
		return occurrence;
	}

	private OccurrenceView view(Occurrence occurrence, ServiceInfo service, String providerId,
			boolean withAlternatives) {
		Optional<AppointmentView> appointment = Optional.ofNullable(occurrence.appointmentId())
			.flatMap(appointments::find);
		List<Slot> alternatives = withAlternatives && appointment.isEmpty() && service != null
				? alternatives(service, occurrence.plannedStart(), Optional.ofNullable(providerId)) : List.of();
		return new OccurrenceView(occurrence.position(), occurrence.plannedStart(), appointment,
				occurrence.unavailableReason(), alternatives);
	}

	/**
	 * The nearest starts staff could book instead, a few days either side: with the
	 * provider asked for, else with anyone.
	 */
	private List<Slot> alternatives(ServiceInfo service, Instant around, Optional<String> providerId) {
		List<Slot> nearest = nearest(service, around, providerId);
		return nearest.isEmpty() && providerId.isPresent() ? nearest(service, around, Optional.empty()) : nearest;
	}

	private List<Slot> nearest(ServiceInfo service, Instant around, Optional<String> providerId) {
		LocalDate day = around.atZone(catalog.snapshot().zone()).toLocalDate();
		List<Slot> slots = new ArrayList<>();
		for (LocalDate date = day.minusDays(DAYS_BEFORE); !date.isAfter(day.plusDays(DAYS_AFTER)); date = date
			.plusDays(1)) {
			slots.addAll(availability.staffSlots(service, date, providerId));
		}
		slots.sort(Comparator.comparingLong(slot -> Math.abs(Duration.between(around, slot.start()).getSeconds())));
		Map<Instant, Slot> byStart = new LinkedHashMap<>();
		for (Slot slot : slots) {
			if (byStart.size() == ALTERNATIVES) {
				break;
			}
			byStart.putIfAbsent(slot.start(), slot);
		}
		return byStart.values().stream().sorted(Comparator.comparing(Slot::start)).toList();
	}

}
