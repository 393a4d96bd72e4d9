package io.smiledesk.insurance;

import java.time.LocalDate;
import java.time.Month;

/**
 * A plan's benefit year: the twelve months from the first day of the month it starts in,
 * {@code [start, end)}. A plan whose year starts in July counts a visit in March against
 * the year that began the July before. A pure value; the day comes from the caller (a
 * service date, or today by the clinic's clock).
 */
record BenefitYear(LocalDate start) {

	BenefitYear {
		if (start.getDayOfMonth() != 1) {
			throw new IllegalArgumentException("A benefit year starts on the first of a month: " + start);
		}
	}

	/** The benefit year, starting in {@code startMonth}, that {@code day} falls in. */
	static BenefitYear containing(LocalDate day, Month startMonth) {
		LocalDate start = LocalDate.of(day.getYear(), startMonth, 1);
		return new BenefitYear(start.isAfter(day) ? start.minusYears(1) : start);
	}

	/** The first day after the year. */
	LocalDate end() {
		return start.plusYears(1);
	}

	boolean contains(LocalDate day) {
		return !day.isBefore(start) && day.isBefore(end());
	}

}
