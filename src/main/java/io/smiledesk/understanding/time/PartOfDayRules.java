package io.smiledesk.understanding.time;

import static io.smiledesk.understanding.time.Item.clock;
import static io.smiledesk.understanding.time.Item.f;
import static io.smiledesk.understanding.time.Item.opt;
import static io.smiledesk.understanding.time.Item.time;
import static io.smiledesk.understanding.time.Item.w;

/**
 * Parts of the day ("morning", "tonight", "por la tarde", "ce soir"), and clock times
 * read within them: "8 in the evening" is 20:00, "10 tomorrow morning" 10:00.
 */
final class PartOfDayRules {

	private PartOfDayRules() {
	}

	static void addTo(Rules rules) {
		rules.add("part of day", a -> weak(Time.of(Tod.Part.parse(a.word(0).value())), a.word(0).weak()), w("part"));
		rules.add("day and part", a -> dayAndPart(a.word(0).value(), a.parse), w("day-part"));
		rules.add("this part of day", a -> Time.of(DateSpec.Days.day(a.parse.today()), a.time(0).tod()), f("this"),
				time(PartOfDayRules::partOnly));
		rules.add("in the part of day", a -> a.time(0).without(Time.WEAK), f("in"), opt("the"),
				time(PartOfDayRules::partOnly));
		rules.add("at night", a -> a.time(0).without(Time.WEAK), f("at"), time(PartOfDayRules::partOnly));
		// "book one Thursday morning": a bare number that cannot be in the part of a day
		// named is not its time
		rules.add("clock in part of day", a -> outside(a.clock(0), a.time(1)) ? null : within(a.clock(0), a.time(1)),
				clock(c -> true), opt("in"), opt("the"), time(PartOfDayRules::hasPart));
		for (String part : new String[] { "early", "late" }) {
			rules.add(part + " part of day", a -> early(part, a.time(0)), f(part), time(PartOfDayRules::hasPart));
		}
		rules.add("part of day at clock", a -> within(a.clock(1), a.time(0)), time(PartOfDayRules::hasPart), opt(","),
				opt("at"), clock(c -> true));
	}

	static boolean partOnly(Time time) {
		return time.todOnly() && time.tod() instanceof Tod.Part;
	}

	private static boolean hasPart(Time time) {
		return time.structured() && time.tod() instanceof Tod.Part;
	}

	/**
	 * A bare number before a day's part of the day that neither reading puts in it ("one
	 * Thursday morning"); "2 in the morning" has no day, and is 02:00.
	 */
	private static boolean outside(Clock clock, Time part) {
		if (clock.cued() || part.date() == null || clock.meridiem() != Clock.Meridiem.NONE) {
			return false;
		}
		Tod.Part p = (Tod.Part) part.tod();
		int minute = clock.minuteOfDay(p.from(), p.to());
		return minute < p.from() || minute >= p.to();
	}

	/** The clock time within the part of day, on the part's day if it has one. */
	private static Time within(Clock clock, Time part) {
		Tod.Part p = (Tod.Part) part.tod();
		return new Time(part.date(), new Tod.At(Clock.of(clock.minuteOfDay(p.from(), p.to()), clock.minutes())), null,
				part.flags() & ~Time.WEAK);
	}

	/** "tonight" is "0 evening 18:00 24:00": today, and the evening. */
	private static Time dayAndPart(String value, Parse parse) {
		int space = value.indexOf(' ');
		int offset = Integer.parseInt(value.substring(0, space));
		return Time.of(DateSpec.Days.day(parse.today().plusDays(offset)), Tod.Part.parse(value.substring(space + 1)));
	}

	/**
	 * "early tomorrow morning", "late Friday afternoon": the first or last hours of the
	 * part (morning 04-09 and 10-12, afternoon 12-15 and 15-19, evening 18-21 and 21-24).
	 */
	private static Time early(String part, Time time) {
		Tod.Part p = (Tod.Part) time.tod();
		boolean early = part.equals("early");
		Tod.Part narrower = switch (p.name()) {
			case "morning" -> early ? new Tod.Part("early-morning", 240, 540) : new Tod.Part("late-morning", 600, 720);
			case "afternoon" ->
				early ? new Tod.Part("early-afternoon", 720, 900) : new Tod.Part("late-afternoon", 900, 1140);
			case "evening", "night" ->
				early ? new Tod.Part("early-evening", 1080, 1260) : new Tod.Part("late-evening", 1260, 1440);
			default -> null;
		};
		return narrower == null ? null : new Time(time.date(), narrower, null, time.flags() & ~Time.WEAK);
	}

	static Time weak(Time time, boolean weak) {
		return weak ? time.with(Time.WEAK) : time;
	}

}
