package io.smiledesk.reminder;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A clinic's reminder rules.
 *
 * @param channels the order to try channels in; {@code PREFERRED} is the patient's own
 * @param skipIfBookedWithin a reminder is not sent for a visit booked this shortly before
 * it was due (the booking's own confirmation says it all)
 * @param missedYou whether a patient who missed a visit gets a word with a rebooking link
 */
record ReminderSettings(List<ReminderRule> rules, List<ReminderChannel> channels, Duration skipIfBookedWithin,
		boolean missedYou) {

	/** 7 days and 2 days before, both asking to confirm; 2 hours before, a last word. */
	static final ReminderSettings DEFAULTS = new ReminderSettings(
			List.of(new ReminderRule("7d", Duration.ofDays(7), true, true),
					new ReminderRule("2d", Duration.ofDays(2), true, true),
					new ReminderRule("2h", Duration.ofHours(2), false, true)),
			List.of(ReminderChannel.PREFERRED, ReminderChannel.SMS, ReminderChannel.EMAIL), Duration.ofHours(12),
			false);

	static final int MAX_RULES = 6;

	ReminderSettings {
		if (rules.size() > MAX_RULES) {
			throw new InvalidReminderSettings(InvalidReminderSettings.Part.RULES,
					"At most " + MAX_RULES + " reminder rules.");
		}
		Set<String> codes = new HashSet<>();
		for (ReminderRule rule : rules) {
			if (!codes.add(rule.code())) {
				throw new InvalidReminderSettings(InvalidReminderSettings.Part.RULES,
						"Two rules are called " + rule.code() + ".");
			}
		}
		if (channels.isEmpty() || channels.size() != new HashSet<>(channels).size()) {
			throw new InvalidReminderSettings(InvalidReminderSettings.Part.CHANNELS,
					"Name each channel once, at least one.");
		}
		if (skipIfBookedWithin.isNegative() || skipIfBookedWithin.compareTo(Duration.ofDays(7)) > 0) {
			throw new InvalidReminderSettings(InvalidReminderSettings.Part.BOOKED_WITHIN,
					"The booked-within window is between 0 and 7 days.");
		}
		// longest first: the order they go out in
		rules = rules.stream().sorted(Comparator.comparing(ReminderRule::before).reversed()).toList();
		channels = List.copyOf(channels);
	}

	Duration longest() {
		return rules.stream().map(ReminderRule::before).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
	}

}
