package io.smiledesk.understanding.time;

import java.time.LocalTime;

/**
 * Which time of day the words of a mention fix, apart from any date: "at 3pm" a clock
 * time, "between 2 and 4" a clock range, "in the morning" a part of day, "after 5" an
 * open start, "before noon" an open end. A {@code to} of 00:00 means the end of the day.
 * The assistant uses it to refine: a new day keeps the part of day.
 */
public sealed interface TimeOfDay {

	TimeOfDay NONE = new None();

	record None() implements TimeOfDay {
	}

	record Clock(LocalTime time, Grain grain) implements TimeOfDay {
	}

	record ClockRange(LocalTime from, LocalTime to) implements TimeOfDay {
	}

	/** A named part of the day ("morning", "after work") and its hours. */
	record PartOfDay(String name, LocalTime from, LocalTime to) implements TimeOfDay {
	}

	record After(LocalTime time) implements TimeOfDay {
	}

	record Before(LocalTime time) implements TimeOfDay {
	}

}
