package io.smiledesk.understanding.time;

import java.time.LocalDate;

import io.smiledesk.understanding.time.DateSpec.Days;
import io.smiledesk.understanding.time.DateSpec.Fields;

import static io.smiledesk.understanding.time.Item.clock;
import static io.smiledesk.understanding.time.Item.f;
import static io.smiledesk.understanding.time.Item.opt;
import static io.smiledesk.understanding.time.Item.time;
import static io.smiledesk.understanding.time.Item.w;

/**
 * Times combined: a date with a time of day ("tomorrow at 3", "3pm on Friday", "the
 * morning of the 3rd"), a part of the day with a clock time or range, a weekday with a
 * week ("Friday next week"); and the little words that only introduce a time ("on
 * Monday", "for tomorrow", "in March", "anytime next week").
 */
final class CombinationRules {

	private CombinationRules() {
	}

	static void addTo(Rules rules) {
		rules.add("two times", a -> merge(a.time(0), a.time(1)), time(Time::structured), time(Time::structured));
		// across a comma only a date and a time of day: "Tuesday, 10am", not "last night,
		// before 5"
		rules.add("two times with a comma",
				a -> a.time(0).tod() == null || a.time(1).tod() == null ? merge(a.time(0), a.time(1)) : null,
				time(Time::structured), f(","), time(Time::structured));
		rules.add("two times with a word between", a -> merge(a.time(0), a.time(1)), time(Time::structured), opt(","),
				f("at", "on", "of", "in"), time(Time::structured));
		// "11 on Tuesday": a day after it makes a bare number a clock time
		rules.add("bare clock time on a day", a -> Time.of(a.time(1).date(), new Tod.At(a.clock(0).cue())),
				clock(c -> !c.cued() && !c.minutes()), f("on"), time(Time::dateOnly));
		rules.add("on a day",
				a -> a.followedByDayNumber() && DateRules.monthOnly(a.time(0)) ? null : a.time(0).without(Time.WEAK),
				f("on"), time(t -> t.date() != null || t.done() != null));
		rules.add("the", a -> a.time(0), f("the"), time(Time::structured));
		rules.add("in a month or a year", a -> a.followedByDayNumber() ? null : a.time(0).without(Time.WEAK), f("in"),
				time(t -> t.dateOnly() && t.date() instanceof Fields fields && fields.day() == null
						&& fields.weekday() == null));
		rules.add("at a day", a -> a.time(0).without(Time.WEAK), f("at"), time(Time::dateOnly));
		// "tomorrow a.m.", "monday pm"
		rules.add("a day and a meridiem",
				a -> new Time(a.time(0).date(),
						a.word(1).value().equals("am") ? new Tod.Part("morning", 240, 720)
								: new Tod.Part("afternoon", 720, 1140),
						null, a.time(0).flags()),
				time(Time::dateOnly), w("meridiem"));
		rules.add("this time", a -> Time.of(new Tod.At(
				Clock.of(a.parse.now().getHour() * 60 + a.parse.now().getMinute(), a.parse.now().getMinute() != 0))),
				f("this-time"));
		rules.add("after and before", a -> after(a.time(0), a.time(1)),
				time(t -> t.todOnly() && t.tod() instanceof Tod.After), opt(","), f("but", "and"),
				time(t -> t.todOnly() && t.tod() instanceof Tod.Before));
		rules.add("any time", a -> a.time(0).without(Time.WEAK), f("any"), time(t -> true));
	}

	/** "after 10 but before 2": a range. */
	private static Time after(Time from, Time to) {
		Clock start = ((Tod.After) from.tod()).clock();
		Clock end = ((Tod.Before) to.tod()).clock();
		return Time.of(new Tod.Range(start, end));
	}

	/** One time from two, or null when they do not fit together. */
	static Time merge(Time a, Time b) {
		if (!a.structured() || !b.structured() || empty(a) || empty(b)) {
			return null;
		}
		DateSpec date = a.date() == null ? b.date() : b.date() == null ? a.date() : dates(a.date(), b.date());
		Tod tod = a.tod() == null ? b.tod() : b.tod() == null ? a.tod() : tods(a.tod(), b.tod());
		if (date == null && a.date() != null || tod == null && (a.tod() != null || b.tod() != null)) {
			return null;
		}
		if (date == null && tod == null || tod != null && date != null && longerThanAWeek(date)) {
			// "August at 8" is not a time
			return null;
		}
		return new Time(date, tod, null, Time.combine(a, b));
	}

	private static boolean longerThanAWeek(DateSpec date) {
		if (date instanceof Days days) {
			return days.to().isAfter(days.from().plusDays(7));
		}
		Fields fields = (Fields) date;
		return fields.day() == null && fields.weekday() == null;
	}

	/** "the day after" with nothing to follow yet: it waits for the time before it. */
	private static boolean empty(Time time) {
		return time.date() == null && time.tod() == null;
	}

	private static DateSpec dates(DateSpec a, DateSpec b) {
		if (a instanceof Fields x && b instanceof Fields y) {
			return x.merge(y);
		}
		if (a instanceof Days days && b instanceof Fields fields) {
			return within(days, fields);
		}
		if (a instanceof Fields fields && b instanceof Days days) {
			return within(days, fields);
		}
		Days x = (Days) a;
		Days y = (Days) b;
		if (!x.from().isAfter(y.from()) && !x.to().isBefore(y.to())) {
			return y;
		}
		return !y.from().isAfter(x.from()) && !y.to().isBefore(x.to()) ? x : null;
	}

	/** "Friday next week": the first day of the span that fits the fields. */
	private static DateSpec within(Days days, Fields fields) {
		if (fields.year() != null || fields.month() != null && (fields.day() != null || fields.weekday() != null)) {
			return null;
		}
		if (fields.month() != null) {
			// "March next year"
			for (LocalDate date = days.from(); date.isBefore(days.to()); date = date.plusMonths(1).withDayOfMonth(1)) {
				if (date.getMonthValue() == fields.month()) {
					return Days.unit(date.withDayOfMonth(1), Grain.MONTH);
				}
			}
			return null;
		}
		for (LocalDate date = days.from(); date.isBefore(days.to()); date = date.plusDays(1)) {
			if ((fields.weekday() == null || date.getDayOfWeek() == fields.weekday())
					&& (fields.day() == null || date.getDayOfMonth() == fields.day())) {
				return Days.day(date);
			}
		}
		return null;
	}

	/** A part of the day decides the meridiem of a clock time or range within it. */
	private static Tod tods(Tod a, Tod b) {
		if (a instanceof Tod.Part part && !(b instanceof Tod.Part)) {
			return within(part, b);
		}
		if (b instanceof Tod.Part part && !(a instanceof Tod.Part)) {
			return within(part, a);
		}
		return null;
	}

	private static Tod within(Tod.Part part, Tod tod) {
		if (tod instanceof Tod.At at) {
			return new Tod.At(Clock.of(at.clock().minuteOfDay(part.from(), part.to()), at.clock().minutes()));
		}
		if (tod instanceof Tod.Range range) {
			int[] minutes = Resolver.minutes(range, part);
			return new Tod.Range(Clock.of(minutes[0], range.from().minutes()),
					Clock.of(minutes[1] % Clock.DAY == 0 ? Clock.DAY : minutes[1] % Clock.DAY, range.to().minutes()));
		}
		if (tod instanceof Tod.After after) {
			return new Tod.After(Clock.of(after.clock().minuteOfDay(part.from(), part.to()), after.clock().minutes()));
		}
		Tod.Before before = (Tod.Before) tod;
		return new Tod.Before(Clock.of(before.clock().minuteOfDay(part.from(), part.to()), before.clock().minutes()));
	}

}
