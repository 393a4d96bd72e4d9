package io.smiledesk.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * One reminder before an appointment.
 *
 * @param code how staff and the ledger name it ({@code 7d}, {@code 2h})
 * @param before how long before the start; whole days count in the clinic's calendar (the
 * same wall-clock time, across a change of clocks), anything else in elapsed time
 * @param asksConfirmation whether it asks the patient to confirm
 */
record ReminderRule(String code, Duration before, boolean asksConfirmation, boolean enabled) {

	private static final Pattern CODE = Pattern.compile("[a-z0-9_-]{1,40}");

	ReminderRule {
		if (code == null || !CODE.matcher(code).matches()) {
			throw new InvalidReminderSettings(InvalidReminderSettings.Part.RULE,
					"A rule's code is 1 to 40 lower-case letters, digits, - or _.");
		}
		if (before == null || before.isNegative() || before.isZero() || before.compareTo(Duration.ofDays(60)) > 0) {
			throw new InvalidReminderSettings(InvalidReminderSettings.Part.RULE,
					"A reminder goes between one minute and 60 days before the visit.");
		}
	}

	/** When this reminder is due for an appointment starting at {@code start}. */
	Instant dueFor(Instant start, ZoneId zone) {
		if (before.toMinutesPart() == 0 && before.toHoursPart() == 0) {
			return start.atZone(zone).minusDays(before.toDays()).toInstant();
		}
		return start.minus(before);
	}

}
