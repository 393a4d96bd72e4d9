package io.smiledesk.understanding.time;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

import io.smiledesk.understanding.time.DateSpec.Days;
import io.smiledesk.understanding.time.Sem.Quantity;

import static io.smiledesk.understanding.time.Item.f;
import static io.smiledesk.understanding.time.Item.num;
import static io.smiledesk.understanding.time.Item.opt;
import static io.smiledesk.understanding.time.Item.quantity;
import static io.smiledesk.understanding.time.Item.time;
import static io.smiledesk.understanding.time.Item.unit;
import static io.smiledesk.understanding.time.Item.w;

/**
 * Offsets from now: "in 2 hours" (a minute), "in 3 days" (a day), "3 days from now", "a
 * week from tomorrow", "3 days ago", "hace 3 días", "within the next 2 weeks", "the next
 * 3 days", "the past 2 weeks", "now". Hours and minutes are added on the time line, so
 * across a change of clocks "in 2 hours" is two real hours.
 */
final class RelativeRules {

	private RelativeRules() {
	}

	static void addTo(Rules rules) {
		rules.add("in an amount of time", a -> offset(a.quantity(0), a.parse, 1), f("in"), quantity(q -> true),
				opt("time-word"));
		rules.add("an amount of time from now", a -> offset(a.quantity(0), a.parse, 1), quantity(q -> true),
				f("from-now"));
		rules.add("an amount of time ago", a -> offset(a.quantity(0), a.parse, -1), quantity(q -> true), f("ago"));
		rules.add("ago, es fr", a -> offset(a.quantity(0), a.parse, -1), f("ago-pre"), quantity(q -> true));
		rules.add("an amount of time from a day", a -> from(a.quantity(0), a.time(1), a.parse, 1),
				quantity(q -> !q.clock()), f("from", "after"), time(Time::dateOnly));
		rules.add("an amount of time before a day", a -> from(a.quantity(0), a.time(1), a.parse, -1),
				quantity(q -> !q.clock()), f("before"), time(Time::dateOnly));
		rules.add("a week today", a -> from(a.quantity(0), a.time(1), a.parse, 1),
				quantity(q -> q.unit() == Grain.WEEK && q.amount() <= 2), opt("on"), time(RelativeRules::dayLike));
		rules.add("within an amount of time", a -> within(a.quantity(0), a.parse), f("within"), quantity(q -> true));
		rules.add("the next amount of time", a -> following(a.quantity(0), a.parse), opt("the"), f("next"),
				quantity(q -> true));
		rules.add("the amount of time next", a -> following(new Quantity(a.num(0).value(), a.unit(1).grain()), a.parse),
				opt("the"), num(n -> n.value() >= 1 && n.value() <= 100), f("next-post"), unit(u -> u.times() == 1));
		rules.add("within the amount of time next",
				a -> within(new Quantity(a.num(0).value(), a.unit(1).grain()), a.parse), f("within"),
				num(n -> n.value() >= 1 && n.value() <= 100), f("next-post"), unit(u -> u.times() == 1));
		// "the last 6 months", "the past 2 weeks"; not "does it last 6 months?"
		rules.add("the past amount of time", a -> lastAsAVerb(a) ? null : past(a.quantity(0), a.parse), opt("the"),
				f("last"), quantity(q -> q.amount() > 1 || q.clock()));
		rules.add("now", a -> now(a.parse), w("now"));
	}

	/** Now plus an amount: a minute for hours and minutes, else a day. */
	static Time offset(Quantity quantity, Parse parse, int sign) {
		if (quantity.clock()) {
			ZonedDateTime at = parse.reference().withSecond(0).withNano(0).plus(quantity.duration().multipliedBy(sign));
			return Time.of(point(at));
		}
		return Time.of(Days.day(plus(parse.today(), quantity, sign)));
	}

	/** A moment on the time line, with its offset (the local time may be ambiguous). */
	static Resolved point(ZonedDateTime at) {
		LocalDateTime local = at.toLocalDateTime();
		return Resolved
			.value(local, Grain.MINUTE, new DatePart.Day(local.toLocalDate()),
					new TimeOfDay.Clock(local.toLocalTime(), Grain.MINUTE))
			.at(at.getOffset());
	}

	static LocalDate plus(LocalDate date, Quantity quantity, int sign) {
		long amount = (long) quantity.amount() * sign;
		return switch (quantity.unit()) {
			case WEEK -> date.plusWeeks(amount);
			case MONTH -> date.plusMonths(amount);
			case QUARTER -> date.plusMonths(3 * amount);
			case YEAR -> date.plusYears(amount);
			default -> date.plusDays(amount);
		};
	}

	private static Time from(Quantity quantity, Time day, Parse parse, int sign) {
		Days days = Resolver.days(day.date(), parse.today());
		return days == null ? null : Time.of(Days.day(plus(days.from(), quantity, sign)));
	}

	/** "within the next 3 days": from now (today's start for days and longer). */
	private static Time within(Quantity quantity, Parse parse) {
		if (quantity.clock()) {
			LocalDateTime now = parse.now().withSecond(0).withNano(0);
			LocalDateTime end = parse.reference().withSecond(0).withNano(0).plus(quantity.duration()).toLocalDateTime();
			return Time.of(Resolved.interval(now, end, Grain.MINUTE, DatePart.NONE, TimeOfDay.NONE));
		}
		LocalDate today = parse.today();
		return Time.of(Days.span(today, plus(today, quantity, 1)));
	}

	/** "the next 3 days": from tomorrow. */
	private static Time following(Quantity quantity, Parse parse) {
		if (quantity.clock()) {
			return within(quantity, parse);
		}
		LocalDate tomorrow = parse.today().plusDays(1);
		return Time.of(Days.span(tomorrow, plus(tomorrow, quantity, 1)));
	}

	/** "the past 2 weeks": up to today, today excluded. */
	private static Time past(Quantity quantity, Parse parse) {
		if (quantity.clock()) {
			LocalDateTime now = parse.now().withSecond(0).withNano(0);
			LocalDateTime start = parse.reference()
				.withSecond(0)
				.withNano(0)
				.minus(quantity.duration())
				.toLocalDateTime();
			return Time.of(Resolved.interval(start, now, Grain.MINUTE, DatePart.NONE, TimeOfDay.NONE));
		}
		return Time.of(Days.span(plus(parse.today(), quantity, -1), parse.today()));
	}

	/**
	 * "does it last 6 months?": "last" after a word that is not a preposition; or a part
	 * of something else ("the last 2 days of the week").
	 */
	private static boolean lastAsAVerb(Args a) {
		if (a.parse.lexicon().phraseEnd(a.parse.tokens(), a.end, "of") > a.end) {
			// "the last 2 days of the week" is not the past two days
			return true;
		}
		if (!a.startsWith("last") || a.start == 0) {
			return false;
		}
		Token before = a.parse.token(a.start - 1);
		return before.kind() == Token.Kind.WORD && !a.precededBy("in") && !a.precededBy("on") && !a.precededBy("of")
				&& !a.precededBy("within");
	}

	private static Time now(Parse parse) {
		return Time.of(point(parse.reference().withSecond(0).withNano(0)));
	}

	private static boolean dayLike(Time time) {
		return time.dateOnly() && (time.date() instanceof Days days && days.oneDay()
				|| time.date() instanceof DateSpec.Fields fields && fields.weekday() != null);
	}

}
