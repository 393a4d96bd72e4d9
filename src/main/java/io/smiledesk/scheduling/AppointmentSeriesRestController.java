package io.smiledesk.scheduling;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.scheduling.SeriesBooking.OccurrenceView;
import io.smiledesk.scheduling.SeriesBooking.SeriesView;
import io.smiledesk.system.Access;
import io.smiledesk.system.ApiProblem;
import io.smiledesk.system.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recurring visits for staff: 201 when every occurrence was booked, 200 when some could
 * not be (each with the nearest free times), 409 when none could (nothing kept).
 */
@PreAuthorize(Access.ANY_STAFF)
@RestController
@RequestMapping(path = "/api/v1/admin/appointments/series", produces = MediaType.APPLICATION_JSON_VALUE)
class AppointmentSeriesRestController {

	private final SeriesBooking series;

	private final ClinicCatalog catalog;

	AppointmentSeriesRestController(SeriesBooking series, ClinicCatalog catalog) {
		this.series = series;
		this.catalog = catalog;
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping
	ResponseEntity<SeriesJson> book(@Valid @RequestBody SeriesRequestJson request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		ClinicSnapshot clinic = catalog.snapshot();
		String key = SchedulingJson.idempotencyKey("admin-series", idempotencyKey);
		LocalDateTime first = SchedulingJson.instant("appointment_date", request.appointmentDate(), clinic.zone())
			.atZone(clinic.zone())
			.toLocalDateTime();
		RecurrenceJson every = request.recurrence();
		Recurrence recurrence = Recurrence.parse(every.every(), every.unit(), every.interval(), every.count(),
				SchedulingJson.date("recurrence.until", every.until()), first);
		SeriesBooking.SeriesOutcome outcome = series.book(new SeriesBooking.SeriesRequest(request.patientId(),
				request.serviceName(), Optional.ofNullable(request.providerId()), first, recurrence, request.notes(),
				key, SchedulingJson.fingerprint(request)));
		if (outcome instanceof SeriesBooking.Created created) {
			SeriesJson body = SeriesJson.of(created.series(), clinic, null);
			boolean complete = created.series().booked() == created.series().occurrences().size();
			return ResponseEntity.status(complete ? HttpStatus.CREATED : HttpStatus.OK)
				.location(URI.create("/api/v1/admin/appointments/series/" + created.series().id()))
				.header("Idempotent-Replayed", String.valueOf(created.replayed()))
				.body(body);
		}
		if (outcome instanceof SeriesBooking.NothingBooked nothing) {
			Refusal reason = Refusal.NOTHING_BOOKED;
			throw new ApiProblem(ReasonStatus.of(reason), reason.code(), "Conflict", reason.message(),
					Map.of("reason", reason.code(), "occurrences",
							nothing.occurrences().stream().map(view -> OccurrenceJson.of(view, clinic)).toList()));
		}
		throw refused((SeriesBooking.Refused) outcome);
	}

	@GetMapping("/{id}")
	SeriesJson get(@PathVariable UUID id) {
		return series.find(id)
			.map(found -> SeriesJson.of(found, catalog.snapshot(), null))
			.orElseThrow(() -> refused(new SeriesBooking.Refused(Refusal.SERIES_NOT_FOUND, "id")));
	}

	/** Cancels this occurrence and the rest: from a date, a date-time, or a position. */
	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping("/{id}/cancel")
	SeriesJson cancel(@PathVariable UUID id, @Valid @RequestBody CancelFromJson request) {
		ClinicSnapshot clinic = catalog.snapshot();
		Instant from = from(id, request, clinic.zone());
		return series.cancelFrom(id, from, request.reason())
			.map(done -> SeriesJson.of(done.series(), clinic, done.cancelled()))
			.orElseThrow(() -> refused(new SeriesBooking.Refused(Refusal.SERIES_NOT_FOUND, "id")));
	}

	private Instant from(UUID id, CancelFromJson request, ZoneId zone) {
		if ((request.from() == null) == (request.fromPosition() == null)) {
			throw new InvalidInputException("from", "give either from (a date or date-time) or from_position");
		}
		if (request.fromPosition() != null) {
			SeriesView found = series.find(id)
				.orElseThrow(() -> refused(new SeriesBooking.Refused(Refusal.SERIES_NOT_FOUND, "id")));
			return found.occurrences()
				.stream()
				.filter(occurrence -> occurrence.position() == request.fromPosition())
				.findFirst()
				.map(occurrence -> occurrence.appointment()
					.map(AppointmentView::start)
					.orElse(occurrence.plannedStart()))
				.orElseThrow(() -> new InvalidInputException("from_position",
						"the series has " + found.occurrences().size() + " occurrences"));
		}
		if (request.from().trim().length() == 10) {
			return SchedulingJson.date("from", request.from()).atStartOfDay(zone).toInstant();
		}
		return SchedulingJson.instant("from", request.from(), zone);
	}

	private static ApiProblem refused(SeriesBooking.Refused refused) {
		Reason reason = refused.reason();
		String title = reason.kind() == Reason.Kind.NOT_FOUND ? "Not found" : "Invalid request";
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("reason", reason.code());
		properties.put("errors", List.of(Map.of("field", refused.field(), "message", reason.message())));
		return new ApiProblem(ReasonStatus.of(reason), reason.code(), title, reason.message(), properties);
	}

	/** Reads a stored reason code back into the reason and its message. */
	static Optional<Reason> reasonOf(String code) {
		return Stream.<Reason>concat(Stream.of(Unavailability.values()), Stream.of(Refusal.values()))
			.filter(reason -> reason.code().equals(code))
			.findFirst();
	}

	record SeriesRequestJson(@NotNull UUID patientId, @NotBlank @Size(max = 120) String serviceName,
			@Size(max = 64) String providerId, @NotBlank @Size(max = 40) String appointmentDate,
			@NotNull @Valid RecurrenceJson recurrence, @Size(max = 2000) String notes) {
	}

	/** Either every (P6M, P2W) or unit and interval; then count or until. */
	record RecurrenceJson(@Size(max = 20) String every, @Size(max = 20) String unit, Integer interval, Integer count,
			@Size(max = 10) String until) {
	}

	record CancelFromJson(@Size(max = 40) String from, Integer fromPosition, @Size(max = 500) String reason) {
	}

	record RecurrenceOut(String unit, int interval, int count) {
	}

	record SeriesJson(UUID seriesId, UUID patientId, String serviceId, String serviceName, String providerId,
			RecurrenceOut recurrence, long bookedCount, long unavailableCount, List<OccurrenceJson> occurrences,
			List<UUID> cancelled) {

		static SeriesJson of(SeriesView view, ClinicSnapshot clinic, List<UUID> cancelled) {
			List<OccurrenceJson> occurrences = view.occurrences()
				.stream()
				.map(occurrence -> OccurrenceJson.of(occurrence, clinic))
				.toList();
			return new SeriesJson(view.id(), view.patientId(), view.serviceId(),
					SchedulingJson.serviceName(clinic, view.serviceId()), view.providerId(),
					new RecurrenceOut(view.recurrence().unit().json(), view.recurrence().interval(),
							view.recurrence().count()),
					view.booked(), occurrences.stream().filter(o -> "unavailable".equals(o.status())).count(),
					occurrences, cancelled);
		}

	}

	record OccurrenceJson(int position, Instant start, String localDate, String localTime, String status,
			UUID appointmentId, Instant appointmentDate, String providerId, String reason, String message,
			List<SchedulingJson.SlotJson> alternatives) {

		static OccurrenceJson of(OccurrenceView view, ClinicSnapshot clinic) {
			var local = view.plannedStart().atZone(clinic.zone());
			Optional<AppointmentView> appointment = view.appointment();
			return new OccurrenceJson(view.position(), view.plannedStart(), local.toLocalDate().toString(),
					SchedulingJson.localTime(view.plannedStart(), clinic.zone()), view.status(),
					appointment.map(AppointmentView::id).orElse(null),
					appointment.map(AppointmentView::start).orElse(null),
					appointment.map(AppointmentView::providerId).orElse(null), view.unavailableReason(),
					reasonOf(view.unavailableReason()).map(Reason::message).orElse(null),
					SchedulingJson.slots(view.alternatives(), clinic));
		}

	}

}
