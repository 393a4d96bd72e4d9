package io.smiledesk.clinic;

import java.time.DayOfWeek;
import java.time.LocalTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A recurring weekly interval: opening hours, working hours, a break. */
@Embeddable
class WeeklyPeriod {

	@Enumerated(EnumType.STRING)
	@Column(name = "day_of_week", nullable = false, length = 10)
	private DayOfWeek dayOfWeek;

	@Column(name = "starts_at", nullable = false)
	private LocalTime startsAt;

	@Column(name = "ends_at", nullable = false)
	private LocalTime endsAt;

	protected WeeklyPeriod() {
	}

	WeeklyPeriod(DayOfWeek dayOfWeek, TimeRange range) {
		this.dayOfWeek = dayOfWeek;
		this.startsAt = range.start();
		this.endsAt = range.end();
	}

	DayOfWeek dayOfWeek() {
		return dayOfWeek;
	}

	TimeRange range() {
		return new TimeRange(startsAt, endsAt);
	}

}
