package io.smiledesk.understanding.time;

import java.time.LocalDateTime;
import java.util.Locale;

/** How precise a reading is: the calendar unit its value or its ends stand for. */
public enum Grain {

	MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER, YEAR;

	/** The end of the unit that starts at {@code start}. */
	LocalDateTime after(LocalDateTime start) {
		return switch (this) {
			case MINUTE -> start.plusMinutes(1);
			case HOUR -> start.plusHours(1);
			case DAY -> start.plusDays(1);
			case WEEK -> start.plusWeeks(1);
			case MONTH -> start.plusMonths(1);
			case QUARTER -> start.plusMonths(3);
			case YEAR -> start.plusYears(1);
		};
	}

	boolean clock() {
		return this == MINUTE || this == HOUR;
	}

	/** The contract's spelling: "minute", "hour", "day"... */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Grain of(String label) {
		return valueOf(label.toUpperCase(Locale.ROOT));
	}

}
