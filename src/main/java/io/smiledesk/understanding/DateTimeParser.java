package io.smiledesk.understanding;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import io.smiledesk.understanding.time.Grain;
import io.smiledesk.understanding.time.Literal;
import io.smiledesk.understanding.time.TimeContext;
import io.smiledesk.understanding.time.TimeMention;
import io.smiledesk.understanding.time.TimeOfDay;
import io.smiledesk.understanding.time.TimeReader;

/**
 * The dialogue's reading of when: the time a message means (read by {@link TimeReader},
 * see docs/time-expressions.md), turned into the clinic-style search window the dialogue
 * policy works with. A clock time is itself; a day without a time is that day
 * 08:00-18:00; parts of the day are the clinic's (morning 08-12, afternoon 12-17, evening
 * 17-20, lunch 12-14, first thing 08-09); "after 5" runs to 20:00 and "before 10" from
 * 08:00; a window never starts before now, and a time already past gives nothing.
 */
public final class DateTimeParser {

	static final LocalTime DAY_START = LocalTime.of(8, 0);

	static final LocalTime DAY_END = LocalTime.of(18, 0);

	static final LocalTime EVENING_END = LocalTime.of(20, 0);

	/** How far an open span of days ("after Tuesday") reaches. */
	static final int OPEN_DAYS = 14;

	private static final TimeReader READER = new TimeReader();

	/** The clinic's own hours for the parts of the day the reader names. */
	private static final Map<String, LocalTime[]> PARTS = Map.of("morning", hours(8, 12), "first-thing", hours(8, 9),
			"afternoon", hours(12, 17), "evening", hours(17, 20), "night", hours(17, 20), "lunch", hours(12, 14),
			"after-work", hours(17, 20), "end-of-day", hours(15, 17));

	private DateTimeParser() {
	}

	/** English, local arithmetic (no zone). */
	public static Optional<TimeExpression> parse(String message, LocalDateTime now) {
		return parse(message, now, ZoneOffset.UTC, "en");
	}

	public static Optional<TimeExpression> parse(String message, LocalDateTime now, ZoneId zone, String language) {
		TimeContext context = TimeContext.of(now.atZone(zone), language);
		return READER.primary(message, context).flatMap(primary -> window(primary, now));
	}

	/** The clinic-style window of a mention, or empty when it is already past. */
	static Optional<TimeExpression> window(TimeMention mention, LocalDateTime now) {
		Literal literal = mention.literal();
		LocalDateTime start = literal.start() == null ? null : literal.start().toLocalDateTime();
		LocalDateTime end = literal.end() == null ? null : literal.end().toLocalDateTime();
		if (end != null && !end.isAfter(now)) {
			return Optional.empty();
		}
		if (literal instanceof Literal.Value value && (value.grain() == Grain.MINUTE || value.grain() == Grain.HOUR)) {
			return Optional.of(new TimeExpression.At(start));
		}
		TimeOfDay time = mention.timeOfDay();
		LocalDate day = start != null ? start.toLocalDate() : end.minusNanos(1).toLocalDate();
		LocalDateTime from;
		LocalDateTime to;
		if (time instanceof TimeOfDay.ClockRange && start != null && end != null) {
			from = start;
			to = end;
		}
		else if (time instanceof TimeOfDay.PartOfDay part) {
			LocalTime[] hours = PARTS.getOrDefault(part.name(), clamp(part));
			from = day.atTime(hours[0]);
			to = day.atTime(hours[1]);
		}
		else if (time instanceof TimeOfDay.After after) {
			from = day.atTime(after.time());
			to = after.time().isBefore(EVENING_END) ? day.atTime(EVENING_END) : from.plusHours(1);
		}
		else if (time instanceof TimeOfDay.Before before) {
			from = before.time().isAfter(DAY_START) ? day.atTime(DAY_START) : day.atStartOfDay();
			to = day.atTime(before.time());
		}
		else {
			// days: from the first one's opening to the last one's closing
			LocalDate first = start != null ? start.toLocalDate() : now.toLocalDate();
			LocalDate last = end != null ? end.minusNanos(1).toLocalDate() : first.plusDays(OPEN_DAYS - 1L);
			from = first.atTime(DAY_START);
			to = last.atTime(DAY_END);
		}
		if (from.isBefore(now)) {
			from = now;
		}
		return from.isBefore(to) ? Optional.of(new TimeExpression.Between(from, to)) : Optional.empty();
	}

	/** A part of the day the clinic has no hours for, kept within 08:00-20:00. */
	private static LocalTime[] clamp(TimeOfDay.PartOfDay part) {
		LocalTime from = part.from().isBefore(DAY_START) ? DAY_START : part.from();
		LocalTime to = part.to().equals(LocalTime.MIDNIGHT) || part.to().isAfter(EVENING_END) ? EVENING_END : part.to();
		return from.isBefore(to) ? new LocalTime[] { from, to } : new LocalTime[] { part.from(), part.to() };
	}

	private static LocalTime[] hours(int from, int to) {
		return new LocalTime[] { LocalTime.of(from, 0), LocalTime.of(to, 0) };
	}

}
