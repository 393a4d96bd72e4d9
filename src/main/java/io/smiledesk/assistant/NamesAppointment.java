package io.smiledesk.assistant;

import java.util.regex.Pattern;

/**
 * Whether a message speaks of an appointment the patient already has ("cancel my cleaning
 * next week"), as opposed to the booking being made ("cancel that").
 */
final class NamesAppointment {

	private static final Pattern EXISTING = Pattern.compile(
			"\\b(my|the other|existing|upcoming|current)\\s+(\\w+\\s+)?(appointment|appt|booking|visit|cleaning|filling|checkup|check-up|exam|whitening|consultation|cita|rendez-vous|rdv)s?\\b",
			Pattern.CASE_INSENSITIVE);

	private NamesAppointment() {
	}

	static boolean in(String text) {
		return EXISTING.matcher(text).find();
	}

}
