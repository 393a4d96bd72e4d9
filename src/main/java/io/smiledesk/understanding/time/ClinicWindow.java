package io.smiledesk.understanding.time;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The window of a literal reading: the part of it during which the clinic is open, from
 * the first opening moment it contains to the last closing moment. A point in time ("at
 * 3pm", grain minute or hour) is the minute from it, if the clinic is open then. An open
 * end is bounded by the day of the other end for clock times ("after 5pm": that evening)
 * and by the horizon for days ("after Tuesday"); an open start by the reference's day. A
 * reading already over has no window.
 */
public final class ClinicWindow {

	/**
	 * A clinic-local opening period of one day, {@code end} exclusive, after the start.
	 */
	public record Period(LocalTime start, LocalTime end) {
	}

	/** The clinic's opening periods on a date; none when it is closed. */
	@FunctionalInterface
	public interface OpeningHours {

		List<Period> on(LocalDate date);

	}

	public record Window(ZonedDateTime from, ZonedDateTime to) {
	}

	private ClinicWindow() {
	}

	/**
	 * @param horizon how far an open span of days reaches from the reference (the
	 * clinic's booking horizon)
	 */
	public static Optional<Window> of(Literal literal, OpeningHours hours, ZonedDateTime reference, Duration horizon) {
		ZoneId zone = reference.getZone();
		if (literal instanceof Literal.Value value && (value.grain() == Grain.MINUTE || value.grain() == Grain.HOUR)) {
			LocalDateTime at = value.at().toLocalDateTime();
			boolean open = hours.on(at.toLocalDate())
				.stream()
				.anyMatch(period -> !at.toLocalTime().isBefore(period.start())
						&& at.toLocalTime().isBefore(period.end()));
			return open && value.at().isAfter(reference.minusMinutes(1))
					? Optional.of(new Window(value.at(), value.at().plusMinutes(1))) : Optional.empty();
		}
		LocalDateTime from = literal.start() == null ? null : literal.start().toLocalDateTime();
		LocalDateTime to = literal.end() == null ? null : literal.end().toLocalDateTime();
		boolean clock = literal.grain() == Grain.MINUTE || literal.grain() == Grain.HOUR;
		if (to == null) {
			to = clock ? from.toLocalDate().plusDays(1).atStartOfDay()
					: reference.toLocalDateTime().plus(horizon).toLocalDate().plusDays(1).atStartOfDay();
		}
		if (from == null) {
			from = clock ? to.minusNanos(1).toLocalDate().atStartOfDay() : reference.toLocalDate().atStartOfDay();
		}
		return clamp(from, to, hours, zone).filter(window -> window.to().isAfter(reference));
	}

	private static Optional<Window> clamp(LocalDateTime from, LocalDateTime to, OpeningHours hours, ZoneId zone) {
		LocalDateTime first = null;
		LocalDateTime last = null;
		// at most a year of days: a reading of a year is looked at whole, no further
		LocalDate end = to.minusNanos(1).toLocalDate();
		for (LocalDate date = from.toLocalDate(); !date.isAfter(end)
				&& date.isBefore(from.toLocalDate().plusDays(370)); date = date.plusDays(1)) {
			for (Period period : hours.on(date)) {
				LocalDateTime start = max(date.atTime(period.start()), from);
				LocalDateTime stop = min(period.end().equals(LocalTime.MIDNIGHT) ? date.plusDays(1).atStartOfDay()
						: date.atTime(period.end()), to);
				if (start.isBefore(stop)) {
					first = first == null ? start : first;
					last = stop;
				}
			}
		}
		return first == null ? Optional.empty() : Optional.of(new Window(first.atZone(zone), last.atZone(zone)));
	}

	private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
		return a.isAfter(b) ? a : b;
	}

	private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
		return a.isBefore(b) ? a : b;
	}

}
