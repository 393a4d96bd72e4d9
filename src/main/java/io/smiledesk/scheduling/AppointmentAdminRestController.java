package io.smiledesk.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.patient.Channel;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.Patients;
import io.smiledesk.system.Access;
import io.smiledesk.system.ApiProblem;
import io.smiledesk.system.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff side of the schedule: manual booking, the day list and every lifecycle step.
 */
@PreAuthorize(Access.ANY_STAFF)
@RestController
@Validated
@RequestMapping(path = "/api/v1/admin/appointments", produces = MediaType.APPLICATION_JSON_VALUE)
class AppointmentAdminRestController {

	private static final int MAX_DAYS = 92;

	private final Booking booking;

	private final Appointments appointments;

	private final Patients patients;

	private final ClinicCatalog catalog;

	private final Clock clock;

	private final DepositNotes deposits;

	AppointmentAdminRestController(Booking booking, Appointments appointments, Patients patients, ClinicCatalog catalog,
			Clock clock, DepositNotes deposits) {
		this.deposits = deposits;
		this.booking = booking;
		this.appointments = appointments;
		this.patients = patients;
		this.catalog = catalog;
		this.clock = clock;
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping
	ResponseEntity<SchedulingJson.AppointmentJson> book(@Valid @RequestBody ManualBookingJson request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		ClinicSnapshot clinic = catalog.snapshot();
		if (request.durationMinutes() != null && request.durationMinutes() % 5 != 0) {
			throw new InvalidInputException("duration_minutes", "must be a multiple of 5 minutes");
		}
		Booking.BookRequest command = new Booking.BookRequest(request.name().trim(), request.email(), request.phone(),
				SchedulingJson.pastDate("date_of_birth", request.dateOfBirth(),
						LocalDate.now(clock.withZone(clinic.zone()))),
				request.preferredChannel(), request.serviceName(),
				SchedulingJson.instant("appointment_date", request.appointmentDate(), clinic.zone()),
				Optional.ofNullable(request.providerId()), Optional.ofNullable(request.durationMinutes()),
				request.notes(), CreatedFrom.MANUAL_ADMIN, null, null,
				SchedulingJson.idempotencyKey("admin-book", idempotencyKey), SchedulingJson.fingerprint(request));
		return AppointmentRestController.booked(booking.book(command), clinic, "Appointment booked successfully.",
				deposits);
	}

	@GetMapping
	Map<String, List<ScheduleEntry>> list(@RequestParam(name = "start_date", required = false) String startDate,
			@RequestParam(name = "end_date", required = false) String endDate,
			@RequestParam(name = "provider_id", required = false) @Size(max = 64) String providerId,
			@RequestParam(name = "patient_id", required = false) UUID patientId,
			@RequestParam(required = false) List<@Size(max = 20) String> status) {
		ClinicSnapshot clinic = catalog.snapshot();
		LocalDate first = Optional.ofNullable(SchedulingJson.date("start_date", startDate))
			.orElse(LocalDate.now(clock.withZone(clinic.zone())));
		LocalDate last = Optional.ofNullable(SchedulingJson.date("end_date", endDate)).orElse(first);
		if (last.isBefore(first)) {
			throw new InvalidInputException("end_date", "must not be before start_date");
		}
		if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
			throw new InvalidInputException("end_date", "the period may span at most " + MAX_DAYS + " days");
		}
		Instant from = first.atStartOfDay(clinic.zone()).toInstant();
		Instant to = last.plusDays(1).atStartOfDay(clinic.zone()).toInstant();
		List<AppointmentView> found = appointments.between(from, to, Optional.ofNullable(providerId),
				Optional.ofNullable(patientId), statuses(status));
		Map<UUID, PatientSummary> people = patients
			.findAll(found.stream().map(AppointmentView::patientId).distinct().toList());
		return Map.of("appointments", found.stream().map(view -> ScheduleEntry.of(view, people, clinic)).toList());
	}

	@GetMapping("/{id}")
	ScheduleEntry get(@PathVariable UUID id) {
		ClinicSnapshot clinic = catalog.snapshot();
		AppointmentView view = appointments.find(id)
			.orElseThrow(() -> ApiProblem.notFound("appointment", "No appointment with id " + id + "."));
		return ScheduleEntry.of(view, patients.findAll(List.of(view.patientId())), clinic);
	}

	@PreAuthorize(Access.VISIT_CLOSERS)
	@PostMapping("/{id}/complete")
	SchedulingJson.AppointmentJson complete(@PathVariable UUID id,
			@Valid @RequestBody(required = false) CompleteJson request) {
		CompleteJson body = request == null ? new CompleteJson(null, null) : request;
		return done(booking.complete(id, SchedulingJson.date("next_follow_up_date", body.nextFollowUpDate()),
				body.nextRecommended()), "Appointment completed.");
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping("/{id}/cancel")
	SchedulingJson.AppointmentJson cancel(@PathVariable UUID id,
			@Valid @RequestBody(required = false) CancelJson request) {
		return done(booking.cancel(id, request == null ? null : request.reason(), Booking.Actor.staff()),
				"Appointment cancelled.");
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping("/{id}/reschedule")
	SchedulingJson.AppointmentJson reschedule(@PathVariable UUID id, @Valid @RequestBody RescheduleJson request) {
		ClinicSnapshot clinic = catalog.snapshot();
		return done(booking.reschedule(id,
				SchedulingJson.instant("appointment_date", request.appointmentDate(), clinic.zone()),
				Optional.ofNullable(request.providerId()), Booking.Actor.staff()), "Appointment rescheduled.");
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping("/{id}/no-show")
	SchedulingJson.AppointmentJson noShow(@PathVariable UUID id) {
		return done(booking.markNoShow(id), "Appointment marked as a no-show.");
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping("/{id}/confirm")
	SchedulingJson.AppointmentJson confirm(@PathVariable UUID id) {
		return done(booking.confirm(id, Booking.Actor.staff()), "Appointment confirmed.");
	}

	@PreAuthorize(Access.MANAGERS)
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable UUID id) {
		if (booking.delete(id) instanceof Booking.Rejected rejected) {
			throw rejected.reason() == Refusal.APPOINTMENT_NOT_FOUND
					? ApiProblem.notFound("appointment", "No appointment with id " + id + ".")
					: SchedulingJson.problem(rejected, catalog.snapshot());
		}
	}

	private static Set<AppointmentStatus> statuses(List<String> values) {
		Set<AppointmentStatus> statuses = EnumSet.noneOf(AppointmentStatus.class);
		for (String value : values == null ? List.<String>of() : values) {
			try {
				statuses.add(AppointmentStatus.parse(value));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("status",
						"must be one of pending_deposit, booked, confirmed, completed, cancelled, no_show");
			}
		}
		return statuses;
	}

	private SchedulingJson.AppointmentJson done(Booking.Outcome outcome, String message) {
		return deposits.attach(SchedulingJson.done(outcome, message, catalog.snapshot()));
	}

	record ManualBookingJson(@NotBlank @Size(max = 40) String appointmentDate,
			@Min(5) @Max(480) Integer durationMinutes, @NotBlank @Size(max = 200) String name,
			@Size(max = 254) String email, @Size(max = 32) String phone, Channel preferredChannel,
			@NotBlank @Size(max = 120) String serviceName, @Size(max = 2000) String notes,
			@Size(max = 64) String providerId, @Size(max = 10) String dateOfBirth) {
	}

	record CompleteJson(@Size(max = 10) String nextFollowUpDate, @Size(max = 200) String nextRecommended) {
	}

	record CancelJson(@Size(max = 500) String reason) {
	}

	record RescheduleJson(@NotBlank @Size(max = 40) String appointmentDate, @Size(max = 64) String providerId) {
	}

	record ScheduleEntry(UUID appointmentId, UUID patientId, String patientName, Instant appointmentDate,
			String localDate, String localTime, int durationMinutes, String serviceId, String serviceName,
			String providerId, String providerName, String operatoryId, AppointmentStatus status,
			CreatedFrom createdFrom, String notes, String cancelReason) {

		static ScheduleEntry of(AppointmentView view, Map<UUID, PatientSummary> people, ClinicSnapshot clinic) {
			var local = view.start().atZone(clinic.zone());
			PatientSummary patient = people.get(view.patientId());
			return new ScheduleEntry(view.id(), view.patientId(), patient == null ? null : patient.name(), view.start(),
					local.toLocalDate().toString(), SchedulingJson.localTime(view.start(), clinic.zone()),
					view.durationMinutes(), view.serviceId(), SchedulingJson.serviceName(clinic, view.serviceId()),
					view.providerId(), SchedulingJson.providerName(clinic, view.providerId()), view.operatoryId(),
					view.status(), view.createdFrom(), view.notes(), view.cancelReason());
		}

	}

}
