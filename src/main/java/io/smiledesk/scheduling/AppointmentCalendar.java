package io.smiledesk.scheduling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.UUID;

import io.smiledesk.clinic.ClinicProfile;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ProviderInfo;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.system.FieldCipher;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import org.springframework.stereotype.Component;

/**
 * Calendar files (iCalendar) of appointments for patients' calendar apps. The link
 * carries a keyed token of the appointment's id, so only whoever was given the link can
 * fetch the file; it always shows the appointment as it is now (moved, cancelled). Times
 * are written in UTC, which every calendar app reads without a time-zone block.
 */
@Component
public class AppointmentCalendar {

	private static final int TOKEN_HEX = 32;

	private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

	private final FieldCipher cipher;

	AppointmentCalendar(FieldCipher cipher) {
		this.cipher = cipher;
	}

	/** The file's path on this server, with its token. */
	public String path(UUID appointmentId) {
		return "/api/v1/appointments/" + appointmentId + "/calendar.ics?token=" + token(appointmentId);
	}

	boolean grants(UUID appointmentId, String token) {
		return token != null && MessageDigest.isEqual(token(appointmentId).getBytes(StandardCharsets.US_ASCII),
				token.getBytes(StandardCharsets.US_ASCII));
	}

	private String token(UUID appointmentId) {
		return cipher.blindIndex("appointment calendar " + appointmentId).substring(0, TOKEN_HEX);
	}

	String ics(AppointmentView appointment, ClinicSnapshot clinic) {
		ClinicProfile profile = clinic.profile();
		String service = clinic.serviceById(appointment.serviceId()).map(ServiceInfo::name).orElse("Appointment");
		String provider = clinic.provider(appointment.providerId()).map(ProviderInfo::name).orElse(null);
		VEvent event = new VEvent(appointment.start(), appointment.end(), service + " at " + profile.name());
		// the event's stamp is when the appointment last changed, not when the file was
		// made, and the sequence grows with each change so that apps update their copy
		event.replace(new DtStamp(appointment.updatedAt()));
		event.add(new Uid(appointment.id() + "@smiledesk"));
		event.add(new Sequence(sequence(appointment)));
		event.add(new Location(address(profile.address())));
		event.add(new Description((provider == null ? "" : "With " + provider + ". ") + "To change or cancel it, call "
				+ profile.phone() + " or write to us in the chat."));
		event.add(new Status(
				appointment.status() == AppointmentStatus.CANCELLED ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//SmileDesk//Appointments//EN"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(new Method(Method.VALUE_PUBLISH));
		calendar.add(event);
		return calendar.toString();
	}

	/**
	 * The invitation an email carries: in the clinic's time zone with its VTIMEZONE, so
	 * every calendar app shows the clinic's clock; the same UID each time with a higher
	 * SEQUENCE, METHOD:CANCEL once it is cancelled, so apps update their copy.
	 */
	public String invitation(AppointmentView appointment, ClinicSnapshot clinic, String attendeeEmail) {
		ClinicProfile profile = clinic.profile();
		boolean cancelled = appointment.status() == AppointmentStatus.CANCELLED;
		String service = clinic.serviceById(appointment.serviceId()).map(ServiceInfo::name).orElse("Appointment");
		String provider = clinic.provider(appointment.providerId()).map(ProviderInfo::name).orElse(null);
		VEvent event = new VEvent(appointment.start().atZone(clinic.zone()), appointment.end().atZone(clinic.zone()),
				service + " at " + profile.name());
		event.replace(new DtStamp(appointment.updatedAt()));
		event.add(new Uid(appointment.id() + "@smiledesk"));
		event.add(new Sequence(sequence(appointment)));
		event.add(new Location(address(profile.address())));
		event.add(new Description((provider == null ? "" : "With " + provider + ". ") + "To change or cancel it, call "
				+ profile.phone() + " or reply to this email."));
		event.add(new Status(cancelled ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
		if (profile.email() != null) {
			event.add(new Organizer("mailto:" + profile.email()));
		}
		if (attendeeEmail != null) {
			event.add(new Attendee("mailto:" + attendeeEmail));
		}
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//SmileDesk//Appointments//EN"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(new Method(cancelled ? Method.VALUE_CANCEL : Method.VALUE_REQUEST));
		calendar.add(ZONES.getTimeZone(clinic.zone().getId()).getVTimeZone());
		calendar.add(event);
		return calendar.toString();
	}

	/** Grows with each change of the appointment (seconds since it was booked). */
	private static int sequence(AppointmentView appointment) {
		return (int) (appointment.updatedAt().getEpochSecond() - appointment.createdAt().getEpochSecond());
	}

	private static String address(ClinicProfile.Address address) {
		StringBuilder text = new StringBuilder(address.line()).append(", ").append(address.city());
		if (address.region() != null && !address.region().isBlank()) {
			text.append(", ").append(address.region());
		}
		if (address.postalCode() != null && !address.postalCode().isBlank()) {
			text.append(" ").append(address.postalCode());
		}
		return text.toString();
	}

}
