package io.smiledesk.understanding.time;

/**
 * The time-of-day side of a time: a clock time, a clock range, a part of the day, or an
 * open start or end. Clocks stay as written until resolved, so that a part of the day can
 * still decide their meridiem.
 */
sealed interface Tod {

	record At(Clock clock) implements Tod {
	}

	record Range(Clock from, Clock to) implements Tod {
	}

	/** A named part of the day, in minutes of the day, {@code to} up to 1440. */
	record Part(String name, int from, int to) implements Tod {

		static Part parse(String value) {
			// "morning 04:00 12:00"
			String[] fields = value.split(" ");
			return new Part(fields[0], minutes(fields[1]), minutes(fields[2]));
		}

		private static int minutes(String clock) {
			return Integer.parseInt(clock.substring(0, 2)) * 60 + Integer.parseInt(clock.substring(3, 5));
		}

	}

	record After(Clock clock) implements Tod {
	}

	record Before(Clock clock) implements Tod {
	}

}
