package io.smiledesk.calendar;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.AppointmentEvents.AppointmentBooked;
import io.smiledesk.scheduling.AppointmentEvents.AppointmentCancelled;
import io.smiledesk.scheduling.AppointmentEvents.AppointmentDeleted;
import io.smiledesk.scheduling.AppointmentEvents.AppointmentRescheduled;
import io.smiledesk.scheduling.AppointmentStatus;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Appointments;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import static io.smiledesk.calendar.CalendarFeeds.utc;

/**
 * Puts appointments in their provider's Google Calendar. Every event leads to the same
 * step: make Google show the appointment as it is now. The Google event's id is derived
 * from the appointment's, so a retried insert answers 409 and becomes a patch instead of
 * a second event; the durable event publication registry retries a failed push.
 */
@Component
class CalendarPush {

	/** Marks events SmileDesk wrote, so that the import does not read them as busy. */
	static final String MARK = "smiledeskAppointmentId";

	private final Appointments appointments;

	private final Patients patients;

	private final ClinicCatalog catalog;

	private final CalendarLinks links;

	private final GoogleCalendarApi api;

	private final JdbcClient jdbc;

	private final Clock clock;

	CalendarPush(Appointments appointments, Patients patients, ClinicCatalog catalog, CalendarLinks links,
			GoogleCalendarApi api, JdbcClient jdbc, Clock clock) {
		this.appointments = appointments;
		this.patients = patients;
		this.catalog = catalog;
		this.links = links;
		this.api = api;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(AppointmentBooked event) {
		push(event.appointmentId());
	}

	@ApplicationModuleListener
	void on(AppointmentRescheduled event) {
		push(event.appointmentId());
	}

	@ApplicationModuleListener
	void on(AppointmentCancelled event) {
		push(event.appointmentId());
	}

	@ApplicationModuleListener
	void on(AppointmentDeleted event) {
		push(event.appointmentId());
	}

	static String googleId(UUID appointmentId) {
		// Google's own ids: 5 to 1024 characters of base32hex, which hex digits are
		return appointmentId.toString().replace("-", "");
	}

	/** Makes the provider's calendar show the appointment as it is now. */
	void push(UUID appointmentId) {
		if (!api.configured()) {
			return;
		}
		Optional<AppointmentView> appointment = appointments.find(appointmentId);
		Optional<Pushed> pushed = pushed(appointmentId);
		Optional<CalendarLinks.Link> link = appointment.flatMap(found -> links.ofProvider(found.providerId()));
		boolean shown = appointment.isPresent() && appointment.get().status() != AppointmentStatus.CANCELLED
				&& link.isPresent();
		if (pushed.isPresent() && (!shown || !pushed.get().calendarId().equals(link.get().calendarId()))) {
			remove(pushed.get());
		}
		if (!shown) {
			return;
		}
		ObjectNode body = body(appointment.get(), catalog.snapshot());
		String calendarId = link.get().calendarId();
		String eventId = googleId(appointmentId);
		if (pushed.isPresent() && pushed.get().calendarId().equals(calendarId)) {
			api.patch(calendarId, pushed.get().googleEventId(), body);
		}
		else {
			try {
				api.insert(calendarId, body.put("id", eventId));
			}
			catch (GoogleCalendarApi.Failure ex) {
				if (ex.status() != 409) {
					throw ex;
				}
				// inserted before, by a push that failed afterwards
				body.remove("id");
				api.patch(calendarId, eventId, body.put("status", "confirmed"));
			}
			jdbc.sql("""
					insert into google_calendar_event
					(appointment_id, clinic_id, provider_id, calendar_id, google_event_id, updated_at)
					values (?, ?, ?, ?, ?, ?)""")
				.params(appointmentId, Clinics.DEFAULT, appointment.get().providerId(), calendarId, eventId,
						utc(clock.instant()))
				.update();
		}
	}

	private void remove(Pushed pushed) {
		try {
			api.delete(pushed.calendarId(), pushed.googleEventId());
		}
		catch (GoogleCalendarApi.Failure ex) {
			// already gone (the provider deleted it): nothing left to remove
			if (ex.status() != 404 && ex.status() != 410) {
				throw ex;
			}
		}
		jdbc.sql("delete from google_calendar_event where appointment_id = ?").param(pushed.appointmentId()).update();
	}

	private ObjectNode body(AppointmentView appointment, ClinicSnapshot clinic) {
		ZoneId zone = clinic.zone();
		String service = clinic.serviceById(appointment.serviceId()).map(ServiceInfo::name).orElse("Appointment");
		String patient = patients.findAll(List.of(appointment.patientId()))
			.values()
			.stream()
			.findFirst()
			.map(PatientSummary::name)
			.orElse(null);
		ObjectNode body = GoogleCalendarApi.JSON.createObjectNode();
		body.put("summary", EventTitles.title(service, patient));
		body.put("description", "Booked in SmileDesk (" + clinic.profile().name() + ").");
		body.putObject("start")
			.put("dateTime", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(appointment.start().atZone(zone)))
			.put("timeZone", zone.getId());
		body.putObject("end")
			.put("dateTime", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(appointment.end().atZone(zone)))
			.put("timeZone", zone.getId());
		body.put("transparency", "opaque");
		body.putObject("extendedProperties").putObject("private").put(MARK, appointment.id().toString());
		return body;
	}

	private Optional<Pushed> pushed(UUID appointmentId) {
		return jdbc
			.sql("select appointment_id, calendar_id, google_event_id from google_calendar_event "
					+ "where appointment_id = ?")
			.param(appointmentId)
			.query((rs, row) -> new Pushed(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
			.optional();
	}

	private record Pushed(UUID appointmentId, String calendarId, String googleEventId) {
	}

}
