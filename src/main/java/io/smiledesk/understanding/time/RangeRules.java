package io.smiledesk.understanding.time;

import java.time.LocalDate;
import java.time.LocalDateTime;

import io.smiledesk.understanding.time.DateSpec.Days;
import io.smiledesk.understanding.time.DateSpec.Fields;

import static io.smiledesk.understanding.time.Item.clock;
import static io.smiledesk.understanding.time.Item.f;
import static io.smiledesk.understanding.time.Item.opt;
import static io.smiledesk.understanding.time.Item.ord;
import static io.smiledesk.understanding.time.Item.time;
import static io.smiledesk.understanding.time.Item.w;

/**
 * Ranges and open ends: "between 2 and 4", "9-11am", "after 5", "before noon", "from 3
 * on", "July 13-15", "del 3 al 5 de marzo", "Mon-Wed", "after Tuesday" (from Wednesday),
 * "by Friday" (to Saturday), "from Monday 10am to Wednesday 3pm". The end of a range of
 * days is included: its {@code to} is the day after.
 */
final class RangeRules {

	private RangeRules() {
	}

	static void addTo(Rules rules) {
		clockRanges(rules);
		rules.add("date to date", a -> dates(a.time(0), a.time(1), a.parse), opt("from"), time(Time::dateOnly),
				f("to", "-"), time(Time::dateOnly));
		rules.add("between dates", a -> dates(a.time(0), a.time(1), a.parse), f("between"), time(Time::dateOnly),
				f("and"), time(Time::dateOnly));
		rules.add("days of a month", a -> days(a.word(0), a.ord(1), a.ord(2), a.parse), w("month"), opt("."),
				ord(RangeRules::day), f("to", "-"), opt("the"), ord(RangeRules::day));
		rules.add("days then a month", a -> days(a.word(2), a.ord(0), a.ord(1), a.parse), opt("from", "from-day"),
				opt("the", "day-article"), ord(RangeRules::day), f("to", "-", "to-day"), opt("the", "day-article"),
				ord(RangeRules::day), opt("of"), w("month"));
		rules.add("ordinal days of this month", a -> days(null, a.ord(0), a.ord(1), a.parse), opt("from"), opt("the"),
				ord(RangeRules::day), f("to", "-"), opt("the"), ord(o -> !o.bare() && !o.spelled() && day(o)));
		rules.add("days of this month", a -> days(null, a.ord(0), a.ord(1), a.parse), f("from-day"),
				ord(RangeRules::day), f("to-day"), ord(RangeRules::day));
		rules.add("between days of a month", a -> days(a.word(2), a.ord(0), a.ord(1), a.parse), f("between"),
				opt("the", "day-article"), ord(RangeRules::day), f("and"), opt("the", "day-article"),
				ord(RangeRules::day), opt("of"), w("month"));
		rules.add("after a day", a -> open(a.time(0), a.parse, true, false), f("after"), time(Time::dateOnly));
		rules.add("before a day", a -> open(a.time(0), a.parse, false, false), f("before"), time(Time::dateOnly));
		rules.add("by a day", a -> deadline(a) ? open(a.time(0), a.parse, false, true) : null, f("by", "until"),
				time(Time::dateOnly));
		// "I'd rather wait until October": October is the time wanted, not a deadline
		rules.add("wait until a day", a -> a.precededBy("wait") ? a.time(0) : null, f("until"), time(Time::dateOnly));
		rules.add("since a day", a -> since(a.time(0), a.parse), f("since"), time(Time::dateOnly));
		rules.add("from a day on", a -> open(a.time(0), a.parse, true, true), f("starting"), time(Time::dateOnly),
				opt("on", "onwards"));
		rules.add("a day onwards", a -> open(a.time(0), a.parse, true, true), opt("from", "starting"),
				time(Time::dateOnly), f("onwards"));
		rules.add("not before a day", a -> open(a.time(0), a.parse, true, true), f("not"), f("before"),
				time(Time::dateOnly));
		rules.add("not after a day", a -> open(a.time(0), a.parse, false, true), f("not"), f("after"),
				time(Time::dateOnly));
		rules.add("after a moment", a -> moment(a.time(0), a.parse, true), f("after", "starting"),
				time(RangeRules::moment));
		rules.add("before a moment", a -> deadline(a) ? moment(a.time(0), a.parse, false) : null,
				f("before", "by", "until"), time(RangeRules::moment));
		rules.add("moment to moment", a -> moments(a.time(0), a.time(1), a.parse), opt("from"),
				time(RangeRules::moment), f("to", "-", "until"),
				time(t -> t.structured() && t.tod() instanceof Tod.At));
	}

	private static void clockRanges(Rules rules) {
		rules.add("between clock times", a -> range(a.clock(0), a.clock(1), true), f("between"), opt("at"),
				clock(c -> true), f("and"), opt("at"), clock(c -> true));
		rules.add("from clock time to clock time", a -> range(a.clock(0), a.clock(1), true), f("from"), opt("at"),
				clock(c -> true), f("to", "-", "until"), opt("at"), clock(c -> true));
		rules.add("clock time to clock time",
				a -> a.spelledCompound(1) ? null
						: range(a.clock(0), a.clock(1), a.clock(0).cued() || a.clock(1).cued()),
				clock(c -> true), f("to", "-", "until"), opt("at"), clock(c -> true));
		rules.add("after a clock time", a -> Time.of(new Tod.After(a.clock(0).cue())), f("after", "starting"),
				clock(c -> true), opt("onwards"));
		// "from 3 on", "from 3pm"; a bare "de 5" is too often something else ("de 5 et 7
		// ans")
		rules.add("from a clock time", a -> Time.of(new Tod.After(a.clock(0))), f("from"), clock(Clock::cued));
		rules.add("from a clock time on", a -> Time.of(new Tod.After(a.clock(0).cue())), f("from"), clock(c -> true),
				f("on", "onwards"));
		rules.add("before a clock time", a -> deadline(a) ? Time.of(new Tod.Before(a.clock(0).cue())) : null,
				f("before", "until", "by"), clock(c -> true));
		rules.add("a clock time onwards", a -> Time.of(new Tod.After(a.clock(0))), clock(Clock::cued), f("onwards"));
		rules.add("not before a clock time", a -> Time.of(new Tod.After(a.clock(0).cue())), f("not"), f("before"),
				clock(c -> true));
		rules.add("not after a clock time", a -> Time.of(new Tod.Before(a.clock(0).cue())), f("not"), f("after"),
				clock(c -> true));
		rules.add("at the latest", a -> Time.of(new Tod.Before(a.clock(0))), clock(Clock::cued), f("latest"));
		rules.add("at the earliest", a -> Time.of(new Tod.After(a.clock(0))), clock(Clock::cued), f("earliest"));
		rules.add("after a part of day",
				a -> Time.of(new Tod.After(Clock.of(((Tod.Part) a.time(0).tod()).to(), false))), f("after"),
				time(PartOfDayRules::partOnly));
		rules.add("before a part of day",
				a -> Time.of(new Tod.Before(Clock.of(((Tod.Part) a.time(0).tod()).from(), false))), f("before"),
				time(PartOfDayRules::partOnly));
	}

	private static boolean day(Sem.Ord ord) {
		return ord.value() <= 31;
	}

	/**
	 * "by Friday", but not "come by Friday" (a visit) nor "wait until October" (the time
	 * wanted).
	 */
	private static boolean deadline(Args a) {
		return !a.precededBy("by-verb") && !a.precededBy("wait");
	}

	/**
	 * A clock range. Without a meridiem on either end it spans at most nine hours ("9 to
	 * 5", not "le 12 à 10h30"); two bare numbers ("1-3", "11-1") are a range when they
	 * fit in a clinic's afternoon or morning, else only next to a day ("tomorrow 9-11").
	 */
	private static Time range(Clock from, Clock to, boolean cued) {
		Tod.Range range = new Tod.Range(from, to);
		int[] minutes = Resolver.minutes(range, null);
		boolean said = from.meridiem() == Clock.Meridiem.AM || from.meridiem() == Clock.Meridiem.PM
				|| to.meridiem() == Clock.Meridiem.AM || to.meridiem() == Clock.Meridiem.PM;
		if (!said && minutes[1] - minutes[0] > 9 * 60) {
			return null;
		}
		boolean small = from.hour() <= 12 && to.hour() <= 12 && minutes[1] - minutes[0] <= 6 * 60;
		Time time = Time.of(range);
		return cued || small && !from.minutes() && !to.minutes() ? time : time.with(Time.WEAK);
	}

	/** Days from the first to the last, the last read on or after the first. */
	private static Time dates(Time first, Time last, Parse parse) {
		DateSpec start = first.date();
		if (start instanceof Fields a && last.date() instanceof Fields b) {
			// "from the 3rd to the 5th of March": the month of the end is the start's
			// too;
			// "from the 30th to Dec 4": the month before it
			Integer month = a.month() == null && a.day() != null ? b.month() : null;
			if (month != null && b.day() != null && a.day() > b.day()) {
				month = month == 1 ? 12 : month - 1;
			}
			Fields merged = a.merge(new Fields(a.year() == null ? b.year() : null, month, null, null));
			start = merged != null ? merged : a;
		}
		Days from = Resolver.days(start, parse.today());
		if (from == null) {
			return null;
		}
		Days to = Resolver.days(last.date(), from.from());
		if (to == null || !to.to().isAfter(from.from())) {
			return null;
		}
		boolean sameGrain = from.unit() && to.unit() && from.grain() == to.grain() && from.grain() != Grain.DAY;
		Grain grain = sameGrain ? from.grain() : Grain.DAY;
		return Time.of(Resolved.interval(from.from().atStartOfDay(), to.to().atStartOfDay(), grain,
				new DatePart.Days(from.from(), to.to()), TimeOfDay.NONE));
	}

	/**
	 * Days of a month, or (month null) of the month in which the first day comes next.
	 */
	private static Time days(Sem.Word month, Sem.Ord first, Sem.Ord last, Parse parse) {
		Fields fields = month == null ? new Fields(null, null, first.value(), null)
				: Fields.monthDay(month.number(), first.value());
		Days start = Resolver.days(fields, parse.today());
		if (start == null) {
			return null;
		}
		LocalDate end = Calendar.date(start.from().getYear(), start.from().getMonthValue(), last.value());
		if (end == null || end.isBefore(start.from())) {
			return null;
		}
		return Time.of(Days.span(start.from(), end.plusDays(1)));
	}

	/**
	 * An open span of days: from after the day ("after Tuesday": Wednesday), from the day
	 * ("from Monday on"), to the day ("before Friday"), or through it ("by Friday").
	 */
	private static Time open(Time day, Parse parse, boolean from, boolean inclusive) {
		Days days = Resolver.days(day.date(), parse.today());
		if (days == null) {
			return null;
		}
		Grain grain = days.unit() ? days.grain() : Grain.DAY;
		if (from) {
			LocalDate start = inclusive ? days.from() : days.to();
			return Time.of(Resolved.interval(start.atStartOfDay(), null, grain, DatePart.NONE, TimeOfDay.NONE));
		}
		LocalDate end = inclusive ? days.to() : days.from();
		return Time.of(Resolved.interval(null, end.atStartOfDay(), grain, DatePart.NONE, TimeOfDay.NONE));
	}

	/**
	 * "since Tuesday", "since Christmas", "since yesterday": from its most recent day on.
	 */
	private static Time since(Time day, Parse parse) {
		LocalDate base = Resolver.pastBase(day.date(), parse.today());
		Days days = Resolver.days(day.date(), base == null ? parse.today() : base);
		if (days == null || days.from().isAfter(parse.today())) {
			return null;
		}
		return Time.of(Resolved.interval(days.from().atStartOfDay(), null, Grain.DAY, DatePart.NONE, TimeOfDay.NONE));
	}

	private static boolean moment(Time time) {
		return time.structured() && time.date() != null && time.tod() instanceof Tod.At;
	}

	private static Time moment(Time time, Parse parse, boolean from) {
		Resolved at = Resolver.resolve(time, parse);
		if (at == null) {
			return null;
		}
		Tod.At clock = (Tod.At) time.tod();
		Tod open = from ? new Tod.After(clock.clock()) : new Tod.Before(clock.clock());
		return Time.of(Resolved.interval(from ? at.from() : null, from ? null : at.from(), at.grain(), at.date(),
				Resolver.withTod(at.from().toLocalDate(), at.from().toLocalDate(), open, at.date()).time()));
	}

	private static Time moments(Time first, Time last, Parse parse) {
		if (last.date() == null) {
			// "tomorrow 9am to 11am": a clock range on that day
			return new Time(first.date(), new Tod.Range(((Tod.At) first.tod()).clock(), ((Tod.At) last.tod()).clock()),
					null, first.flags());
		}
		Resolved from = Resolver.resolve(first, parse);
		if (from == null) {
			return null;
		}
		Resolved to = Resolver.resolve(last, parse, from.from().toLocalDate());
		if (to == null || !to.from().isAfter(from.from())) {
			return null;
		}
		LocalDateTime end = to.from();
		Grain grain = from.grain() == Grain.MINUTE || to.grain() == Grain.MINUTE ? Grain.MINUTE : Grain.HOUR;
		DatePart date = from.date().equals(to.date()) ? from.date()
				: new DatePart.Days(from.from().toLocalDate(), end.toLocalDate().plusDays(1));
		return Time.of(Resolved.interval(from.from(), end, grain, date, TimeOfDay.NONE));
	}

}
