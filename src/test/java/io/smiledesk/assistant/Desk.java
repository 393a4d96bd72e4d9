package io.smiledesk.assistant;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.conversation.ConversationChannel;
import io.smiledesk.scheduling.AppointmentStatus;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.CreatedFrom;
import io.smiledesk.test.Clinics;
import io.smiledesk.understanding.Entities;
import io.smiledesk.understanding.Intent;
import io.smiledesk.understanding.TimeExpression;
import io.smiledesk.understanding.Understanding;

/**
 * Turns and appointments for the flows' tests, without Spring: the demo catalog, Monday 4
 * August 2025 08:00.
 */
final class Desk {

	static final ClinicSnapshot CLINIC = Clinics.demo();

	static final ZoneId ZONE = CLINIC.zone();

	static final Instant NOW = Clinics.NOW.atZone(ZONE).toInstant();

	static final UUID CONVERSATION = UUID.fromString("00000000-0000-0000-0000-00000000c0de");

	private Desk() {
	}

	static Turn turn(String text, Intent intent, Entities entities, boolean learnt) {
		return turn(text, intent, entities, learnt, Locale.ENGLISH);
	}

	static Turn turn(String text, Intent intent, Entities entities, boolean learnt, Locale locale) {
		Understanding understanding = new Understanding(intent, 0.9, entities, locale.getLanguage(),
				Understanding.OFFLINE, null);
		return new Turn(CONVERSATION, ConversationChannel.WEB, text, understanding, intent, learnt, CLINIC, NOW,
				locale);
	}

	static Turn said(String text, Intent intent) {
		return turn(text, intent, Entities.NONE, false);
	}

	static Entities when(TimeExpression when) {
		return new Entities(null, null, null, null, null, null, when, null);
	}

	static Entities service(String serviceId) {
		return new Entities(serviceId, null, null, null, null, null, null, null);
	}

	static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(ZONE).toInstant();
	}

	static AppointmentView appointment(UUID id, UUID patient, String serviceId, String local) {
		return new AppointmentView(id, patient, "dr-maria-lopez", "op-1", serviceId, at(local), 45,
				AppointmentStatus.BOOKED, null, CreatedFrom.CHAT, null, null, NOW, NOW);
	}

	static Draft draft() {
		return new Draft(new Wording(), Locale.ENGLISH);
	}

}
