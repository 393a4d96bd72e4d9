package io.smiledesk.understanding.time;

import io.smiledesk.understanding.time.Clock.Meridiem;
import io.smiledesk.understanding.time.Sem.Num;

import static io.smiledesk.understanding.time.Item.clock;
import static io.smiledesk.understanding.time.Item.f;
import static io.smiledesk.understanding.time.Item.num;
import static io.smiledesk.understanding.time.Item.opt;
import static io.smiledesk.understanding.time.Item.w;

/**
 * Clock times: "3pm", "3:30", "15h30", "1500 hrs", "at 3", "3 o'clock", "half past 3",
 * "quarter to 4", "two thirty", "a las 4 menos cuarto", "noon". A bare number is a clock
 * time only with a cue; it never is when the words around make it a count or a price.
 */
final class ClockRules {

	private ClockRules() {
	}

	static void addTo(Rules rules) {
		rules.add("hours and minutes", a -> hoursMinutes(a.num(0), a.num(1), true), num(ClockRules::hour), f(":"),
				num(ClockRules::minutes));
		rules.add("seconds", a -> a.clock(0), clock(Clock::minutes), f(":"), num(ClockRules::minutes));
		rules.add("hours and minutes with a dot", a -> hoursMinutes(a.num(0), a.num(1), false), num(ClockRules::hour),
				f("."), num(ClockRules::minutes));
		// "15h", "9h": French and Spanish; in English "2h" is rather two hours
		rules.add("hour mark",
				a -> a.parse.lexicon().setting("hour-mark-alone", "no").equals("yes") || a.num(0).value() > 12
						? bare(a.num(0)).cue() : null,
				num(ClockRules::hour), w("hour-mark"));
		// "15 heures" is a time, "2 heures" a time only with a cue ("à 2 heures"): it may
		// be a duration
		rules.add("hour word", a -> a.num(0).value() > 12 ? bare(a.num(0)).cue() : bare(a.num(0)),
				num(ClockRules::hour), f("hour-word"));
		rules.add("hour word and minutes", a -> hoursMinutes(a.num(0), a.num(1), true), num(ClockRules::hour),
				f("hour-word"), num(n -> n.plain() && n.value() <= 59 && (n.length() == 2 || !n.digits())));
		rules.add("hour mark and minutes", a -> hoursMinutes(a.num(0), a.num(1), true), num(ClockRules::hour),
				f("hour-mark"), num(n -> n.plain() && n.value() <= 59 && (n.length() == 2 || !n.digits())));
		rules.add("meridiem", a -> withMeridiem(a.clock(0), a.word(1)), clock(ClockRules::twelveHour), opt("."),
				w("meridiem"));
		rules.add("short meridiem", a -> a.attached(1) ? withMeridiem(a.clock(0), a.word(1)) : null,
				clock(ClockRules::twelveHour), w("meridiem-short"));
		rules.add("bare number", a -> bare(a.num(0)), num(n -> hour(n) && n.value() < 24 && !n.countLike()));
		// "1500": a time when it looks like one a clinic would give, not a PIN ("1234")
		rules.add("four digits", a -> fourDigits(a.num(0), a.num(0).value() % 100 % 15 == 0), num(
				n -> n.length() == 4 && !n.countLike() && (n.leadingZero() || n.value() < 1900 || n.value() > 2100)));
		rules.add("four digits hours", a -> fourDigits(a.num(0), true), num(n -> n.length() == 4), opt("-"), w("hrs"));
		rules.add("o'clock", a -> a.clock(0).cue(), clock(c -> !c.minutes() && c.hour() <= 12), f("oclock"));
		rules.add("sharp", a -> a.clock(0), clock(Clock::cued), f("oclock"));
		rules.add("at", a -> a.clock(0).cue(), f("at"), clock(c -> true));
		// "@ 830", "at 945": the colon left out, only right after "at"
		rules.add("at three digits", a -> threeDigits(a.num(0)), f("at"),
				num(n -> n.digits() && n.length() == 3 && !n.countLike()));
		rules.add("ish", a -> a.clock(0).cue(), clock(c -> true), opt("-"), f("ish"));
		rules.add("half past", a -> past(a.clock(0), 30), opt("article"), f("half"), f("past"),
				clock(ClockRules::hourOnly));
		rules.add("quarter past", a -> past(a.clock(0), 15), opt("article"), f("quarter"), f("past"),
				clock(ClockRules::hourOnly));
		rules.add("minutes past", a -> past(a.clock(1), a.num(0).value()), num(ClockRules::minuteNumber),
				opt("minute-word"), f("past"), clock(ClockRules::hourOnly));
		rules.add("quarter to", a -> past(a.clock(0), -15), opt("article"), f("quarter"), f("till"),
				clock(ClockRules::hourOnly));
		rules.add("minutes to", a -> past(a.clock(1), -a.num(0).value()), num(ClockRules::minuteNumber),
				f("minute-word"), f("till"), clock(ClockRules::hourOnly));
		// "I work 9 to 5" is a range; digits before "to" are minutes only past twelve
		rules.add("bare minutes to", a -> past(a.clock(1), -a.num(0).value()),
				num(n -> minuteNumber(n) && (!n.digits() || n.value() > 12)), f("till"), clock(ClockRules::hourOnly));
		rules.add("half hour, British", a -> past(a.clock(0), 30), f("half"),
				clock(c -> hourOnly(c) && c.meridiem() == Meridiem.NONE));
		rules.add("spelled minutes", a -> spelledMinutes(a.num(0), a.num(1)),
				num(n -> n.plain() && n.value() >= 1 && n.value() <= 12),
				num(n -> n.plain() && n.value() >= 10 && n.value() <= 59));
		rules.add("oh five", a -> spelledMinutes(a.num(0), a.num(1)),
				num(n -> n.plain() && n.value() >= 1 && n.value() <= 12), f("oh"),
				num(n -> n.plain() && n.value() >= 1 && n.value() <= 9));
		rules.add("and a half, es fr", a -> past(a.clock(0), 30), clock(ClockRules::hourOnly), f("plus-min"),
				f("half"));
		rules.add("and a quarter, es fr", a -> past(a.clock(0), 15), clock(ClockRules::hourOnly), f("plus-min"),
				f("quarter"));
		rules.add("and minutes, es fr", a -> past(a.clock(0), a.num(1).value()), clock(ClockRules::hourOnly),
				f("plus-min"), num(ClockRules::minuteCount), opt("minute-word"));
		rules.add("less a quarter, es fr", a -> past(a.clock(0), -15), clock(ClockRules::hourOnly), f("minus-min"),
				opt("the"), f("quarter"));
		rules.add("less minutes, es fr", a -> past(a.clock(0), -a.num(1).value()), clock(ClockRules::hourOnly),
				f("minus-min"), num(ClockRules::minuteCount), opt("minute-word"));
		rules.add("named clock", a -> named(a.word(0).value()), w("clock"));
		rules.add("twelve noon", a -> named(a.word(1).value()), num(n -> n.value() == 12), w("clock"));
		rules.add("clock time", a -> Time.of(new Tod.At(a.clock(0))), clock(Clock::cued));
	}

	static boolean hour(Num n) {
		return n.plain() && n.length() <= 2 && n.value() <= 24;
	}

	private static boolean minutes(Num n) {
		return n.digits() && n.length() == 2 && n.value() <= 59;
	}

	/**
	 * Minutes before "past" or "to": "twenty minutes to eight" is a time whatever
	 * follows.
	 */
	private static boolean minuteNumber(Num n) {
		return n.plain() && n.value() >= 1 && n.value() <= 59;
	}

	private static boolean minuteCount(Num n) {
		return n.plain() && n.value() >= 1 && n.value() <= 59 && !n.countLike();
	}

	static boolean hourOnly(Clock c) {
		return !c.minutes() && c.hour() <= 24;
	}

	private static boolean twelveHour(Clock c) {
		return c.hour() >= 1 && c.hour() <= 12 && (c.meridiem() == Meridiem.NONE || c.meridiem() == Meridiem.H24);
	}

	static Clock bare(Num n) {
		boolean h24 = n.value() > 12 || n.value() == 0 || n.leadingZero();
		return new Clock(n.value(), 0, h24 ? Meridiem.H24 : Meridiem.NONE, false, false);
	}

	private static Clock hoursMinutes(Num hour, Num minute, boolean cued) {
		if (hour.value() == 24 && minute.value() > 0) {
			return null;
		}
		boolean h24 = hour.value() > 12 || hour.value() == 0 || hour.leadingZero();
		return new Clock(hour.value(), minute.value(), h24 ? Meridiem.H24 : Meridiem.NONE, true, cued);
	}

	private static Clock fourDigits(Num n, boolean cued) {
		int hour = n.value() / 100;
		int minute = n.value() % 100;
		if (hour > 24 || minute > 59 || hour == 24 && minute > 0) {
			return null;
		}
		return new Clock(hour, minute, Meridiem.H24, minute != 0, cued);
	}

	private static Clock threeDigits(Num n) {
		int hour = n.value() / 100;
		int minute = n.value() % 100;
		if (hour < 1 || minute > 59) {
			return null;
		}
		return new Clock(hour, minute, Meridiem.NONE, minute != 0, true);
	}

	private static Clock withMeridiem(Clock clock, Sem.Word meridiem) {
		return clock.with(meridiem.value().equals("am") ? Meridiem.AM : Meridiem.PM);
	}

	/** Minutes after (or, negative, before) a whole hour, on the same dial. */
	private static Clock past(Clock hour, int minutes) {
		if (minutes >= 0) {
			return hour.hour() == 24 ? Clock.of(minutes, true)
					: new Clock(hour.hour(), minutes, hour.meridiem(), true, true);
		}
		if (hour.meridiem() == Meridiem.H24) {
			return Clock.of(((hour.hour() * 60 + minutes) + Clock.DAY) % Clock.DAY, true);
		}
		int before = hour.hour() - 1 <= 0 ? 12 : hour.hour() - 1;
		return new Clock(before, 60 + minutes, hour.meridiem(), true, true);
	}

	private static Clock spelledMinutes(Num hour, Num minute) {
		if (hour.digits() && minute.digits()) {
			return null;
		}
		// "five thirty" spelled out is a time; "5 30" needs a cue
		return new Clock(hour.value(), minute.value(), Meridiem.NONE, true, !hour.digits() && !minute.digits());
	}

	private static Clock named(String value) {
		int hour = Integer.parseInt(value.substring(0, 2));
		return new Clock(hour, Integer.parseInt(value.substring(3, 5)), Meridiem.H24, false, true);
	}

}
