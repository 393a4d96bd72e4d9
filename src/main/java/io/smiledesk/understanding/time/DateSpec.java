package io.smiledesk.understanding.time;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The date side of a time: fields still to be resolved future first ("March 3", "Friday",
 * "the 24th"), or days already known ("tomorrow", "next week").
 */
sealed interface DateSpec {

	/** Any of year, month, day of month and weekday; null when not said. */
	record Fields(Integer year, Integer month, Integer day, DayOfWeek weekday) implements DateSpec {

		static Fields weekday(DayOfWeek weekday) {
			return new Fields(null, null, null, weekday);
		}

		static Fields monthDay(int month, int day) {
			return new Fields(null, month, day, null);
		}

		/** Both sets of fields in one, or null when they disagree or overlap. */
		Fields merge(Fields other) {
			if (year != null && other.year != null || month != null && other.month != null
					|| day != null && other.day != null || weekday != null && other.weekday != null) {
				return null;
			}
			return new Fields(year != null ? year : other.year, month != null ? month : other.month,
					day != null ? day : other.day, weekday != null ? weekday : other.weekday);
		}

		Grain grain() {
			return day != null || weekday != null ? Grain.DAY : month != null ? Grain.MONTH : Grain.YEAR;
		}

	}

	/**
	 * Days [from, to). A {@code unit} is one calendar unit of its grain (a value: "next
	 * week", "tomorrow"); otherwise a span of days (an interval: "this weekend").
	 */
	record Days(LocalDate from, LocalDate to, Grain grain, boolean unit) implements DateSpec {

		static Days day(LocalDate date) {
			return new Days(date, date.plusDays(1), Grain.DAY, true);
		}

		static Days unit(LocalDate from, Grain grain) {
			return new Days(from, grain.after(from.atStartOfDay()).toLocalDate(), grain, true);
		}

		static Days span(LocalDate from, LocalDate to) {
			return new Days(from, to, Grain.DAY, false);
		}

		boolean oneDay() {
			return to.equals(from.plusDays(1));
		}

	}

}
