package io.smiledesk.scheduling;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.patient.Channel;
import io.smiledesk.system.InvalidInputException;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Public booking for the clinic's website, the chat widget and integrators. */
@RestController
@RequestMapping(path = "/api/v1/appointments", produces = MediaType.APPLICATION_JSON_VALUE)
class AppointmentRestController {

	private final Booking booking;

	private final ClinicCatalog catalog;

	private final Clock clock;

	private final ObjectProvider<CampaignAttribution> attribution;

	private final DepositNotes deposits;

	AppointmentRestController(Booking booking, ClinicCatalog catalog, Clock clock,
			ObjectProvider<CampaignAttribution> attribution, DepositNotes deposits) {
		this.deposits = deposits;
		this.booking = booking;
		this.catalog = catalog;
		this.clock = clock;
		this.attribution = attribution;
	}

	@PostMapping("/book")
	ResponseEntity<SchedulingJson.AppointmentJson> book(@Valid @RequestBody BookRequestJson request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		ClinicSnapshot clinic = catalog.snapshot();
		String campaign = request.campaignToken() == null ? null
				: attribution.stream()
					.findFirst()
					.flatMap(source -> source.fromLink(request.campaignToken()))
					.orElseThrow(() -> new InvalidInputException("campaign_token",
							"is not a booking link this clinic sent, or the campaign has ended"));
		Booking.BookRequest command = new Booking.BookRequest(request.name().trim(), request.email(), request.phone(),
				SchedulingJson.pastDate("date_of_birth", request.dateOfBirth(),
						LocalDate.now(clock.withZone(clinic.zone()))),
				request.preferredChannel(), request.serviceName(),
				SchedulingJson.instant("appointment_date", request.appointmentDate(), clinic.zone()),
				Optional.ofNullable(request.providerId()), Optional.empty(), request.notes(), CreatedFrom.AI_AGENT_FORM,
				campaign, request.holdId(), SchedulingJson.idempotencyKey("book", idempotencyKey),
				SchedulingJson.fingerprint(request));
		return booked(booking.book(command), clinic, "Appointment booked successfully.", deposits);
	}

	@PostMapping("/holds")
	@ResponseStatus(HttpStatus.CREATED)
	Booking.HoldView hold(@Valid @RequestBody HoldRequestJson request) {
		ClinicSnapshot clinic = catalog.snapshot();
		Booking.Outcome outcome = booking.hold(request.serviceName(),
				SchedulingJson.instant("appointment_date", request.appointmentDate(), clinic.zone()),
				Optional.ofNullable(request.providerId()));
		if (outcome instanceof Booking.Held held) {
			return held.hold();
		}
		throw SchedulingJson.problem((Booking.Rejected) outcome, clinic);
	}

	@DeleteMapping("/holds/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void release(@PathVariable UUID id) {
		booking.releaseHold(id);
	}

	@PostMapping("/{id}/cancel")
	SchedulingJson.AppointmentJson cancel(@PathVariable UUID id, @Valid @RequestBody PatientChangeJson request) {
		return done(booking.cancel(id, request.reason(), request.actor()), "Appointment cancelled.");
	}

	@PostMapping("/{id}/confirm")
	SchedulingJson.AppointmentJson confirm(@PathVariable UUID id, @Valid @RequestBody PatientChangeJson request) {
		return done(booking.confirm(id, request.actor()), "Appointment confirmed.");
	}

	@PostMapping("/{id}/reschedule")
	SchedulingJson.AppointmentJson reschedule(@PathVariable UUID id, @Valid @RequestBody PatientChangeJson request) {
		ClinicSnapshot clinic = catalog.snapshot();
		return done(booking.reschedule(id,
				SchedulingJson.instant("appointment_date", request.appointmentDate(), clinic.zone()),
				Optional.ofNullable(request.providerId()), request.actor()), "Appointment rescheduled.");
	}

	private SchedulingJson.AppointmentJson done(Booking.Outcome outcome, String message) {
		return deposits.attach(SchedulingJson.done(outcome, message, catalog.snapshot()));
	}

	static ResponseEntity<SchedulingJson.AppointmentJson> booked(Booking.Outcome outcome, ClinicSnapshot clinic,
			String message, DepositNotes deposits) {
		if (outcome instanceof Booking.Done done) {
			return ResponseEntity.created(URI.create("/api/v1/appointments/" + done.appointment().id()))
				.header("Idempotent-Replayed", String.valueOf(done.replayed()))
				.body(deposits.attach(SchedulingJson.AppointmentJson.of(message, done.appointment(), clinic)));
		}
		throw SchedulingJson.problem((Booking.Rejected) outcome, clinic);
	}

	record BookRequestJson(@NotBlank @Size(max = 200) String name, @Size(max = 254) String email,
			@Size(max = 32) String phone, @NotBlank @Size(max = 40) String appointmentDate,
			@NotBlank @Size(max = 120) String serviceName, @Size(max = 10) String dateOfBirth,
			@Size(max = 64) String providerId, @Size(max = 2000) String notes, Channel preferredChannel, UUID holdId,
			@Size(max = 200) String campaignToken) {
	}

	record HoldRequestJson(@NotBlank @Size(max = 120) String serviceName,
			@NotBlank @Size(max = 40) String appointmentDate, @Size(max = 64) String providerId) {
	}

	/**
	 * A patient acting on their own appointment proves who they are with the email or
	 * phone on file.
	 */
	record PatientChangeJson(@Size(max = 254) String email, @Size(max = 32) String phone,
			@Size(max = 40) String appointmentDate, @Size(max = 64) String providerId, @Size(max = 500) String reason) {

		Booking.Actor actor() {
			return new Booking.Actor.Patient(email, phone);
		}

	}

}
