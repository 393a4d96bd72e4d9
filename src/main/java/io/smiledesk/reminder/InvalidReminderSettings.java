package io.smiledesk.reminder;

/** Settings that cannot work, naming the part that is wrong. */
class InvalidReminderSettings extends IllegalArgumentException {

	enum Part {

		RULE, RULES, CHANNELS, BOOKED_WITHIN

	}

	private final Part part;

	InvalidReminderSettings(Part part, String message) {
		super(message);
		this.part = part;
	}

	Part part() {
		return part;
	}

}
