package io.smiledesk.clinic;

import java.time.LocalTime;

/** A clinic-local time of day interval, start inclusive, end exclusive. */
public record TimeRange(LocalTime start, LocalTime end) {

	public TimeRange {
		if (!start.isBefore(end)) {
			throw new IllegalArgumentException("start " + start + " must be before end " + end);
		}
	}

	public static TimeRange of(String start, String end) {
		return new TimeRange(LocalTime.parse(start), LocalTime.parse(end));
	}

}
