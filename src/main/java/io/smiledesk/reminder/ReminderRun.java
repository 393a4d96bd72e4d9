package io.smiledesk.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.scheduling.AppointmentStatus;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Appointments;
import io.smiledesk.system.JobLocks;

import org.springframework.stereotype.Service;

/**
 * One pass of the reminder job: every upcoming visit's due reminder goes out (or is
 * passed over, with why), then the words after missed visits whose time has come. Runs on
 * one instance at a time; the ledger's unique key keeps even an overlap from sending
 * twice.
 */
@Service
class ReminderRun {

	private static final String LOCK = "reminders";

	private static final Duration LOCK_AT_MOST = Duration.ofMinutes(10);

	private static final Set<AppointmentStatus> UPCOMING = EnumSet.of(AppointmentStatus.BOOKED,
			AppointmentStatus.CONFIRMED);

	private final Appointments appointments;

	private final ReminderSettingsStore settings;

	private final ReminderLedger ledger;

	private final ReminderSending sending;

	private final JobLocks locks;

	private final ClinicCatalog catalog;

	private final Clock clock;

	ReminderRun(Appointments appointments, ReminderSettingsStore settings, ReminderLedger ledger,
			ReminderSending sending, JobLocks locks, ClinicCatalog catalog, Clock clock) {
		this.appointments = appointments;
		this.settings = settings;
		this.ledger = ledger;
		this.sending = sending;
		this.locks = locks;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** Sends what is due now; empty when another instance is at it. */
	Optional<Integer> runNow() {
		return locks.runExclusively(LOCK, LOCK_AT_MOST, this::run);
	}

	private int run() {
		Instant now = clock.instant();
		ReminderSettings current = settings.load();
		List<AppointmentView> upcoming = appointments.between(now, now.plus(current.longest()).plus(Duration.ofDays(1)),
				Optional.empty(), Optional.empty(), UPCOMING);
		Map<UUID, Set<String>> handled = ledger
			.handled(upcoming.stream().collect(Collectors.toMap(AppointmentView::id, AppointmentView::start)));
		int queued = 0;
		for (AppointmentView appointment : upcoming) {
			ReminderPlan.Decision decision = ReminderPlan.decide(current, appointment.start(), appointment.createdAt(),
					now, catalog.snapshot().zone(), handled.getOrDefault(appointment.id(), Set.of()));
			decision.skipped().forEach(skip -> sending.skip(appointment, skip));
			if (decision.send().isPresent()) {
				ReminderPlan.Due due = decision.send().get();
				queued += sending.remind(appointment, due.rule(), due.dueAt(), current) == ReminderSending.Result.QUEUED
						? 1 : 0;
			}
		}
		List<ReminderRecord> missed = ledger.pendingDue(now);
		Map<UUID, AppointmentView> visits = missed.stream()
			.map(ReminderRecord::appointmentId)
			.distinct()
			.map(appointments::find)
			.flatMap(Optional::stream)
			.collect(Collectors.toMap(AppointmentView::id, Function.identity()));
		for (ReminderRecord pending : missed) {
			AppointmentView visit = visits.get(pending.appointmentId());
			if (visit == null || visit.status() != AppointmentStatus.NO_SHOW) {
				ledger.settle(pending.id(), ReminderRecord.Status.SKIPPED, "the visit is no longer a missed one", now);
				continue;
			}
			if (!appointments
				.between(now, now.plus(Duration.ofDays(730)), Optional.empty(), Optional.of(visit.patientId()),
						UPCOMING)
				.isEmpty()) {
				ledger.settle(pending.id(), ReminderRecord.Status.SKIPPED, "the patient has booked again", now);
				continue;
			}
			queued += sending.missedYou(pending, visit, current) == ReminderSending.Result.QUEUED ? 1 : 0;
		}
		return queued;
	}

}
