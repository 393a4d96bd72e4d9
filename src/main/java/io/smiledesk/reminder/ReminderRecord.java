package io.smiledesk.reminder;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the reminder ledger: a reminder sent, passed over, failed, or (after a
 * missed visit) waiting for its time.
 *
 * @param response what the patient did with it: confirmed, cancelled, rescheduled
 * @param responseVia reply or link
 */
record ReminderRecord(UUID id, UUID appointmentId, Instant appointmentStart, String ruleCode, boolean asksConfirmation,
		Instant dueAt, Status status, String detail, String channel, UUID conversationId, UUID messageId,
		String response, String responseVia, Instant respondedAt, Instant createdAt) {

	/** The rule code of the word after a missed visit. */
	static final String MISSED_YOU = "missed_you";

	enum Status {

		/** Waiting for its time (a word after a missed visit). */
		PENDING,
		/** In the outbox; the channel's delivery report says the rest. */
		QUEUED,
		/** Passed over, with why. */
		SKIPPED,
		/** No channel could take it, with why. */
		FAILED

	}

}
