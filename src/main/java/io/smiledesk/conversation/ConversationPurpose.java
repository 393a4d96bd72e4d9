package io.smiledesk.conversation;

import java.util.Map;
import java.util.Optional;
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

	/**
	 * Who the conversation is with and what it is about, when this module wrote first to
	 * a patient on it; {@code text} is the patient's new message.
	 */
	default Optional<Assistant.Known> known(UUID conversationId, String text) {
		return Optional.empty();
	}

	/**
	 * An answer this module gives itself, without the assistant, to a reply only it can
	 * read ("C" to a reminder that asked for a confirmation). Only for short, exact
	 * answers: the assistant's safety screening does not see the message.
	 */
	default Optional<Answer> answer(UUID conversationId, String text) {
		return Optional.empty();
	}

	/** The reply to send; {@code reply} is the assistant's. */
	default Reply review(UUID conversationId, String text, Reply reply) {
		return reply;
	}

	/**
	 * @param intent what the reply was read as, for the record
	 * @param metadata stored with the reply
	 */
	record Answer(String text, String intent, Map<String, Object> metadata) {

		public Answer {
			metadata = Map.copyOf(metadata);
		}

	}

}
