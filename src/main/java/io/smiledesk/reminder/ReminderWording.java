package io.smiledesk.reminder;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.smiledesk.clinic.ClinicProfile;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.AppointmentView;

import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * What reminders and booking emails say, from the {@code i18n/reminder} bundles, in the
 * language the patient last booked in (English when none is recorded or it is not one the
 * bundles speak).
 */
@Component
class ReminderWording {

	private static final Map<String, Locale> LANGUAGES = Map.of("en", Locale.ENGLISH, "es", Locale.forLanguageTag("es"),
			"fr", Locale.FRENCH);

	private static final Map<String, DateTimeFormatter> DAYS = Map.of("en",
			DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.ENGLISH), "es",
			DateTimeFormatter.ofPattern("EEEE d 'de' MMMM", LANGUAGES.get("es")), "fr",
			DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.FRENCH));

	private static final Map<String, DateTimeFormatter> TIMES = Map.of("en",
			DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH), "es",
			DateTimeFormatter.ofPattern("H:mm", LANGUAGES.get("es")), "fr",
			DateTimeFormatter.ofPattern("H'h'mm", Locale.FRENCH));

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	private final Patients patients;

	ReminderWording(Patients patients) {
		this.patients = patients;
		// the services' names come from the assistant's bundles: the names patients see
		// in chat
		messages.setBasenames("i18n/reminder", "i18n/assistant");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		messages.setAlwaysUseMessageFormat(true);
	}

	/** The locale to write to the patient in. */
	Locale localeOf(PatientId patient) {
		return locale(patients.language(patient).orElse(null));
	}

	static Locale locale(String language) {
		return language == null ? Locale.ENGLISH : LANGUAGES.getOrDefault(language, Locale.ENGLISH);
	}

	String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	/** The service's name in the patient's language, else the catalog's. */
	String service(Locale locale, ClinicSnapshot clinic, AppointmentView visit) {
		String catalog = ReminderSending.service(clinic, visit);
		if (Locale.ENGLISH.equals(locale)) {
			return catalog;
		}
		try {
			return messages.getMessage("service." + visit.serviceId(), null, locale);
		}
		catch (NoSuchMessageException ex) {
			return catalog;
		}
	}

	static String day(Locale locale, Instant instant, ZoneId zone) {
		return formatter(DAYS, locale).format(instant.atZone(zone));
	}

	static String time(Locale locale, Instant instant, ZoneId zone) {
		return formatter(TIMES, locale).format(instant.atZone(zone));
	}

	private static DateTimeFormatter formatter(Map<String, DateTimeFormatter> formats, Locale locale) {
		return Optional.ofNullable(formats.get(locale.getLanguage())).orElse(formats.get("en"));
	}

	static String address(ClinicProfile profile) {
		ClinicProfile.Address address = profile.address();
		if (address == null) {
			return profile.name();
		}
		return address.line() + ", " + address.city();
	}

}
