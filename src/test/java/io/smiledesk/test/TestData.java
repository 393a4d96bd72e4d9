package io.smiledesk.test;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Resets what tests write (appointments, holds, patients) and the clock; the seeded
 * clinic stays.
 */
public class TestData {

	private final JdbcTemplate jdbc;

	private final MutableClock clock;

	TestData(JdbcTemplate jdbc, MutableClock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Waits until the listeners that run after a commit (analytics, live screens) have
	 * handled every event published so far.
	 */
	public void awaitEvents() {
		// generous: a burst of bookings queues one email each behind the async executor,
		// and a loaded 2-core machine takes its time; a listener that hangs still fails
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
		// a failed listener's publication stays for the next start: only wait for those
		// in flight
		String pending = "event_publication where completion_date is null and (status is null or status <> 'FAILED')";
		while (count(pending) > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Events still unprocessed after 30 s: "
						+ jdbc.queryForList("select listener_id from " + pending, String.class)
							.stream()
							.distinct()
							.toList());
			}
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	public void reset() {
		awaitEvents();
		for (String table : new String[] { "insurance_claim_line", "insurance_claim", "insurance_coverage",
				"insurance_subscriber", "insurance_plan", "insurance_carrier", "ledger_entry", "invoice",
				"procedure_fee", "waitlist_offer", "waitlist_slot", "waitlist_entry", "reminder", "reminder_rule",
				"reminder_settings", "calendar_feed", "google_calendar_busy", "google_calendar_event",
				"google_calendar_link", "campaign_interaction", "campaign", "campaign_run", "recall_type",
				"conversation_funnel", "imap_mailbox", "gmail_push", "gmail_mailbox", "channel_outbound",
				"channel_inbound", "channel_thread", "channel_consent", "channel_dead_letter", "handoff_escalation",
				"handoff_assignment", "staff_duty_hours", "verification_code", "conversation_message", "conversation",
				"appointment_series_occurrence", "appointment_series", "slot_claim", "slot_hold", "idempotency_record",
				"stripe_event", "deposit", "appointment", "patient_treatment", "patient", "event_publication",
				"analytics_appointment", "analytics_conversation", "analytics_handoff" }) {
			jdbc.update("delete from " + table);
		}
		// released, not deleted: ShedLock remembers the rows it made and only updates
		// them
		jdbc.update("update shedlock set lock_until = locked_at");
		clock.reset();
	}

	public int count(String table) {
		Integer count = jdbc.queryForObject("select count(*) from " + table, Integer.class);
		return count == null ? 0 : count;
	}

	public JdbcTemplate jdbc() {
		return jdbc;
	}

}
