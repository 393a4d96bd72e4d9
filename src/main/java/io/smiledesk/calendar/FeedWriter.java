package io.smiledesk.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ProviderInfo;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.AppointmentStatus;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Appointments;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import org.springframework.stereotype.Component;

/**
 * A staff feed: the appointments of one provider (or all) from some days back to some
 * weeks ahead, in clinic-local time with the zone's VTIMEZONE. Cancelled appointments
 * stay in with STATUS:CANCELLED, so that a phone that had them drops them rather than
 * keeping a stale copy. The UID is the appointment's, so moves update the same event.
 */
@Component
class FeedWriter {

	private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

	private final Appointments appointments;

	private final Patients patients;

	private final ClinicCatalog catalog;

	private final CalendarProperties properties;

	private final Clock clock;

	FeedWriter(Appointments appointments, Patients patients, ClinicCatalog catalog, CalendarProperties properties,
			Clock clock) {
		this.appointments = appointments;
		this.patients = patients;
		this.catalog = catalog;
		this.properties = properties;
		this.clock = clock;
	}

	String write(CalendarFeeds.Feed feed) {
		ClinicSnapshot clinic = catalog.snapshot();
		ZoneId zone = clinic.zone();
		LocalDate today = clock.instant().atZone(zone).toLocalDate();
		Instant from = today.minusDays(properties.feeds().daysBack()).atStartOfDay(zone).toInstant();
		Instant to = today.plusWeeks(properties.feeds().weeksAhead()).plusDays(1).atStartOfDay(zone).toInstant();
		List<AppointmentView> shown = appointments.between(from, to, Optional.ofNullable(feed.providerId()),
				Optional.empty(), Set.of());
		Map<UUID, PatientSummary> names = patients.findAll(shown.stream().map(AppointmentView::patientId).toList());
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//SmileDesk//Staff calendar//EN"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(new Method(Method.VALUE_PUBLISH));
		calendar.add(new XProperty("X-WR-CALNAME", name(clinic, feed)));
		calendar.add(new XProperty("X-WR-TIMEZONE", zone.getId()));
		calendar.add(ZONES.getTimeZone(zone.getId()).getVTimeZone());
		for (AppointmentView appointment : shown) {
			PatientSummary patient = names.get(appointment.patientId());
			calendar.add(event(appointment, clinic, zone, patient == null ? null : patient.name()));
		}
		return calendar.toString();
	}

	private static VEvent event(AppointmentView appointment, ClinicSnapshot clinic, ZoneId zone, String patientName) {
		String service = clinic.serviceById(appointment.serviceId()).map(ServiceInfo::name).orElse("Appointment");
		VEvent event = new VEvent(appointment.start().atZone(zone), appointment.end().atZone(zone),
				EventTitles.title(service, patientName));
		event.replace(new DtStamp(appointment.updatedAt()));
		event.add(new Uid(appointment.id() + "@smiledesk"));
		event.add(new Sequence(
				(int) (appointment.updatedAt().getEpochSecond() - appointment.createdAt().getEpochSecond())));
		String provider = clinic.provider(appointment.providerId()).map(ProviderInfo::name).orElse("");
		event.add(new Description((provider.isEmpty() ? "" : "With " + provider + ". ") + "Status: "
				+ appointment.status().name().toLowerCase(java.util.Locale.ROOT) + "."));
		event.add(new Status(
				appointment.status() == AppointmentStatus.CANCELLED ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
		return event;
	}

	private static String name(ClinicSnapshot clinic, CalendarFeeds.Feed feed) {
		String clinicName = clinic.profile().name();
		if (feed.providerId() == null) {
			return clinicName;
		}
		return clinic.provider(feed.providerId()).map(ProviderInfo::name).orElse(feed.providerId()) + " – "
				+ clinicName;
	}

}
