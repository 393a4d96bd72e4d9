package io.smiledesk.channel;

import io.smiledesk.conversation.ConversationChannel;

/**
 * A message a provider delivered, as every channel's webhook reads it.
 *
 * @param providerMessageId the provider's id of the message (Twilio's MessageSid, an
 * email's Message-ID): a second delivery with the same id is the same message
 * @param thread the provider's conversation (an email thread), or null where the sender's
 * address is the thread (SMS, WhatsApp)
 * @param from the sender's address as the provider gives it
 * @param subject an email's subject, or null
 */
record Arrival(ConversationChannel channel, String provider, String providerMessageId, String thread, String from,
		String text, String subject) {

	Arrival(ConversationChannel channel, String provider, String providerMessageId, String thread, String from,
			String text) {
		this(channel, provider, providerMessageId, thread, from, text, null);
	}

}
