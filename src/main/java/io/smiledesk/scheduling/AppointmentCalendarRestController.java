package io.smiledesk.scheduling;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.system.ApiProblem;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An appointment as a calendar file, at the link given to the patient (chat replies carry
 * it). A wrong or missing token is answered like an unknown appointment.
 */
@RestController
class AppointmentCalendarRestController {

	static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	private final AppointmentCalendar calendar;

	private final Appointments appointments;

	private final ClinicCatalog catalog;

	AppointmentCalendarRestController(AppointmentCalendar calendar, Appointments appointments, ClinicCatalog catalog) {
		this.calendar = calendar;
		this.appointments = appointments;
		this.catalog = catalog;
	}

	@GetMapping("/api/v1/appointments/{id}/calendar.ics")
	ResponseEntity<String> calendar(@PathVariable UUID id, @RequestParam(required = false) String token) {
		AppointmentView appointment = Optional.of(id)
			.filter(appointmentId -> calendar.grants(appointmentId, token))
			.flatMap(appointments::find)
			.orElseThrow(() -> ApiProblem.notFound("appointment", "No appointment calendar at this link."));
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("appointment.ics").build().toString())
			.body(calendar.ics(appointment, catalog.snapshot()));
	}

}
