package io.smiledesk.calendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the sync jobs on a schedule; off in tests, which call the jobs directly. */
@Component
@ConditionalOnProperty(name = "smiledesk.calendar.google.scheduler", havingValue = "true", matchIfMissing = true)
class CalendarScheduler {

	private static final Logger log = LoggerFactory.getLogger(CalendarScheduler.class);

	private final CalendarSyncJobs jobs;

	private final GoogleCalendarApi api;

	CalendarScheduler(CalendarSyncJobs jobs, GoogleCalendarApi api) {
		this.jobs = jobs;
		this.api = api;
	}

	@Scheduled(fixedDelayString = "${smiledesk.calendar.google.poll-interval:PT5M}", initialDelayString = "PT1M")
	void tick() {
		if (!api.configured()) {
			return;
		}
		try {
			jobs.run();
		}
		catch (RuntimeException ex) {
			log.warn("Google Calendar sync pass failed: {}", ex.toString());
		}
	}

}
