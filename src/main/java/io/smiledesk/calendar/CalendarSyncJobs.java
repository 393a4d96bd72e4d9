package io.smiledesk.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.smiledesk.system.JobLocks;

import org.springframework.stereotype.Component;

/**
 * The background work behind Google Calendar sync, one instance at a time (ShedLock):
 * channels renewed before they end, and calendars without a live channel read on a
 * schedule instead. Called by {@link CalendarScheduler}, and by tests directly.
 */
@Component
class CalendarSyncJobs {

	private static final Duration LOCK_AT_MOST = Duration.ofMinutes(10);

	private final CalendarLinks links;

	private final CalendarWatch watch;

	private final CalendarImport imports;

	private final JobLocks locks;

	private final Clock clock;

	CalendarSyncJobs(CalendarLinks links, CalendarWatch watch, CalendarImport imports, JobLocks locks, Clock clock) {
		this.links = links;
		this.watch = watch;
		this.imports = imports;
		this.locks = locks;
		this.clock = clock;
	}

	record Result(int renewed, int polled) {
	}

	/** One pass; empty when another instance is running it. */
	Optional<Result> run() {
		return locks.runExclusively("google-calendar-sync", LOCK_AT_MOST, this::pass);
	}

	private Result pass() {
		int renewed = 0;
		int polled = 0;
		for (CalendarLinks.Link link : links.all()) {
			if (watch.ensure(link)) {
				renewed++;
			}
			Instant now = clock.instant();
			CalendarLinks.Link current = links.ofProvider(link.providerId()).orElse(link);
			if (!current.watched(now)) {
				imports.sync(link.providerId());
				polled++;
			}
		}
		return new Result(renewed, polled);
	}

}
