package io.smiledesk.system;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

import org.springframework.stereotype.Component;

/**
 * The cluster-wide locks of the scheduled jobs (campaigns, reminders, the waitlist,
 * calendar sync), so that a job runs on one instance at a time.
 */
@Component
public class JobLocks {

	private final LockProvider locks;

	JobLocks(LockProvider locks) {
		this.locks = locks;
	}

	/**
	 * Runs the work under the named lock, released as soon as the work ends.
	 * @param name the lock's name, one per job
	 * @param atMostFor how long the lock holds if the instance dies while running; counts
	 * real time (the database's), not the clinic's clock
	 * @param work what to run
	 * @return what the work returned; empty when another instance holds the lock
	 */
	public <T> Optional<T> runExclusively(String name, Duration atMostFor, Supplier<T> work) {
		Optional<SimpleLock> lock = locks
			.lock(new LockConfiguration(ClockProvider.now(), name, atMostFor, Duration.ZERO));
		if (lock.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(work.get());
		}
		finally {
			lock.get().unlock();
		}
	}

}
