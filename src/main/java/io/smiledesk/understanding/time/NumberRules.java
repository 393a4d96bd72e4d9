package io.smiledesk.understanding.time;

import io.smiledesk.understanding.time.Sem.Num;
import io.smiledesk.understanding.time.Sem.Ord;
import io.smiledesk.understanding.time.Sem.Quantity;

import static io.smiledesk.understanding.time.Item.f;
import static io.smiledesk.understanding.time.Item.num;
import static io.smiledesk.understanding.time.Item.opt;
import static io.smiledesk.understanding.time.Item.ord;
import static io.smiledesk.understanding.time.Item.quantity;
import static io.smiledesk.understanding.time.Item.unit;
import static io.smiledesk.understanding.time.Item.w;

/**
 * Numbers, ordinals and amounts of time: "twenty-one", "treinta y uno", "1st", "3 days",
 * "half an hour", "an hour and a half".
 */
final class NumberRules {

	private NumberRules() {
	}

	static void addTo(Rules rules) {
		rules.add("tens and units",
				a -> new Num(a.num(0).value() + a.num(1).value(), Num.Form.SPELLED, 0, false, a.num(1).countLike()),
				num(NumberRules::tens), opt("-"), opt("num-join"),
				num(n -> n.form() == Num.Form.SPELLED && n.value() >= 1 && n.value() <= 9));
		rules.add("tens and ordinal", a -> new Ord(a.num(0).value() + a.ord(1).value(), true, false),
				num(NumberRules::tens), opt("-"), opt("num-join"), ord(o -> o.spelled() && o.value() <= 9));
		rules.add("ordinal in digits", a -> a.attached(1) ? new Ord(a.num(0).value(), false, false) : null,
				num(n -> n.digits() && n.value() >= 1 && n.value() <= 31), w("ord-suffix"));
		// a plain number can name a day of the month: "march 3", "del 3 al 5"
		rules.add("day number", a -> new Ord(a.num(0).value(), false, true),
				num(n -> n.plain() && n.length() <= 2 && n.value() >= 1 && n.value() <= 31 && !n.countLike()));

		rules.add("amount of time", a -> amount(a.num(0).value(), a.unit(1)),
				num(n -> n.value() > 0 && n.value() <= 1000), opt("of"), unit(u -> true));
		rules.add("amount of time in a row", a -> amount(a.num(0).value(), a.unit(1)),
				num(n -> n.value() > 0 && n.value() <= 1000), opt("-"), unit(u -> true));
		rules.add("half an hour", a -> new Quantity(30, Grain.MINUTE), f("half"),
				num(n -> n.form() == Num.Form.ARTICLE), unit(u -> u.grain() == Grain.HOUR));
		rules.add("a half hour", a -> new Quantity(30, Grain.MINUTE), opt("article"), f("half"), opt("-"),
				unit(u -> u.grain() == Grain.HOUR));
		rules.add("three quarters of an hour", a -> new Quantity(45, Grain.MINUTE), num(n -> n.value() == 3), opt("-"),
				f("quarter"), opt("of"), opt("article"), unit(u -> u.grain() == Grain.HOUR));
		rules.add("hours with a decimal", a -> decimalHours(a.num(0), a.num(1)), num(Num::digits), f("."),
				num(n -> n.digits() && n.length() == 1), unit(u -> u.grain() == Grain.HOUR));
		rules.add("a quarter of an hour", a -> new Quantity(15, Grain.MINUTE), opt("article"), f("quarter"), opt("of"),
				opt("article"), unit(u -> u.grain() == Grain.HOUR));
		rules.add("an hour and a half", a -> new Quantity(a.quantity(0).amount() * 60 + 30, Grain.MINUTE),
				quantity(q -> q.unit() == Grain.HOUR), f("and"), opt("article"), f("half"));
		rules.add("two and a half hours", a -> new Quantity(a.num(0).value() * 60 + 30, Grain.MINUTE),
				num(n -> n.value() > 0 && n.value() <= 24), f("and"), opt("article"), f("half"),
				unit(u -> u.grain() == Grain.HOUR));
		rules.add("an hour and a half, es fr", a -> new Quantity(a.quantity(0).amount() * 60 + 30, Grain.MINUTE),
				quantity(q -> q.unit() == Grain.HOUR), f("plus-min"), f("half"));
		rules.add("hours and minutes",
				a -> new Quantity(a.quantity(0).amount() * 60 + a.quantity(1).amount(), Grain.MINUTE),
				quantity(q -> q.unit() == Grain.HOUR), opt("and"), quantity(q -> q.unit() == Grain.MINUTE));
	}

	/** "2.5 hours": 150 minutes. */
	private static Quantity decimalHours(Num hours, Num tenths) {
		return new Quantity(hours.value() * 60 + tenths.value() * 6, Grain.MINUTE);
	}

	private static boolean tens(Num n) {
		return n.form() == Num.Form.SPELLED && n.value() >= 20 && n.value() <= 90 && n.value() % 10 == 0;
	}

	private static Quantity amount(int amount, Sem.Unit unit) {
		return new Quantity(amount * unit.times(), unit.grain());
	}

}
