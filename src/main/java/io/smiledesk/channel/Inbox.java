package io.smiledesk.channel;

import java.time.Clock;

import io.smiledesk.system.InvalidInputException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where webhooks leave what providers deliver: stored at once, answered later by the
 * {@link InboxWorker}. A delivery seen before (same channel and provider message id) is
 * acknowledged again and not stored twice.
 */
@Service
class Inbox {

	private static final Logger log = LoggerFactory.getLogger(Inbox.class);

	enum Accepted {

		NEW, DUPLICATE

	}

	private final InboundRepository inbound;

	private final DeadLetterRepository deadLetters;

	private final Addresses addresses;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final InboxWorker worker;

	Inbox(InboundRepository inbound, DeadLetterRepository deadLetters, Addresses addresses,
			PlatformTransactionManager transactions, Clock clock, InboxWorker worker) {
		this.worker = worker;
		this.inbound = inbound;
		this.deadLetters = deadLetters;
		this.addresses = addresses;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * Stores a delivery.
	 * @throws InvalidInputException when the sender is not an address of the channel
	 */
	Accepted accept(Arrival arrival) {
		String sender = addresses.normalise(arrival.channel(), arrival.from());
		String threadKey = addresses.threadKey(arrival, sender);
		try {
			Accepted accepted = transaction.execute(tx -> {
				if (inbound.existsByChannelAndProviderMessageId(arrival.channel(), arrival.providerMessageId())) {
					return Accepted.DUPLICATE;
				}
				inbound.saveAndFlush(new InboundMessage(arrival, threadKey, sender, clock.instant()));
				return Accepted.NEW;
			});
			if (accepted == Accepted.NEW) {
				// committed: answer it now, not at the next poll
				worker.wake();
			}
			return accepted;
		}
		catch (DataIntegrityViolationException ex) {
			// the same delivery arrived twice at once: the other request stored it
			return Accepted.DUPLICATE;
		}
	}

	/** Keeps a payload that could not be read, with why. */
	void deadLetter(String provider, String reason, String payload) {
		log.warn("Unreadable {} payload kept as a dead letter: {}", provider, reason);
		transaction.executeWithoutResult(tx -> deadLetters
			.save(new DeadLetter(provider, reason, payload == null ? "" : payload, clock.instant())));
	}

}
