package io.smiledesk.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.system.JobLocks;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The proactive path: starts the campaigns that are due, then sends every follow-up whose
 * time has come. One instance at a time runs it (a lock in the database); running it
 * again the same day finds nothing new to do. The daily run also claims its clinic day,
 * so a second instance or a restart does not repeat it.
 */
@Service
class CampaignRun {

	/**
	 * Held longer than any run takes; released as soon as the run ends. Locks count real
	 * time (the database's), not the clinic's clock.
	 */
	private static final Duration LOCK_AT_MOST = Duration.ofMinutes(30);

	private static final String LOCK = "campaign-run";

	/** What a run did. */
	record Result(int campaignsCreated, int messagesQueued, int campaignsFailed) {
	}

	private final CampaignStarts starts;

	private final FollowUps followUps;

	private final JobLocks locks;

	private final JdbcClient jdbc;

	private final ClinicCatalog catalog;

	private final Clock clock;

	CampaignRun(CampaignStarts starts, FollowUps followUps, JobLocks locks, JdbcClient jdbc, ClinicCatalog catalog,
			Clock clock) {
		this.starts = starts;
		this.followUps = followUps;
		this.locks = locks;
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * Runs now; empty when another instance is running it at this moment.
	 */
	Optional<Result> runNow() {
		return locks.runExclusively(LOCK, LOCK_AT_MOST, this::run);
	}

	/**
	 * The daily run, once its clinic-local time has come; empty when today's has been
	 * done (here or on another instance) or is running elsewhere.
	 */
	Optional<Result> runDaily(LocalTime at) {
		LocalDate today = LocalDate.now(clock.withZone(catalog.snapshot().zone()));
		if (LocalTime.now(clock.withZone(catalog.snapshot().zone())).isBefore(at) || ranOn(today)) {
			return Optional.empty();
		}
		return locks.<Optional<Result>>runExclusively(LOCK, LOCK_AT_MOST, () -> {
			if (!claim(today, clock.instant())) {
				return Optional.empty();
			}
			Result result;
			try {
				result = run();
			}
			catch (RuntimeException ex) {
				// give the day back, so the next tick tries again
				jdbc.sql("delete from campaign_run where clinic_id = ? and run_on = ?")
					.params(Clinics.DEFAULT, today)
					.update();
				throw ex;
			}
			jdbc.sql("""
					update campaign_run set campaigns_created = ?, messages_queued = ?, campaigns_failed = ?
					where clinic_id = ? and run_on = ?""")
				.params(result.campaignsCreated(), result.messagesQueued(), result.campaignsFailed(), Clinics.DEFAULT,
						today)
				.update();
			return Optional.of(result);
		}).flatMap(ran -> ran);
	}

	private Result run() {
		int created = starts.startDue();
		int queued = 0;
		int failed = 0;
		List<UUID> due = followUps.due();
		while (!due.isEmpty()) {
			int progressed = 0;
			for (UUID id : due) {
				FollowUps.Result result = followUps.send(id);
				if (result == FollowUps.Result.QUEUED) {
					queued++;
				}
				else if (result == FollowUps.Result.FAILED) {
					failed++;
				}
				if (result != FollowUps.Result.SKIPPED) {
					progressed++;
				}
			}
			// each handled campaign moved its next attempt on (or ended): the next page
			// is
			// new work; a page where nothing moved would repeat forever
			due = progressed == 0 ? List.of() : followUps.due();
		}
		return new Result(created, queued, failed);
	}

	private boolean ranOn(LocalDate day) {
		return jdbc.sql("select count(*) from campaign_run where clinic_id = ? and run_on = ?")
			.params(Clinics.DEFAULT, day)
			.query(Long.class)
			.single() > 0;
	}

	private boolean claim(LocalDate day, Instant now) {
		try {
			jdbc.sql("""
					insert into campaign_run (clinic_id, run_on, started_at, campaigns_created, messages_queued,
					    campaigns_failed) values (?, ?, ?, 0, 0, 0)""")
				.params(Clinics.DEFAULT, day, java.sql.Timestamp.from(now))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

}
