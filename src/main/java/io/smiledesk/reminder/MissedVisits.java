package io.smiledesk.reminder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.scheduling.AppointmentEvents;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * After a missed visit, when the clinic wants it, a word with a rebooking link waits in
 * the ledger for the next day the clinic is open (the job sends it inside quiet hours).
 */
@Component
class MissedVisits {

	private static final int LOOK_AHEAD_DAYS = 14;

	private final ReminderSettingsStore settings;

	private final ReminderLedger ledger;

	private final ClinicCatalog catalog;

	private final ReminderProperties properties;

	private final Clock clock;

	MissedVisits(ReminderSettingsStore settings, ReminderLedger ledger, ClinicCatalog catalog,
			ReminderProperties properties, Clock clock) {
		this.settings = settings;
		this.ledger = ledger;
		this.catalog = catalog;
		this.properties = properties;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(AppointmentEvents.AppointmentMissed missed) {
		if (!settings.load().missedYou()) {
			return;
		}
		Instant now = clock.instant();
		Instant due = nextOpenDay(catalog.snapshot(), missed.start());
		try {
			ledger.insert(new ReminderRecord(UUID.randomUUID(), missed.appointmentId(), missed.start(),
					ReminderRecord.MISSED_YOU, false, due.isBefore(now) ? now : due, ReminderRecord.Status.PENDING,
					null, null, null, null, null, null, null, null), now);
		}
		catch (DuplicateKeyException ex) {
			// marked missed twice: one word is enough
		}
	}

	/** The clinic-local sending time on the first open day after the visit. */
	Instant nextOpenDay(ClinicSnapshot clinic, Instant visit) {
		LocalDate day = visit.atZone(clinic.zone()).toLocalDate().plusDays(1);
		for (int i = 0; i < LOOK_AHEAD_DAYS; i++) {
			if (!clinic.closedOn(day) && !clinic.openingHours().on(day.getDayOfWeek()).isEmpty()) {
				break;
			}
			day = day.plusDays(1);
		}
		return day.atTime(properties.missedYouAt()).atZone(clinic.zone()).toInstant();
	}

}
