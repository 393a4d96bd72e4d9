package io.smiledesk.calendar;

import java.util.Locale;

/**
 * What a staff calendar calls an appointment: the service and the patient's first name
 * with the last name's initial. Staff phones get lost and show notifications on locked
 * screens, so a full name (with the service, a health detail) is more than a glance
 * needs.
 */
final class EventTitles {

	private EventTitles() {
	}

	static String title(String service, String patientName) {
		String who = shortName(patientName);
		return who.isEmpty() ? service : service + " – " + who;
	}

	static String shortName(String name) {
		if (name == null || name.isBlank()) {
			return "";
		}
		String[] parts = name.strip().split("\\s+");
		if (parts.length == 1) {
			return parts[0];
		}
		String last = parts[parts.length - 1];
		return parts[0] + " " + last.substring(0, 1).toUpperCase(Locale.ROOT) + ".";
	}

}
