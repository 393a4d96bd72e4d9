package io.smiledesk.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

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

	private final LockProvider locks;

	private final Clock clock;

	CalendarSyncJobs(CalendarLinks links, CalendarWatch watch, CalendarImport imports, LockProvider locks,
			Clock clock) {
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
		Optional<SimpleLock> lock = locks
			.lock(new LockConfiguration(ClockProvider.now(), "google-calendar-sync", LOCK_AT_MOST, Duration.ZERO));
		if (lock.isEmpty()) {
			return Optional.empty();
		}
		try {
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
			return Optional.of(new Result(renewed, polled));
		}
		finally {
			lock.get().unlock();
		}
	}

}
