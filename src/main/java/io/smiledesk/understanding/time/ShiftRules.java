package io.smiledesk.understanding.time;

import java.time.LocalDateTime;

import io.smiledesk.understanding.time.DateSpec.Days;
import io.smiledesk.understanding.time.Sem.Quantity;

import static io.smiledesk.understanding.time.Item.f;
import static io.smiledesk.understanding.time.Item.opt;
import static io.smiledesk.understanding.time.Item.quantity;
import static io.smiledesk.understanding.time.Item.unit;
import static io.smiledesk.understanding.time.Item.w;

/**
 * Shifts from the anchor, the time being talked about: "an hour later", "half an hour
 * earlier", "later in the day", "same day", "same time next week", "a day later", "the
 * day before". Without an anchor, "later" shifts resolve against now ("an hour later" is
 * in an hour, "later in the day" later today, "a day later" tomorrow); the others need an
 * anchor and read as nothing.
 */
final class ShiftRules {

	private ShiftRules() {
	}

	static void addTo(Rules rules) {
		rules.add("amount later", a -> later(a.quantity(0), a.parse, 1), quantity(q -> true), f("later"));
		rules.add("amount earlier", a -> a.parse.anchor() == null ? null : later(a.quantity(0), a.parse, -1),
				quantity(q -> true), f("earlier"));
		rules.add("later in the day", a -> laterInTheDay(a.parse), f("later-in-day"));
		rules.add("earlier in the day", a -> earlierInTheDay(a.parse), f("earlier-in-day"));
		// "a little later" says nothing without a time being talked about
		rules.add("a little later", a -> a.parse.anchor() == null ? null : laterInTheDay(a.parse), f("little-later"));
		rules.add("same day", a -> anchored(a.parse, 0), f("same-day"));
		rules.add("the day after", a -> relative(a.parse, 1, Time.DAY_AFTER_PREVIOUS), f("day-after"));
		// "make it the week after": the same day a week after the one talked about
		rules.add("the week after", a -> anchored(a.parse, 7), f("week-after"));
		rules.add("the day before", a -> relative(a.parse, -1, Time.DAY_BEFORE_PREVIOUS), f("day-before"));
		rules.add("same time", a -> sameTime(a.parse), f("same-time"));
		rules.add("same time next period", a -> sameTimeNext(a.parse, a.unit(0)), f("same-time"), f("next"),
				unit(u -> !u.grain().clock()));
		rules.add("same time period next", a -> sameTimeNext(a.parse, a.unit(0)), f("same-time"),
				unit(u -> !u.grain().clock()), f("next-post"));
		// "the tuesday that week": that day of the week being talked about
		rules.add("weekday that week", a -> weekdayOfAnchorsWeek(a.parse, a.word(0)), opt("the"), w("weekday"),
				f("that-week"));
		rules.add("same day next week", a -> sameDayNext(a.parse, a.unit(0)), f("same-day"), f("next"),
				unit(u -> !u.grain().clock()));
	}

	private static Time later(Quantity quantity, Parse parse, int sign) {
		LocalDateTime anchor = parse.anchorTime();
		if (anchor == null) {
			return RelativeRules.offset(quantity, parse, sign);
		}
		if (quantity.clock()) {
			return Time.of(RelativeRules.point(parse.anchor().plus(quantity.duration().multipliedBy(sign))));
		}
		return Time.of(Days.day(RelativeRules.plus(anchor.toLocalDate(), quantity, sign)));
	}

	private static Time laterInTheDay(Parse parse) {
		LocalDateTime from = parse.anchorTime() != null ? parse.anchorTime() : parse.now().withSecond(0).withNano(0);
		return Time.of(Resolved.interval(from, from.toLocalDate().plusDays(1).atStartOfDay(), Grain.MINUTE,
				new DatePart.Day(from.toLocalDate()), new TimeOfDay.After(from.toLocalTime())));
	}

	private static Time earlierInTheDay(Parse parse) {
		LocalDateTime anchor = parse.anchorTime();
		if (anchor == null) {
			return null;
		}
		return Time.of(Resolved.interval(null, anchor, Grain.MINUTE, new DatePart.Day(anchor.toLocalDate()),
				new TimeOfDay.Before(anchor.toLocalTime())));
	}

	/** The anchor's day shifted, unless a day named before in the message takes over. */
	private static Time relative(Parse parse, int days, int flag) {
		LocalDateTime anchor = parse.anchorTime();
		DateSpec date = anchor == null ? null : Days.day(anchor.toLocalDate().plusDays(days));
		return new Time(date, null, null, flag);
	}

	private static Time weekdayOfAnchorsWeek(Parse parse, Sem.Word weekday) {
		LocalDateTime anchor = parse.anchorTime();
		return anchor == null ? null : DateRules
			.day(Calendar.monday(anchor.toLocalDate()).plusDays(DateRules.weekday(weekday).getValue() - 1));
	}

	private static Time anchored(Parse parse, int days) {
		LocalDateTime anchor = parse.anchorTime();
		return anchor == null ? null : DateRules.day(anchor.toLocalDate().plusDays(days));
	}

	/** The anchor's clock time, on whatever day the rest of the message says. */
	private static Time sameTime(Parse parse) {
		LocalDateTime anchor = parse.anchorTime();
		if (anchor == null) {
			return null;
		}
		return Time.of(new Tod.At(Clock.of(anchor.getHour() * 60 + anchor.getMinute(), anchor.getMinute() != 0)));
	}

	private static Time sameTimeNext(Parse parse, Sem.Unit unit) {
		LocalDateTime anchor = parse.anchorTime();
		if (anchor == null) {
			return null;
		}
		LocalDateTime at = RelativeRules.plus(anchor.toLocalDate(), new Quantity(unit.times(), unit.grain()), 1)
			.atTime(anchor.toLocalTime());
		Grain grain = anchor.getMinute() != 0 ? Grain.MINUTE : Grain.HOUR;
		return Time.of(Resolved.value(at, grain, new DatePart.Day(at.toLocalDate()),
				new TimeOfDay.Clock(at.toLocalTime(), grain)));
	}

	private static Time sameDayNext(Parse parse, Sem.Unit unit) {
		LocalDateTime anchor = parse.anchorTime();
		return anchor == null ? null
				: DateRules.day(RelativeRules.plus(anchor.toLocalDate(), new Quantity(unit.times(), unit.grain()), 1));
	}

}
