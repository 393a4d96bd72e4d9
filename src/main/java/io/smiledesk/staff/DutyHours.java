package io.smiledesk.staff;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * One stretch of a member of staff's weekly duty, in the clinic's local time; it ends
 * before midnight (a night shift is two stretches).
 */
public record DutyHours(DayOfWeek day, LocalTime start, LocalTime end) {

	public boolean covers(DayOfWeek day, LocalTime time) {
		return this.day == day && !time.isBefore(start) && time.isBefore(end);
	}

	boolean overlaps(DutyHours other) {
		return day == other.day && start.isBefore(other.end) && other.start.isBefore(end);
	}

}
