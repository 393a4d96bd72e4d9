package io.smiledesk.channel;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * When the clinic may write to a patient first: never to an opted-out address, never in
 * quiet hours (clinic-local), and no more than the daily and weekly caps. Plain rules
 * over what was sent before, so every case is a unit test; the times are right across
 * daylight-saving changes because they are computed on the clinic's local dates.
 */
final class ProactivePolicy {

	sealed interface Decision {

		/** Send now. */
		record Send() implements Decision {
		}

		/** Not before {@code until}; nothing was written. */
		record Defer(Instant until, String reason) implements Decision {
		}

		/** Not at all (opted out). */
		record Refuse(String reason) implements Decision {
		}

	}

	private final ChannelProperties.Proactive limits;

	private final ZoneId zone;

	ProactivePolicy(ChannelProperties.Proactive limits, ZoneId zone) {
		this.limits = limits;
		this.zone = zone;
	}

	/**
	 * @param sentBefore when earlier proactive messages to this address were sent (any
	 * order; only the last week matters)
	 */
	Decision decide(Instant now, boolean optedOut, List<Instant> sentBefore) {
		if (optedOut) {
			return new Decision.Refuse("opted-out: the patient asked for no more messages on this channel");
		}
		ZonedDateTime local = now.atZone(zone);
		if (quiet(local.toLocalTime())) {
			return new Decision.Defer(nextMorning(local), "quiet-hours");
		}
		LocalDate today = local.toLocalDate();
		long sentToday = sentBefore.stream().filter(sent -> sent.atZone(zone).toLocalDate().equals(today)).count();
		if (sentToday >= limits.maxPerDay()) {
			return new Decision.Defer(today.plusDays(1).atTime(limits.quietUntil()).atZone(zone).toInstant(),
					"daily-cap");
		}
		Instant weekAgo = now.minus(Duration.ofDays(7));
		List<Instant> thisWeek = sentBefore.stream().filter(sent -> sent.isAfter(weekAgo)).sorted().toList();
		if (thisWeek.size() >= limits.maxPerWeek()) {
			Instant freed = thisWeek.get(thisWeek.size() - limits.maxPerWeek()).plus(Duration.ofDays(7));
			ZonedDateTime at = freed.atZone(zone);
			return new Decision.Defer(quiet(at.toLocalTime()) ? nextMorning(at) : freed, "weekly-cap");
		}
		return new Decision.Send();
	}

	/** Quiet from {@code quietFrom} to {@code quietUntil}, over midnight. */
	private boolean quiet(LocalTime time) {
		LocalTime from = limits.quietFrom();
		LocalTime until = limits.quietUntil();
		return from.isAfter(until) ? !time.isBefore(from) || time.isBefore(until)
				: !time.isBefore(from) && time.isBefore(until);
	}

	private Instant nextMorning(ZonedDateTime local) {
		LocalDate day = local.toLocalTime().isBefore(limits.quietUntil()) ? local.toLocalDate()
				: local.toLocalDate().plusDays(1);
		return day.atTime(limits.quietUntil()).atZone(zone).toInstant();
	}

}
