package io.smiledesk.understanding.time;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Turns a time into its literal reading, future first: fields become the next matching
 * date on or after the base day; a time of day without a date is today's while still
 * ahead (a clock time at or after now, a part or a range not yet ended), else tomorrow's.
 */
final class Resolver {

	/** How far ahead fields are looked for: "Feb 29" waits for a leap year. */
	private static final int SEARCH_DAYS = 366 * 8;

	private Resolver() {
	}

	static Resolved resolve(Time time, Parse parse) {
		return resolve(time, parse, parse.today());
	}

	/**
	 * The day from which the most recent past occurrence of a date without a year is
	 * looked for ("since Christmas", "my last cleaning was Oct 2"), or null when the date
	 * already fixes its year or is relative to today.
	 */
	static LocalDate pastBase(DateSpec spec, LocalDate today) {
		if (!(spec instanceof DateSpec.Fields fields) || fields.year() != null) {
			return null;
		}
		if (fields.month() == null && fields.day() == null) {
			return fields.weekday() == null ? null : today.minusDays(7);
		}
		// "I lost it on the 12th": the last 12th, within the month gone by
		return fields.month() == null ? today.minusMonths(1).plusDays(1) : today.minusYears(1).plusDays(1);
	}

	/** Resolved with its date looked for from {@code base} on (the end of a range). */
	static Resolved resolve(Time time, Parse parse, LocalDate base) {
		if (time.done() != null) {
			return time.done();
		}
		if (time.date() == null && time.tod() == null) {
			return null;
		}
		DateSpec.Days days = time.date() == null ? null : days(time.date(), base);
		if (time.date() != null && days == null) {
			return null;
		}
		if (time.tod() == null) {
			DatePart part = part(days);
			return days.unit() ? Resolved.value(days.from().atStartOfDay(), days.grain(), part, TimeOfDay.NONE)
					: Resolved.interval(days.from().atStartOfDay(), days.to().atStartOfDay(), Grain.DAY, part,
							TimeOfDay.NONE);
		}
		LocalDate first = days != null ? days.from() : dayFor(time.tod(), parse.now());
		LocalDate last = days != null ? days.to().minusDays(1) : first;
		return withTod(first, last, time.tod(), part(days));
	}

	/** A time of day on a day (or from the first to the last of several days). */
	static Resolved withTod(LocalDate first, LocalDate last, Tod tod, DatePart part) {
		if (tod instanceof Tod.At at) {
			int minute = at.clock().minuteOfDay();
			LocalDateTime start = first.atStartOfDay().plusMinutes(minute);
			TimeOfDay clock = new TimeOfDay.Clock(LocalTime.of(minute / 60 % 24, minute % 60), at.clock().grain());
			if (!last.equals(first)) {
				return Resolved.interval(start, at.clock().grain().after(last.atStartOfDay().plusMinutes(minute)),
						at.clock().grain(), part, clock);
			}
			return Resolved.value(start, at.clock().grain(), part, clock);
		}
		if (tod instanceof Tod.Range range) {
			int[] minutes = minutes(range, null);
			Grain grain = range.from().minutes() || range.to().minutes() ? Grain.MINUTE : Grain.HOUR;
			return Resolved.interval(first.atStartOfDay().plusMinutes(minutes[0]),
					last.atStartOfDay().plusMinutes(minutes[1]), grain, part,
					new TimeOfDay.ClockRange(time(minutes[0]), time(minutes[1])));
		}
		if (tod instanceof Tod.Part p) {
			return Resolved.interval(first.atStartOfDay().plusMinutes(p.from()),
					last.atStartOfDay().plusMinutes(p.to()), Grain.HOUR, part,
					new TimeOfDay.PartOfDay(p.name(), time(p.from()), time(p.to())));
		}
		if (tod instanceof Tod.After after) {
			int minute = after.clock().minuteOfDay();
			return Resolved.interval(first.atStartOfDay().plusMinutes(minute), null, after.clock().grain(), part,
					new TimeOfDay.After(time(minute)));
		}
		Tod.Before before = (Tod.Before) tod;
		int minute = before.clock().minuteOfDay();
		return Resolved.interval(null, last.atStartOfDay().plusMinutes(minute), before.clock().grain(), part,
				new TimeOfDay.Before(time(minute)));
	}

	/**
	 * The minutes of day of a range's ends: the end's meridiem applies to the start when
	 * it makes the start earlier ("2-4pm", not "10-2pm"); an end not after the start is
	 * read in the afternoon ("7-9") or the next day ("10pm-2am").
	 */
	static int[] minutes(Tod.Range range, Tod.Part within) {
		Clock a = range.from();
		Clock b = range.to();
		int end = within != null ? b.minuteOfDay(within.from(), within.to()) : b.minuteOfDay();
		int start = within != null ? a.minuteOfDay(within.from(), within.to()) : a.minuteOfDay();
		boolean saidEnd = b.meridiem() == Clock.Meridiem.AM || b.meridiem() == Clock.Meridiem.PM;
		if (a.meridiem() == Clock.Meridiem.NONE && a.hour() <= 12 && saidEnd && within == null) {
			int same = a.with(b.meridiem()).minuteOfDay();
			if (same < end) {
				start = same;
			}
		}
		if (end <= start && b.meridiem() == Clock.Meridiem.NONE && b.hour() < 12 && end + 720 > start) {
			end += 720;
		}
		if (end <= start) {
			end += Clock.DAY;
		}
		return new int[] { start, end };
	}

	/** Today while the time of day is still ahead, else tomorrow. */
	static LocalDate dayFor(Tod tod, LocalDateTime now) {
		LocalDate today = now.toLocalDate();
		int minuteNow = minute(now);
		boolean ahead;
		if (tod instanceof Tod.At at) {
			ahead = at.clock().minuteOfDay() >= minuteNow;
		}
		else if (tod instanceof Tod.Range range) {
			ahead = minutes(range, null)[1] > minuteNow;
		}
		else if (tod instanceof Tod.Part part) {
			ahead = part.to() > minuteNow;
		}
		else if (tod instanceof Tod.Before before) {
			ahead = before.clock().minuteOfDay() > minuteNow;
		}
		else {
			ahead = true;
		}
		return ahead ? today : today.plusDays(1);
	}

	/** The days a date side stands for, future first from {@code base}; null if none. */
	static DateSpec.Days days(DateSpec spec, LocalDate base) {
		if (spec instanceof DateSpec.Days days) {
			return days;
		}
		DateSpec.Fields fields = (DateSpec.Fields) spec;
		if (fields.day() == null && fields.weekday() == null) {
			if (fields.month() == null) {
				return DateSpec.Days.unit(LocalDate.of(fields.year(), 1, 1), Grain.YEAR);
			}
			int year = fields.year() != null ? fields.year()
					: fields.month() >= base.getMonthValue() ? base.getYear() : base.getYear() + 1;
			return DateSpec.Days.unit(LocalDate.of(year, fields.month(), 1), Grain.MONTH);
		}
		if (fields.year() != null && fields.month() != null && fields.day() != null) {
			LocalDate date = Calendar.date(fields.year(), fields.month(), fields.day());
			return date == null ? null : DateSpec.Days.day(date);
		}
		if (fields.day() == null && fields.month() == null && fields.year() == null) {
			return DateSpec.Days.day(Calendar.nextOrSame(base, fields.weekday()));
		}
		// a month and day name the date even when the weekday said disagrees
		boolean useWeekday = fields.weekday() != null && (fields.month() == null || fields.day() == null);
		LocalDate date = base;
		for (int i = 0; i < SEARCH_DAYS; i++, date = date.plusDays(1)) {
			if ((fields.day() == null || date.getDayOfMonth() == fields.day())
					&& (fields.month() == null || date.getMonthValue() == fields.month())
					&& (fields.year() == null || date.getYear() == fields.year())
					&& (!useWeekday || date.getDayOfWeek() == fields.weekday())) {
				return DateSpec.Days.day(date);
			}
			if (useWeekday && fields.day() != null && i > 400) {
				return null;
			}
		}
		return null;
	}

	private static DatePart part(DateSpec.Days days) {
		if (days == null) {
			return DatePart.NONE;
		}
		return days.oneDay() ? new DatePart.Day(days.from()) : new DatePart.Days(days.from(), days.to());
	}

	private static LocalTime time(int minuteOfDay) {
		return LocalTime.of(minuteOfDay / 60 % 24, minuteOfDay % 60);
	}

	private static int minute(LocalDateTime now) {
		return now.getHour() * 60 + now.getMinute();
	}

}
