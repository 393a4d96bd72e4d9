package io.smiledesk.reminder;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.smiledesk.clinic.ClinicProfile;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/** What reminders say, from the {@code i18n/reminder} bundle. */
@Component
class ReminderWording {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	ReminderWording() {
		messages.setBasename("i18n/reminder");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		messages.setAlwaysUseMessageFormat(true);
	}

	String text(String key, Object... args) {
		return messages.getMessage(key, args, Locale.ENGLISH);
	}

	static String day(Instant instant, ZoneId zone) {
		return DAY.format(instant.atZone(zone));
	}

	static String time(Instant instant, ZoneId zone) {
		return TIME.format(instant.atZone(zone));
	}

	static String address(ClinicProfile profile) {
		ClinicProfile.Address address = profile.address();
		if (address == null) {
			return profile.name();
		}
		return address.line() + ", " + address.city();
	}

}
