package io.smiledesk.scheduling;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.smiledesk.system.InvalidInputException;

/**
 * How a series of visits repeats: every so many weeks or months, a number of times. Each
 * occurrence is counted from the first one in clinic-local time, so a series keeps its
 * local time across changes of clocks, and one started on the 31st lands on the last day
 * of shorter months without drifting to the 28th afterwards.
 */
public record Recurrence(Unit unit, int interval, int count) {

	/** The most occurrences one request may book. */
	public static final int MAX_COUNT = 52;

	/** The longest step between two occurrences. */
	public static final int MAX_INTERVAL = 52;

	/** The furthest a series may reach beyond its first visit. */
	public static final Period MAX_SPAN = Period.ofYears(5);

	public enum Unit {

		WEEKS, MONTHS;

		public String json() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	public Recurrence {
		if (interval < 1 || interval > MAX_INTERVAL) {
			throw new InvalidInputException("recurrence.interval", "must be between 1 and " + MAX_INTERVAL);
		}
		if (count < 1 || count > MAX_COUNT) {
			throw new InvalidInputException("recurrence.count", "must be between 1 and " + MAX_COUNT);
		}
	}

	/**
	 * Reads the wire form: an ISO period ({@code P6M}, {@code P2W}) or a unit and an
	 * interval, then a count or an end date (inclusive, clinic-local). Throws
	 * {@link InvalidInputException} naming the field.
	 */
	public static Recurrence parse(String every, String unit, Integer interval, Integer count, LocalDate until,
			LocalDateTime first) {
		Unit parsedUnit;
		int parsedInterval;
		if (every != null) {
			if (unit != null || interval != null) {
				throw new InvalidInputException("recurrence.every", "give either every or unit and interval, not both");
			}
			Period period;
			try {
				period = Period.parse(every.trim());
			}
			catch (DateTimeParseException ex) {
				throw new InvalidInputException("recurrence.every", "must be a period in weeks or months such as P6M");
			}
			if (period.getYears() == 0 && period.getMonths() == 0 && period.getDays() > 0
					&& period.getDays() % 7 == 0) {
				parsedUnit = Unit.WEEKS;
				parsedInterval = period.getDays() / 7;
			}
			else if (period.getDays() == 0 && period.toTotalMonths() > 0) {
				parsedUnit = Unit.MONTHS;
				parsedInterval = (int) Math.min(Integer.MAX_VALUE, period.toTotalMonths());
			}
			else {
				throw new InvalidInputException("recurrence.every", "must be a period in weeks or months such as P6M");
			}
		}
		else {
			if (unit == null) {
				throw new InvalidInputException("recurrence.unit", "is required (weeks or months), or give every");
			}
			parsedUnit = switch (unit.trim().toLowerCase(Locale.ROOT)) {
				case "week", "weeks" -> Unit.WEEKS;
				case "month", "months" -> Unit.MONTHS;
				default -> throw new InvalidInputException("recurrence.unit", "must be weeks or months");
			};
			if (interval == null) {
				throw new InvalidInputException("recurrence.interval", "is required");
			}
			parsedInterval = interval;
		}
		if ((count == null) == (until == null)) {
			throw new InvalidInputException("recurrence.count", "give either a count or an until date");
		}
		if (until == null) {
			return new Recurrence(parsedUnit, parsedInterval, count);
		}
		if (until.isBefore(first.toLocalDate())) {
			throw new InvalidInputException("recurrence.until", "must not be before the first appointment");
		}
		if (parsedInterval < 1 || parsedInterval > MAX_INTERVAL) {
			throw new InvalidInputException("recurrence.interval", "must be between 1 and " + MAX_INTERVAL);
		}
		int n = 0;
		while (n <= MAX_COUNT && !at(first, parsedUnit, (long) parsedInterval * n).toLocalDate().isAfter(until)) {
			n++;
		}
		if (n > MAX_COUNT) {
			throw new InvalidInputException("recurrence.until", "gives more than " + MAX_COUNT + " appointments");
		}
		return new Recurrence(parsedUnit, parsedInterval, n);
	}

	/** The clinic-local start of each occurrence, the first one first. */
	public List<LocalDateTime> occurrences(LocalDateTime first) {
		List<LocalDateTime> starts = new ArrayList<>(count);
		for (int n = 0; n < count; n++) {
			starts.add(at(first, unit, (long) interval * n));
		}
		if (starts.get(starts.size() - 1).isAfter(first.plus(MAX_SPAN))) {
			throw new InvalidInputException("recurrence.count", "the series may reach at most 5 years ahead");
		}
		return starts;
	}

	private static LocalDateTime at(LocalDateTime first, Unit unit, long steps) {
		return unit == Unit.WEEKS ? first.plusWeeks(steps) : first.plusMonths(steps);
	}

}
