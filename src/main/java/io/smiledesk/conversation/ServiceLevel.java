package io.smiledesk.conversation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.TimeRange;

/**
 * How long a handoff may wait for staff: an urgent one a couple of minutes, whenever it
 * comes (emergencies do not keep office hours); another one a quarter of an hour of
 * opening time, so that a message sent at night is due shortly after the clinic opens.
 */
public final class ServiceLevel {

	public static final Duration URGENT = Duration.ofMinutes(2);

	public static final Duration NORMAL = Duration.ofMinutes(15);

	/** Looks this far ahead for opening time (a long closure); beyond it, due at once. */
	private static final int MAX_DAYS = 60;

	private ServiceLevel() {
	}

	/** When a handoff asked for at {@code requested} is overdue. */
	public static Instant due(Instant requested, Urgency urgency, ClinicSnapshot clinic) {
		if (urgency == Urgency.URGENT) {
			return requested.plus(URGENT);
		}
		Duration left = NORMAL;
		ZonedDateTime from = requested.atZone(clinic.zone());
		for (int offset = 0; offset < MAX_DAYS; offset++) {
			LocalDate day = from.toLocalDate().plusDays(offset);
			if (clinic.closures().stream().anyMatch(closure -> closure.includes(day))) {
				continue;
			}
			for (TimeRange open : clinic.openingHours().on(day.getDayOfWeek())) {
				LocalDateTime start = LocalDateTime.of(day, open.start());
				LocalDateTime end = LocalDateTime.of(day, open.end());
				LocalDateTime counting = start.isBefore(from.toLocalDateTime()) ? from.toLocalDateTime() : start;
				if (!counting.isBefore(end)) {
					continue;
				}
				Duration available = Duration.between(counting, end);
				if (available.compareTo(left) >= 0) {
					return counting.plus(left).atZone(clinic.zone()).toInstant();
				}
				left = left.minus(available);
			}
		}
		return requested;
	}

}
