package io.smiledesk.understanding.time;

import java.time.LocalDate;

/**
 * Which date the words of a mention fix, apart from any time of day: "Tuesday" fixes a
 * day, "next week" a span of days, "at 3pm" none. The assistant uses it to refine: a new
 * time keeps the day.
 */
public sealed interface DatePart {

	DatePart NONE = new None();

	record None() implements DatePart {
	}

	record Day(LocalDate date) implements DatePart {
	}

	/** Days from {@code from} to {@code until}, exclusive. */
	record Days(LocalDate from, LocalDate until) implements DatePart {
	}

}
