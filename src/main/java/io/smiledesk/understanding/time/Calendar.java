package io.smiledesk.understanding.time;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** Calendar arithmetic the rules share: weeks run Monday to Sunday. */
final class Calendar {

	private Calendar() {
	}

	static LocalDate monday(LocalDate date) {
		return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	/** The first day of the unit of this grain that holds the date. */
	static LocalDate startOf(LocalDate date, Grain grain) {
		return switch (grain) {
			case WEEK -> monday(date);
			case MONTH -> date.withDayOfMonth(1);
			case QUARTER -> date.withDayOfMonth(1).withMonth((date.getMonthValue() - 1) / 3 * 3 + 1);
			case YEAR -> date.withDayOfYear(1);
			default -> date;
		};
	}

	/** The unit of this grain {@code offset} units away from the one holding the date. */
	static DateSpec.Days unit(LocalDate date, Grain grain, int offset) {
		LocalDate start = startOf(date, grain);
		LocalDate shifted = switch (grain) {
			case WEEK -> start.plusWeeks(offset);
			case MONTH -> start.plusMonths(offset);
			case QUARTER -> start.plusMonths(3L * offset);
			case YEAR -> start.plusYears(offset);
			default -> start.plusDays(offset);
		};
		return DateSpec.Days.unit(shifted, grain);
	}

	/** Saturday to Monday of the week {@code offset} weeks from the date's. */
	static DateSpec.Days weekend(LocalDate date, int offset) {
		LocalDate saturday = monday(date).plusWeeks(offset).plusDays(5);
		return DateSpec.Days.span(saturday, saturday.plusDays(2));
	}

	static LocalDate nextOrSame(LocalDate date, DayOfWeek day) {
		return date.with(TemporalAdjusters.nextOrSame(day));
	}

	static LocalDate next(LocalDate date, DayOfWeek day) {
		return date.with(TemporalAdjusters.next(day));
	}

	static LocalDate previous(LocalDate date, DayOfWeek day) {
		return date.with(TemporalAdjusters.previous(day));
	}

	/** The n-th (1-based; -1 the last) weekday of a month, or null when there is none. */
	static LocalDate nthWeekday(int year, int month, int n, DayOfWeek day) {
		LocalDate first = LocalDate.of(year, month, 1);
		if (n < 0) {
			return first.with(TemporalAdjusters.lastInMonth(day));
		}
		LocalDate found = first.with(TemporalAdjusters.dayOfWeekInMonth(n, day));
		return found.getMonthValue() == month ? found : null;
	}

	/** "THU" or "THURSDAY". */
	static DayOfWeek weekday(String name) {
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day.name().startsWith(name)) {
				return day;
			}
		}
		throw new IllegalArgumentException("Not a weekday: " + name);
	}

	static LocalDate date(int year, int month, int day) {
		try {
			return LocalDate.of(year, month, day);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/** Easter Sunday (Western), by the anonymous Gregorian algorithm. */
	static LocalDate easter(int year) {
		int a = year % 19;
		int b = year / 100;
		int c = year % 100;
		int d = b / 4;
		int e = b % 4;
		int f = (b + 8) / 25;
		int g = (b - f + 1) / 3;
		int h = (19 * a + b - d - g + 15) % 30;
		int i = c / 4;
		int k = c % 4;
		int l = (32 + 2 * e + 2 * i - h - k) % 7;
		int m = (a + 11 * h + 22 * l) / 451;
		int month = (h + l - 7 * m + 114) / 31;
		int day = (h + l - 7 * m + 114) % 31 + 1;
		return LocalDate.of(year, month, day);
	}

	/**
	 * A holiday's date in a year, from its rule in the lexicon: "12/25" (fixed),
	 * "11:4:THU" (4th Thursday of November), "5:-1:MON" (last Monday of May), "easter",
	 * each with an optional shift in days ("11:4:THU+1" is Black Friday).
	 */
	static LocalDate holiday(String rule, int year) {
		int shift = 0;
		String base = rule;
		int sign = Math.max(rule.lastIndexOf('+'), rule.lastIndexOf('-'));
		if (sign > 0 && rule.charAt(sign - 1) != ':') {
			shift = Integer.parseInt(rule.substring(sign + (rule.charAt(sign) == '+' ? 1 : 0)));
			base = rule.substring(0, sign);
		}
		LocalDate date;
		if (base.equals("easter")) {
			date = easter(year);
		}
		else if (base.contains(":")) {
			String[] parts = base.split(":");
			date = nthWeekday(year, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), weekday(parts[2]));
		}
		else {
			String[] parts = base.split("/");
			date = LocalDate.of(year, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
		}
		return date.plusDays(shift);
	}

}
