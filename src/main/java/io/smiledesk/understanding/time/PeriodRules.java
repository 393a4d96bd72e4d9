package io.smiledesk.understanding.time;

import java.time.DayOfWeek;
import java.time.LocalDate;

import io.smiledesk.understanding.time.DateSpec.Days;
import io.smiledesk.understanding.time.DateSpec.Fields;

import static io.smiledesk.understanding.time.Item.f;
import static io.smiledesk.understanding.time.Item.num;
import static io.smiledesk.understanding.time.Item.opt;
import static io.smiledesk.understanding.time.Item.ord;
import static io.smiledesk.understanding.time.Item.quantity;
import static io.smiledesk.understanding.time.Item.time;
import static io.smiledesk.understanding.time.Item.unit;
import static io.smiledesk.understanding.time.Item.w;

/**
 * Weeks, weekends, months, quarters and years: "next week", "this weekend", "la semaine
 * prochaine", "early next week", "mid March", "end of the month", "later this week", "the
 * first Monday of March", "the last week of the month", "the week of March 9".
 */
final class PeriodRules {

	private PeriodRules() {
	}

	static void addTo(Rules rules) {
		String[][] offsets = { { "this", "0" }, { "coming", "1" }, { "next", "1" }, { "following", "1" },
				{ "last", "-1" } };
		for (String[] offset : offsets) {
			int by = Integer.parseInt(offset[1]);
			rules.add(offset[0] + " period", a -> Time.of(Calendar.unit(a.parse.today(), a.unit(0).grain(), by)),
					f(offset[0]), unit(PeriodRules::calendarUnit), opt("-"), opt("ci"));
			// "this coming weekend" is the one ahead, "the coming week" the next one
			int weekend = offset[0].equals("coming") ? 0 : by;
			rules.add(offset[0] + " weekend", a -> Time.of(Calendar.weekend(a.parse.today(), weekend)), f(offset[0]),
					w("weekend"));
		}
		for (String[] offset : new String[][] { { "next-post", "1" }, { "last-post", "-1" } }) {
			int by = Integer.parseInt(offset[1]);
			rules.add("period " + offset[0], a -> Time.of(Calendar.unit(a.parse.today(), a.unit(0).grain(), by)),
					unit(PeriodRules::calendarUnit), f(offset[0]));
			rules.add("weekend " + offset[0], a -> Time.of(Calendar.weekend(a.parse.today(), by)), w("weekend"),
					f(offset[0]));
		}
		rules.add("the period", a -> Time.of(Calendar.unit(a.parse.today(), a.unit(0).grain(), 0)).with(Time.WEAK),
				opt("the"), unit(PeriodRules::calendarUnit));
		rules.add("period after next", a -> Time.of(Calendar.unit(a.parse.today(), a.unit(0).grain(), 2)), opt("the"),
				unit(PeriodRules::calendarUnit), f("after-next"));
		rules.add("weekend", a -> Time.of(Calendar.weekend(a.parse.today(), 0)), w("weekend"));
		rules.add("end of this period",
				a -> Time.of(part(Calendar.unit(a.parse.today(), Grain.of(a.word(0).value()), 0), "late")),
				w("period-end"));
		rules.add("nth quarter", a -> quarter(a.ord(0).value(), null, a.parse), opt("the"),
				ord(o -> !o.bare() && o.value() <= 4), unit(u -> u.grain() == Grain.QUARTER));
		rules.add("nth quarter of a year", a -> quarter(a.ord(0).value(), a.num(2).value(), a.parse), opt("the"),
				ord(o -> !o.bare() && o.value() <= 4), unit(u -> u.grain() == Grain.QUARTER), opt("of", "in"),
				num(DateRules::year));
		rules.add("Q and a number", a -> quarter(a.num(0).value(), null, a.parse), f("q"),
				num(n -> n.digits() && n.value() >= 1 && n.value() <= 4));
		rules.add("Q and a number in a year", a -> quarter(a.num(0).value(), a.num(1).value(), a.parse), f("q"),
				num(n -> n.digits() && n.value() >= 1 && n.value() <= 4), opt(","), num(DateRules::year));
		rules.add("weekend after next", a -> Time.of(Calendar.weekend(a.parse.today(), 2)), opt("the"), w("weekend"),
				f("after-next"));
		rules.add("nth weekend of a month", a -> nthWeekend(a.ord(0).value(), a.time(2), a.parse), opt("the"),
				ord(o -> !o.bare() && o.value() <= 5), w("weekend"), f("of", "in"), time(PeriodRules::monthLike));
		rules.add("last weekend of a month", a -> nthWeekend(-1, a.time(1), a.parse), opt("the"), f("last"),
				w("weekend"), f("of", "in"), time(PeriodRules::monthLike));
		// British "Monday week": a week after the coming Monday
		rules.add("weekday week",
				a -> DateRules.day(Calendar.nextOrSame(a.parse.today(), DateRules.weekday(a.word(0))).plusWeeks(1)),
				w("weekday"), unit(u -> u.grain() == Grain.WEEK && u.times() == 1));
		rules.add("midweek", a -> Time.of(part(Calendar.unit(a.parse.today(), Grain.WEEK, 0), "mid")), w("midweek"));
		rules.add("midweek of a week", a -> partOf(a.time(0), "mid", a.parse), f("midweek"), opt("of"),
				time(t -> periodLike(t) && t.date() instanceof Days days && days.grain() == Grain.WEEK));
		for (String part : new String[] { "early", "mid", "late" }) {
			rules.add(part + " period", a -> partOf(a.time(0), part, a.parse), f(part), opt("-"), opt("the"),
					time(PeriodRules::periodLike));
		}
		rules.add("later this period", a -> later(a.time(0), a.parse), f("later"), time(PeriodRules::periodLike));
		rules.add("later today", a -> laterToday(a.parse), f("later"), time(PeriodRules::today));
		rules.add("later in a part of today", a -> laterPart(a.time(0), a.parse), f("later"), time(
				t -> t.structured() && t.tod() instanceof Tod.Part && t.date() instanceof Days days && days.oneDay()));
		rules.add("earlier today", a -> earlierToday(a.parse), f("earlier"), time(PeriodRules::today));
		rules.add("earlier this period", a -> earlier(a.time(0), a.parse), f("earlier"), time(PeriodRules::periodLike));
		rules.add("nth weekday of a month", a -> nthWeekday(a.ord(0).value(), a.word(1), a.time(2), a.parse),
				opt("the"), ord(o -> !o.bare() && o.value() <= 5), w("weekday"), f("of", "in"),
				time(PeriodRules::monthLike));
		rules.add("last weekday of a month", a -> nthWeekday(-1, a.word(0), a.time(1), a.parse), opt("the"), f("last"),
				w("weekday"), f("of", "in"), time(PeriodRules::monthLike));
		rules.add("nth day of a month", a -> nthDay(a.ord(0).value(), a.time(2), a.parse), opt("the"),
				ord(o -> !o.bare()), unit(u -> u.grain() == Grain.DAY), f("of", "in"), time(PeriodRules::monthLike));
		rules.add("last day of a month", a -> nthDay(-1, a.time(1), a.parse), opt("the"), f("last"),
				unit(u -> u.grain() == Grain.DAY), f("of", "in"), time(PeriodRules::monthLike));
		rules.add("nth week of a month", a -> nthWeek(a.ord(0).value(), a.time(2), a.parse), opt("the"),
				ord(o -> !o.bare() && o.value() <= 5), unit(u -> u.grain() == Grain.WEEK), f("of", "in"),
				time(PeriodRules::monthLike));
		rules.add("last week of a month", a -> nthWeek(-1, a.time(1), a.parse), opt("the"), f("last"),
				unit(u -> u.grain() == Grain.WEEK), f("of", "in"), time(PeriodRules::monthLike));
		rules.add("first weeks of a month", a -> firstOf(a.quantity(1), a.time(2), a.parse), opt("the"),
				ord(o -> o.value() == 1 && !o.bare()), quantity(q -> q.unit() == Grain.WEEK || q.unit() == Grain.DAY),
				f("of", "in"), time(PeriodRules::monthLike));
		rules.add("the week after a day", a -> weekAfter(a.time(1), a.parse), opt("the"),
				unit(u -> u.grain() == Grain.WEEK && u.times() == 1), f("after"), time(Time::dateOnly));
		rules.add("week of a day", a -> weekOf(a.time(0), a.parse), f("week-of"), time(Time::dateOnly));
		rules.add("week of a day number", a -> weekOf(Time.of(new Fields(null, null, a.ord(0).value(), null)), a.parse),
				f("week-of"), ord(o -> o.value() <= 31));
	}

	private static boolean calendarUnit(Sem.Unit unit) {
		return unit.times() == 1 && (unit.grain() == Grain.WEEK || unit.grain() == Grain.MONTH
				|| unit.grain() == Grain.QUARTER || unit.grain() == Grain.YEAR);
	}

	/** A week, a month or a year, named or relative. */
	private static boolean periodLike(Time time) {
		if (!time.dateOnly()) {
			return false;
		}
		if (time.date() instanceof Days days) {
			return days.unit()
					&& (days.grain() == Grain.WEEK || days.grain() == Grain.MONTH || days.grain() == Grain.YEAR);
		}
		Fields fields = (Fields) time.date();
		return fields.day() == null && fields.weekday() == null;
	}

	private static boolean monthLike(Time time) {
		return periodLike(time) && (time.date() instanceof Days days ? days.grain() == Grain.MONTH
				: ((Fields) time.date()).month() != null);
	}

	private static boolean today(Time time) {
		return time.dateOnly() && time.date() instanceof Days days && days.oneDay() && days.unit();
	}

	/**
	 * Beginning, middle and end: of a week [Mon, Thu), [Tue, Fri), [Thu, Sat); of a month
	 * days 1-10, 11-20, 21 to the end; of a year January-April, May-August,
	 * September-December.
	 */
	static Days part(Days period, String part) {
		LocalDate from = period.from();
		return switch (period.grain()) {
			case WEEK -> switch (part) {
				case "early" -> Days.span(from, from.plusDays(3));
				case "mid" -> Days.span(from.plusDays(1), from.plusDays(4));
				default -> Days.span(from.plusDays(3), from.plusDays(5));
			};
			case MONTH -> switch (part) {
				case "early" -> Days.span(from, from.plusDays(10));
				case "mid" -> Days.span(from.plusDays(10), from.plusDays(20));
				default -> Days.span(from.plusDays(20), period.to());
			};
			default -> switch (part) {
				case "early" -> Days.span(from, from.plusMonths(4));
				case "mid" -> Days.span(from.plusMonths(4), from.plusMonths(8));
				default -> Days.span(from.plusMonths(8), period.to());
			};
		};
	}

	private static Time partOf(Time period, String part, Parse parse) {
		Days days = Resolver.days(period.date(), parse.today());
		return days == null || !days.unit() ? null : Time.of(part(days, part));
	}

	/** "later this week": from tomorrow to the end of the period. */
	private static Time later(Time period, Parse parse) {
		Days days = Resolver.days(period.date(), parse.today());
		if (days == null || !days.unit()) {
			return null;
		}
		LocalDate tomorrow = parse.today().plusDays(1);
		if (!tomorrow.isAfter(days.from()) || !tomorrow.isBefore(days.to())) {
			return days.from().isAfter(parse.today()) ? Time.of(part(days, "late")) : null;
		}
		return Time.of(Days.span(tomorrow, days.to()));
	}

	private static Time earlier(Time period, Parse parse) {
		Days days = Resolver.days(period.date(), parse.today());
		if (days == null || !days.unit() || !parse.today().isAfter(days.from())) {
			return null;
		}
		return Time.of(Days.span(days.from(), parse.today().isBefore(days.to()) ? parse.today() : days.to()));
	}

	/**
	 * "later this afternoon": the rest of the part of the day, from now if it has begun.
	 */
	private static Time laterPart(Time part, Parse parse) {
		Tod.Part p = (Tod.Part) part.tod();
		Days days = (Days) part.date();
		if (!days.from().equals(parse.today())) {
			return part;
		}
		java.time.LocalDateTime now = parse.now().withSecond(0).withNano(0);
		java.time.LocalDateTime start = parse.today().atStartOfDay().plusMinutes(p.from());
		java.time.LocalDateTime end = parse.today().atStartOfDay().plusMinutes(p.to());
		if (!now.isAfter(start)) {
			return part;
		}
		return now.isBefore(end) ? Time.of(Resolved.interval(now, end, Grain.MINUTE, new DatePart.Day(parse.today()),
				new TimeOfDay.After(now.toLocalTime()))) : null;
	}

	private static Time earlierToday(Parse parse) {
		java.time.LocalDateTime now = parse.now().withSecond(0).withNano(0);
		return Time.of(Resolved.interval(parse.today().atStartOfDay(), now, Grain.MINUTE,
				new DatePart.Day(parse.today()), new TimeOfDay.Before(now.toLocalTime())));
	}

	private static Time laterToday(Parse parse) {
		java.time.LocalDateTime now = parse.now().withSecond(0).withNano(0);
		return Time.of(Resolved.interval(now, parse.today().plusDays(1).atStartOfDay(), Grain.MINUTE,
				new DatePart.Day(parse.today()), new TimeOfDay.After(now.toLocalTime())));
	}

	/**
	 * The month: a month name alone is this month, or the next such month if it has
	 * passed.
	 */
	private static Days month(Time month, Parse parse) {
		return Resolver.days(month.date(), parse.today());
	}

	private static Time nthWeekday(int n, Sem.Word weekday, Time month, Parse parse) {
		Days days = month(month, parse);
		LocalDate date = Calendar.nthWeekday(days.from().getYear(), days.from().getMonthValue(), n,
				DateRules.weekday(weekday));
		return date == null ? null : DateRules.day(date);
	}

	/** "the first two weeks of November": its first days, the month's own or fewer. */
	private static Time firstOf(Sem.Quantity quantity, Time month, Parse parse) {
		Days days = month(month, parse);
		long length = quantity.unit() == Grain.WEEK ? 7L * quantity.amount() : quantity.amount();
		if (days == null || quantity.amount() < 1 || length > 31) {
			return null;
		}
		LocalDate to = days.from().plusDays(length);
		return Time.of(Days.span(days.from(), to.isAfter(days.to()) ? days.to() : to));
	}

	/** The n-th quarter of a year, this year's unless it is over (then next year's). */
	private static Time quarter(int n, Integer year, Parse parse) {
		int in = year != null ? year : parse.today().getYear();
		LocalDate from = LocalDate.of(in, 3 * n - 2, 1);
		if (year == null && !from.plusMonths(3).isAfter(parse.today())) {
			from = from.plusYears(1);
		}
		Time time = Time.of(Days.unit(from, Grain.QUARTER));
		return year != null ? time.with(Time.YEAR) : time;
	}

	/** The weekend of the month's n-th (or last) Saturday. */
	private static Time nthWeekend(int n, Time month, Parse parse) {
		Days days = month(month, parse);
		LocalDate saturday = Calendar.nthWeekday(days.from().getYear(), days.from().getMonthValue(), n,
				DayOfWeek.SATURDAY);
		return saturday == null ? null : Time.of(Days.span(saturday, saturday.plusDays(2)));
	}

	private static Time nthDay(int n, Time month, Parse parse) {
		Days days = month(month, parse);
		LocalDate date = n < 0 ? days.to().minusDays(1) : days.from().plusDays(n - 1L);
		return date.isBefore(days.to()) ? DateRules.day(date) : null;
	}

	/** The n-th week of a month is days 7(n-1)+1 to 7n; the last, its last seven days. */
	private static Time nthWeek(int n, Time month, Parse parse) {
		Days days = month(month, parse);
		if (n < 0) {
			return Time.of(Days.span(days.to().minusDays(7), days.to()));
		}
		LocalDate from = days.from().plusDays(7L * (n - 1));
		LocalDate to = from.plusDays(7).isAfter(days.to()) ? days.to() : from.plusDays(7);
		return from.isBefore(days.to()) ? Time.of(Days.span(from, to)) : null;
	}

	/** "the week of March 9": the day is looked for from this week's Monday on. */
	/** "the week after Easter": the week from the next Monday on. */
	private static Time weekAfter(Time day, Parse parse) {
		Days days = Resolver.days(day.date(), parse.today());
		return days == null ? null
				: Time.of(Days.unit(Calendar.next(days.to().minusDays(1), DayOfWeek.MONDAY), Grain.WEEK));
	}

	private static Time weekOf(Time day, Parse parse) {
		Days days = Resolver.days(day.date(), Calendar.monday(parse.today()));
		return days == null ? null : Time.of(Days.unit(Calendar.monday(days.from()), Grain.WEEK));
	}

}
