package io.smiledesk.conversation;

import java.util.UUID;

/**
 * A module that writes to patients first (a campaign, a reminder) and so knows what a
 * reply in its conversations is about. It may say what a short answer means before the
 * assistant reads it ("yes" to an offer of a cleaning is asking to book one), and adjust
 * the assistant's reply before it is sent (add a booking link, close politely, hand
 * over). The patient's own words are what is stored. Most conversations have no purpose:
 * implementations return what they were given.
 */
public interface ConversationPurpose {

	/** What the assistant should read for the patient's {@code text}. */
	default String interpret(UUID conversationId, String text) {
		return text;
	}

	/** The reply to send; {@code reply} is the assistant's. */
	default Reply review(UUID conversationId, String text, Reply reply) {
		return reply;
	}

}
