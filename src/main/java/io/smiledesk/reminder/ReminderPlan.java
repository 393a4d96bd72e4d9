package io.smiledesk.reminder;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which of an appointment's reminders to send now, which to pass over, from the rules
 * alone: plain arithmetic, tested without a database.
 */
final class ReminderPlan {

	private ReminderPlan() {
	}

	/** A reminder due at {@code dueAt}. */
	record Due(ReminderRule rule, Instant dueAt) {
	}

	/**
	 * @param send the reminder to send now, if any: of the due ones not yet handled, the
	 * one nearest the visit (an instance that was down sends one, not three)
	 * @param skipped due ones passed over, each with why
	 */
	record Decision(Optional<Due> send, List<Skip> skipped) {
	}

	record Skip(Due due, String reason) {
	}

	/**
	 * @param handled codes of the rules already in the ledger for this start
	 */
	static Decision decide(ReminderSettings settings, Instant start, Instant bookedAt, Instant now, ZoneId zone,
			Set<String> handled) {
		List<Skip> skipped = new ArrayList<>();
		Due send = null;
		for (ReminderRule rule : settings.rules()) {
			if (!rule.enabled() || handled.contains(rule.code())) {
				continue;
			}
			Due due = new Due(rule, rule.dueFor(start, zone));
			if (due.dueAt().isAfter(now)) {
				continue;
			}
			if (!now.isBefore(start)) {
				skipped.add(new Skip(due, "the visit has begun"));
			}
			else if (bookedAt.isAfter(due.dueAt().minus(settings.skipIfBookedWithin()))) {
				skipped.add(new Skip(due, "booked too shortly before it was due"));
			}
			else {
				if (send != null) {
					skipped.add(new Skip(send, "a later reminder went instead"));
				}
				// rules run longest first, so the last one kept is nearest the visit
				send = due;
			}
		}
		return new Decision(Optional.ofNullable(send), skipped);
	}

}
