package io.smiledesk.assistant;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.conversation.ConversationChannel;
import io.smiledesk.understanding.Entities;
import io.smiledesk.understanding.Intent;
import io.smiledesk.understanding.Understanding;

/**
 * One patient message in its setting, as the flows see it.
 *
 * @param text what the assistant reads (the beginning of a long message)
 * @param intent the intent read in the light of the conversation
 * @param learnt whether the message gave a new fact
 * @param knownAppointment the appointment the conversation is about (a reminder's), or
 * null
 */
record Turn(UUID conversationId, ConversationChannel channel, String text, Understanding understanding, Intent intent,
		boolean learnt, ClinicSnapshot clinic, Instant now, Locale locale, UUID knownAppointment) {

	Turn(UUID conversationId, ConversationChannel channel, String text, Understanding understanding, Intent intent,
			boolean learnt, ClinicSnapshot clinic, Instant now, Locale locale) {
		this(conversationId, channel, text, understanding, intent, learnt, clinic, now, locale, null);
	}

	Entities entities() {
		return understanding.entities();
	}

	ZoneId zone() {
		return clinic.zone();
	}

	LocalDateTime localNow() {
		return LocalDateTime.ofInstant(now, clinic.zone());
	}

	LocalDateTime local(Instant instant) {
		return LocalDateTime.ofInstant(instant, clinic.zone());
	}

	/** The same message counted as moving the conversation on (a question answered). */
	Turn movedOn() {
		return new Turn(conversationId, channel, text, understanding, intent, true, clinic, now, locale,
				knownAppointment);
	}

	/** Part of the message, read with the whole message's understanding. */
	Turn withText(String part) {
		return new Turn(conversationId, channel, part, understanding, intent, learnt, clinic, now, locale,
				knownAppointment);
	}

	Turn withIntent(Intent other) {
		return new Turn(conversationId, channel, text, understanding, other, learnt, clinic, now, locale,
				knownAppointment);
	}

}
