package io.smiledesk.channel;

import io.smiledesk.conversation.ConversationChannel;
import io.smiledesk.system.InvalidInputException;

import org.springframework.stereotype.Service;

/**
 * A message from a patient's channel handed in by code rather than a webhook (demo
 * fixtures, an integration in the same process): it goes through the same inbox, once.
 */
@Service
public class InboundMessages {

	private final Inbox inbox;

	private final InboxWorker worker;

	InboundMessages(Inbox inbox, InboxWorker worker) {
		this.inbox = inbox;
		this.worker = worker;
	}

	/**
	 * Stores the message; returns false when one with this provider id was already
	 * stored.
	 * @param thread the provider's thread (an email thread), or null where the sender's
	 * address is the thread
	 * @throws InvalidInputException when {@code from} is not an address of the channel
	 */
	public boolean deliver(ConversationChannel channel, String providerMessageId, String thread, String from,
			String text) {
		return inbox
			.accept(new Arrival(channel, "internal", providerMessageId, thread, from, text)) == Inbox.Accepted.NEW;
	}

	/** Answers everything in the inbox now, in this thread; returns how many. */
	public int answerWaiting() {
		return worker.drain();
	}

}
