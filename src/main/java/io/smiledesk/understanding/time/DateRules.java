package io.smiledesk.understanding.time;

import java.time.DayOfWeek;
import java.time.LocalDate;

import io.smiledesk.understanding.time.DateSpec.Days;
import io.smiledesk.understanding.time.DateSpec.Fields;
import io.smiledesk.understanding.time.Sem.Num;

import static io.smiledesk.understanding.time.Item.clock;
import static io.smiledesk.understanding.time.Item.f;
import static io.smiledesk.understanding.time.Item.num;
import static io.smiledesk.understanding.time.Item.opt;
import static io.smiledesk.understanding.time.Item.ord;
import static io.smiledesk.understanding.time.Item.time;
import static io.smiledesk.understanding.time.Item.unit;
import static io.smiledesk.understanding.time.Item.w;

/**
 * Days and dates: weekdays with this / next / last / following / after next, today and
 * tomorrow, month names, "March 3rd", "the 24th", "3 de marzo", "2/15/27", ISO dates,
 * years, holidays, "the day after Thanksgiving", "the Monday after Easter".
 */
final class DateRules {

	private DateRules() {
	}

	static void addTo(Rules rules) {
		weekdays(rules);
		rules.add("relative day", a -> Time.of(Days.day(a.parse.today().plusDays(a.word(0).number()))), w("day"));
		rules.add("month and day", a -> monthDay(a.word(0), a.ord(1)), w("month"), opt("."), opt("the"),
				ord(o -> o.value() <= 31));
		rules.add("day and month", a -> monthDay(a.word(1), a.ord(0)), ord(o -> o.value() <= 31), opt("of"),
				w("month"));
		rules.add("day of month", a -> monthDay(a.word(1), a.time(0)), time(DateRules::dayOnly), opt("of"), w("month"));
		rules.add("date and year", a -> withYear(a.time(0), a.num(1)), time(DateRules::monthDayWithoutYear), opt(","),
				opt("of"), num(DateRules::year));
		rules.add("month and year",
				a -> Time.of(new Fields(a.num(1).value(), a.word(0).number(), null, null)).with(Time.YEAR), w("month"),
				opt(","), opt("of"), num(DateRules::year));
		rules.add("month after next",
				a -> Time.of(Days.unit(((Days) month(a.time(0), a.parse, 1).date()).from().plusYears(1), Grain.MONTH)),
				time(DateRules::monthOnly), f("after-next"));
		rules.add("numeric month and year",
				a -> a.num(0).value() >= 1 && a.num(0).value() <= 12
						? Time.of(new Fields(a.num(1).value(), a.num(0).value(), null, null)).with(Time.YEAR) : null,
				num(DateRules::small), f("/"), num(DateRules::year));
		rules.add("season", a -> {
			Time season = season(a.word(0).value(), a.parse.today(), 0);
			return season == null ? null : PartOfDayRules.weak(season, a.word(0).weak());
		}, w("season"));
		rules.add("in a season", a -> season(a.word(0).value(), a.parse.today(), 0), f("in"), opt("the"), w("season"));
		rules.add("this season", a -> season(a.word(0).value(), a.parse.today(), 0), f("this"), w("season"));
		rules.add("next season", a -> season(a.word(0).value(), a.parse.today(), 1), f("next", "coming"), w("season"));
		rules.add("last season", a -> season(a.word(0).value(), a.parse.today(), -1), f("last"), w("season"));
		rules.add("month",
				a -> PartOfDayRules.weak(Time.of(new Fields(null, a.word(0).number(), null, null)), a.word(0).weak()),
				w("month"), opt("."));
		rules.add("in a month", a -> a.followedByDayNumber() ? null : a.time(0).without(Time.WEAK), f("in"),
				time(DateRules::monthOnly));
		rules.add("this month name", a -> a.time(0).without(Time.WEAK), f("this"), time(DateRules::monthOnly));
		rules.add("next month name", a -> month(a.time(0), a.parse, 1), f("next"), time(DateRules::monthOnly));
		rules.add("month name next", a -> month(a.time(0), a.parse, 1), time(DateRules::monthOnly), f("next-post"));
		rules.add("last month name", a -> month(a.time(0), a.parse, -1), f("last"), time(DateRules::monthOnly));
		rules.add("month name last", a -> month(a.time(0), a.parse, -1), time(DateRules::monthOnly), f("last-post"));
		rules.add("weekday and date", a -> withWeekday(a.time(1), a.word(0)), w("weekday"), opt(","), opt("the"),
				time(t -> t.dateOnly() && t.date() instanceof Fields fields && fields.day() != null
						&& fields.weekday() == null));
		// "Tuesday 19", "thursday the 28"; "el lunes 2", "mardi 3" where a bare day
		// number after a weekday
		// is usual
		rules.add("weekday and day number",
				a -> a.num(1).value() >= 13 || anyDayNumber(a.parse)
						? Time.of(new Fields(null, null, a.num(1).value(), weekday(a.word(0)))) : null,
				w("weekday"), opt(","), opt("the"),
				num(n -> n.digits() && n.value() >= 1 && n.value() <= 31 && !n.countLike()));
		rules.add("the ordinal", a -> ordinalDay(a, false), f("the"), ord(o -> !o.bare() && o.value() <= 31));
		rules.add("ordinal", a -> ordinalDay(a, true), ord(o -> !o.bare() && o.value() <= 31));
		rules.add("day article and number", a -> ordinalDay(a, false), f("day-article"), ord(o -> o.value() <= 31));
		for (String separator : new String[] { "/", "-", "." }) {
			if (separator.equals("/")) {
				rules.add("numeric date", a -> numeric(a.num(0), a.num(1), null, a.parse), num(DateRules::small),
						f(separator), num(DateRules::small));
			}
			rules.add("numeric date with year", a -> numeric(a.num(0), a.num(1), a.num(2), a.parse),
					num(DateRules::small), f(separator), num(DateRules::small), f(separator),
					num(n -> n.digits() && (n.length() == 2 || n.length() == 4)));
			rules.add("ISO date", a -> iso(a.num(0), a.num(1), a.num(2)), num(n -> n.digits() && n.length() == 4),
					f(separator), num(DateRules::small), f(separator), num(DateRules::small));
		}
		rules.add("ISO date and time", a -> Time.of(a.time(0).date(), new Tod.At(a.clock(1).cue())).with(Time.YEAR),
				time(Time::dateOnly), f("iso-t"), clock(Clock::minutes));
		rules.add("year", a -> Time.of(new Fields(a.num(0).value(), null, null, null)).with(Time.YEAR),
				num(n -> year(n) && !n.countLike()));
		rules.add("holiday", a -> told(a) ? holiday(a.word(0).value(), a.parse.today().plusDays(1), -1)
				: holiday(a.word(0).value(), a.parse.today(), 0), w("holiday"));
		rules.add("holiday week", a -> weekOf(holiday(a.word(0).value(), a.parse.today(), 0)), w("holiday"),
				unit(u -> u.grain() == Grain.WEEK && u.times() == 1));
		rules.add("holiday and year", a -> holidayIn(a.word(0).value(), a.num(1).value()), w("holiday"), opt(","),
				num(DateRules::year));
		rules.add("next holiday", a -> holiday(a.word(0).value(), a.parse.today().plusDays(1), 0), f("next"),
				w("holiday"));
		rules.add("last holiday", a -> holiday(a.word(0).value(), a.parse.today(), -1), f("last"), w("holiday"));
		rules.add("the day after", a -> shifted(a.time(0), a.parse, 1), f("day-after"), time(Time::dateOnly));
		rules.add("the day before", a -> shifted(a.time(0), a.parse, -1), f("day-before"), time(Time::dateOnly));
		rules.add("weekday after a date", a -> weekdayAfter(a.word(0), a.time(1), a.parse, true), opt("the"),
				w("weekday"), f("after"), time(Time::dateOnly));
		rules.add("weekday before a date", a -> weekdayAfter(a.word(0), a.time(1), a.parse, false), opt("the"),
				w("weekday"), f("before"), time(Time::dateOnly));
	}

	private static void weekdays(Rules rules) {
		rules.add("weekday", a -> PartOfDayRules.weak(Time.of(Fields.weekday(weekday(a.word(0)))), a.word(0).weak()),
				w("weekday"));
		for (String cue : new String[] { "this", "coming" }) {
			rules.add(cue + " weekday", a -> day(Calendar.nextOrSame(a.parse.today(), weekday(a.word(0)))), f(cue),
					w("weekday"));
		}
		rules.add("next weekday", a -> day(next(weekday(a.word(0)), a.parse)), f("next"), w("weekday"));
		rules.add("weekday next", a -> following(a) ? null : day(next(weekday(a.word(0)), a.parse)), w("weekday"),
				f("next-post"));
		// "el sábado siguiente": the one after the day talked about, else the next one
		rules.add("weekday following", a -> day(next(weekday(a.word(0)), a.parse)).with(Time.FOLLOWING), w("weekday"),
				f("following-post"));
		rules.add("following weekday", a -> day(next(weekday(a.word(0)), a.parse)).with(Time.FOLLOWING), opt("the"),
				f("following"), w("weekday"));
		rules.add("last weekday", a -> day(Calendar.previous(a.parse.today(), weekday(a.word(0)))), f("last"),
				w("weekday"));
		rules.add("weekday last", a -> day(Calendar.previous(a.parse.today(), weekday(a.word(0)))), w("weekday"),
				f("last-post"));
		rules.add("weekday after next", a -> day(next(weekday(a.word(0)), a.parse).plusWeeks(1)), opt("the"),
				w("weekday"), f("after-next"));
	}

	/** Whether the words after the weekday rather say "following" ("siguiente"). */
	private static boolean following(Args a) {
		return a.parse.lexicon().phraseEnd(a.parse.tokens(), a.endOf(0), "following-post") == a.end;
	}

	/**
	 * English "next Friday" is next week's Friday; elsewhere the first one after today.
	 */
	static LocalDate next(DayOfWeek day, Parse parse) {
		if (parse.nextMeansNextWeek()) {
			return Calendar.monday(parse.today()).plusWeeks(1).plusDays(day.getValue() - 1L);
		}
		return Calendar.next(parse.today(), day);
	}

	static DayOfWeek weekday(Sem.Word word) {
		return DayOfWeek.valueOf(word.value());
	}

	static Time day(LocalDate date) {
		return Time.of(Days.day(date));
	}

	private static boolean anyDayNumber(Parse parse) {
		return parse.lexicon().setting("weekday-day-number", "13").equals("any");
	}

	static boolean year(Num n) {
		return n.digits() && n.length() == 4 && n.value() >= 1900 && n.value() <= 2100;
	}

	private static boolean small(Num n) {
		return n.digits() && n.length() <= 2;
	}

	static boolean monthOnly(Time time) {
		return time.dateOnly() && time.date() instanceof Fields fields && fields.month() != null && fields.day() == null
				&& fields.weekday() == null;
	}

	private static boolean dayOnly(Time time) {
		return time.dateOnly() && time.date() instanceof Fields fields && fields.day() != null && fields.month() == null
				&& fields.weekday() == null && fields.year() == null;
	}

	private static boolean monthDayWithoutYear(Time time) {
		return time.dateOnly() && time.date() instanceof Fields fields && fields.month() != null && fields.day() != null
				&& fields.year() == null;
	}

	private static Time monthDay(Sem.Word month, Sem.Ord day) {
		return Time.of(Fields.monthDay(month.number(), day.value()));
	}

	private static Time monthDay(Sem.Word month, Time day) {
		return Time.of(Fields.monthDay(month.number(), ((Fields) day.date()).day()));
	}

	private static Time withYear(Time date, Num year) {
		Fields fields = (Fields) date.date();
		return Time.of(new Fields(year.value(), fields.month(), fields.day(), fields.weekday())).with(Time.YEAR);
	}

	private static Time withWeekday(Time date, Sem.Word weekday) {
		Fields fields = ((Fields) date.date()).merge(Fields.weekday(weekday(weekday)));
		return fields == null ? null : new Time(fields, null, null, date.flags() & ~Time.WEAK);
	}

	/**
	 * "the 24th", "el 24"; not "the first one" (a pick among options). A spelled ordinal
	 * alone ("first") is a day only with other words.
	 */
	private static Time ordinalDay(Args a, boolean alone) {
		if (a.parse.lexicon().phraseEnd(a.parse.tokens(), a.end, "not-day-after") > 0 || a.ord(0).spelled()
				&& a.parse.lexicon().phraseEnd(a.parse.tokens(), a.end, "not-spelled-day-after") > 0) {
			return null;
		}
		Time time = Time.of(new Fields(null, null, a.ord(0).value(), null));
		return alone && a.ord(0).spelled() ? time.with(Time.WEAK) : time;
	}

	private static Time numeric(Num first, Num second, Num year, Parse parse) {
		int month = parse.monthFirst() ? first.value() : second.value();
		int day = parse.monthFirst() ? second.value() : first.value();
		if (month > 12 && day <= 12) {
			int swap = month;
			month = day;
			day = swap;
		}
		if (month < 1 || month > 12 || day < 1 || day > 31) {
			return null;
		}
		if (year == null) {
			return Time.of(Fields.monthDay(month, day));
		}
		int full = year.length() == 4 ? year.value() : twoDigitYear(year.value(), parse.today());
		return Calendar.date(full, month, day) == null ? null
				: Time.of(new Fields(full, month, day, null)).with(Time.YEAR);
	}

	private static Time iso(Num year, Num month, Num day) {
		return Calendar.date(year.value(), month.value(), day.value()) == null ? null
				: Time.of(new Fields(year.value(), month.value(), day.value(), null)).with(Time.YEAR);
	}

	/**
	 * "2/15/27" is 2027; a two-digit year more than ten years ahead is last century's.
	 */
	private static int twoDigitYear(int year, LocalDate today) {
		int full = 2000 + year;
		return full > today.getYear() + 10 ? full - 100 : full;
	}

	/**
	 * A month name with next or last: the first such month after, or before, this one.
	 */
	private static Time month(Time month, Parse parse, int direction) {
		int wanted = ((Fields) month.date()).month();
		LocalDate first = parse.today().withDayOfMonth(1);
		LocalDate date = first.plusMonths(direction);
		while (date.getMonthValue() != wanted) {
			date = date.plusMonths(direction);
		}
		return Time.of(Days.unit(date, Grain.MONTH));
	}

	/**
	 * A season by its lexicon days ("06/21-09/23"): the one going on or coming next, or
	 * the one after it, or the last one over.
	 */
	private static Time season(String value, LocalDate today, int direction) {
		String[] ends = value.split("-");
		for (int year = today.getYear() - 2; year <= today.getYear() + 2; year++) {
			LocalDate from = LocalDate.parse(year + "-" + ends[0].replace('/', '-'));
			LocalDate to = LocalDate.parse(year + "-" + ends[1].replace('/', '-'));
			if (!to.isAfter(from)) {
				to = to.plusYears(1);
			}
			boolean found = direction < 0 ? !to.isAfter(today) && to.plusYears(1).isAfter(today) : to.isAfter(today);
			if (found) {
				int shift = direction > 0 ? 1 : 0;
				return Time.of(Days.span(from.plusYears(shift), to.plusYears(shift)));
			}
		}
		return null;
	}

	/** "Thanksgiving week": the week from the Monday before. */
	private static Time weekOf(Time day) {
		return Time.of(Days.unit(Calendar.monday(((Days) day.date()).from()), Grain.WEEK));
	}

	/**
	 * Whether the day is told of as gone by ("since Easter", "I chipped it on
	 * Christmas").
	 */
	private static boolean told(Args a) {
		return a.precededBy("since") || PastTense.before(a.parse.tokens(), a.parse.lexicon(), a.start);
	}

	/**
	 * The holiday's next date on or after {@code from}, or (direction -1) its last
	 * before.
	 */
	private static Time holiday(String rule, LocalDate from, int direction) {
		if (direction < 0) {
			LocalDate date = Calendar.holiday(rule, from.getYear());
			return day(date.isBefore(from) ? date : Calendar.holiday(rule, from.getYear() - 1));
		}
		LocalDate date = Calendar.holiday(rule, from.getYear());
		return day(date.isBefore(from) ? Calendar.holiday(rule, from.getYear() + 1) : date);
	}

	private static Time holidayIn(String rule, int year) {
		return day(Calendar.holiday(rule, year)).with(Time.YEAR);
	}

	private static Time shifted(Time date, Parse parse, int days) {
		Days resolved = Resolver.days(date.date(), parse.today());
		return resolved == null ? null : new Time(Days.day(resolved.from().plusDays(days)), null, null, date.flags());
	}

	private static Time weekdayAfter(Sem.Word weekday, Time date, Parse parse, boolean after) {
		Days resolved = Resolver.days(date.date(), parse.today());
		if (resolved == null) {
			return null;
		}
		DayOfWeek day = weekday(weekday);
		return after ? day(Calendar.next(resolved.to().minusDays(1), day))
				: day(Calendar.previous(resolved.from(), day));
	}

}
