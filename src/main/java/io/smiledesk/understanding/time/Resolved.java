package io.smiledesk.understanding.time;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A time resolved in clinic-local time: a value ({@code to} null) or an interval (either
 * end may be null), with the date and time of day the words fixed. {@code offset} is set
 * for a moment computed on the time line ("in an hour" across the fall-back hour), where
 * the local time alone is ambiguous.
 */
record Resolved(LocalDateTime from, LocalDateTime to, boolean value, Grain grain, DatePart date, TimeOfDay time,
		ZoneOffset offset) {

	static Resolved value(LocalDateTime at, Grain grain, DatePart date, TimeOfDay time) {
		return new Resolved(at, null, true, grain, date, time, null);
	}

	static Resolved interval(LocalDateTime from, LocalDateTime to, Grain grain, DatePart date, TimeOfDay time) {
		return new Resolved(from, to, false, grain, date, time, null);
	}

	Resolved at(ZoneOffset offset) {
		return new Resolved(from, to, value, grain, date, time, offset);
	}

	/** Where the reading starts, or null when open. */
	LocalDateTime start() {
		return from;
	}

	/** Where it ends (exclusive), or null when open. */
	LocalDateTime end() {
		return value ? grain.after(from) : to;
	}

}
