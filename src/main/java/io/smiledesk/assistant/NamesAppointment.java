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

	/**
	 * "I have a cleaning next week" tells of one already booked; "I have a filling to do"
	 * does not.
	 */
	private static final Pattern HAVE = Pattern.compile(
			"\\b(i|we)\\s*(have|'ve got|ve got|got|am booked for|'m booked for|m booked for)\\s+(a|an)\\s+(\\w+\\s+)?(appointment|appt|booking|visit|cleaning|filling|checkup|check-up|exam|whitening|consultation)\\s+(booked|scheduled|coming up|on|next|this|tomorrow|today|at|in)\\b",
			Pattern.CASE_INSENSITIVE);

	private NamesAppointment() {
	}

	static boolean in(String text) {
		return EXISTING.matcher(text).find() || told(text);
	}

	/** "I have a cleaning next week": an appointment the patient tells of having. */
	static boolean told(String text) {
		return HAVE.matcher(text).find();
	}

}
