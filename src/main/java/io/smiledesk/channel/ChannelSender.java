package io.smiledesk.channel;

import java.util.UUID;

import io.smiledesk.conversation.ConversationChannel;

/** Sends on one provider. Implementations speak the provider's own protocol. */
interface ChannelSender {

	/** Whether this sender is set up to send on the channel. */
	boolean sends(ConversationChannel channel);

	/**
	 * Sends one message; returns the provider's id for it.
	 * @throws SendFailure when the provider refused or could not be reached
	 */
	String send(Outgoing message);

	/**
	 * @param inReplyTo the provider id of the patient's latest message (email threading),
	 * or null
	 * @param subject an email's own subject, or null for a reply's
	 * @param attachment a file to attach to an email, or null
	 */
	record Outgoing(UUID id, ConversationChannel channel, String recipient, String body, String inReplyTo,
			String subject, MailAttachment attachment) {

		Outgoing(UUID id, ConversationChannel channel, String recipient, String body, String inReplyTo) {
			this(id, channel, recipient, body, inReplyTo, null, null);
		}

	}

	/** A refused send; {@code permanent} when trying again cannot help (a bad number). */
	class SendFailure extends RuntimeException {

		private final boolean permanent;

		SendFailure(String message, boolean permanent) {
			super(message);
			this.permanent = permanent;
		}

		boolean permanent() {
			return permanent;
		}

	}

}
