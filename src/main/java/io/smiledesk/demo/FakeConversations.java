package io.smiledesk.demo;

import java.util.List;
import java.util.Random;

import io.smiledesk.channel.InboundMessages;
import io.smiledesk.conversation.ConversationChannel;

import org.springframework.stereotype.Component;

/**
 * Conversations on every channel for the console's inbox: patients writing by SMS,
 * WhatsApp and email the way they do, each answered by the assistant through the same
 * inbox as a real message. Without a provider the replies stay in the outbox as not sent.
 */
@Component
class FakeConversations {

	private static final List<List<String>> SMS = List.of(List.of("Hi, do you have anything for a cleaning next week?"),
			List.of("What time do you close on Fridays?"), List.of("Is there parking near the office?", "thanks"),
			List.of("I need to cancel my appointment"), List.of("STOP"),
			List.of("My crown came off, can someone call me?"));

	private static final List<List<String>> WHATSAPP = List.of(List.of("Hola, ¿tienen cita el sábado?"),
			List.of("Do you take walk-ins?"), List.of("How much is teeth whitening?", "ok thank you"));

	private static final List<List<String>> EMAIL = List.of(
			List.of("Hello, I would like to know whether you accept new patients and what a first visit includes."),
			List.of("Good morning, could I move my appointment to a later date? Thank you."),
			List.of("Do you offer payment plans for crowns?"));

	private final InboundMessages inbound;

	FakeConversations(InboundMessages inbound) {
		this.inbound = inbound;
	}

	/**
	 * Adds about {@code count} conversations; returns how many messages were answered.
	 */
	int generate(int count, long seed) {
		Random random = new Random(seed);
		for (int i = 0; i < count; i++) {
			int kind = random.nextInt(10);
			ConversationChannel channel = kind < 5 ? ConversationChannel.SMS
					: kind < 7 ? ConversationChannel.WHATSAPP : ConversationChannel.EMAIL;
			List<List<String>> scripts = channel == ConversationChannel.SMS ? SMS
					: channel == ConversationChannel.WHATSAPP ? WHATSAPP : EMAIL;
			List<String> script = scripts.get(random.nextInt(scripts.size()));
			String from = channel == ConversationChannel.EMAIL ? "patient" + seed + "." + i + "@example.com"
					: "+1973555" + String.format("%04d", random.nextInt(10_000));
			String thread = channel == ConversationChannel.EMAIL ? "fixture-" + seed + "-" + i : null;
			for (int n = 0; n < script.size(); n++) {
				inbound.deliver(channel, "fixture-" + seed + "-" + i + "-" + n, thread, from, script.get(n));
				// answered in order, as the patient would have waited for the reply
				inbound.answerWaiting();
			}
		}
		return count;
	}

}
