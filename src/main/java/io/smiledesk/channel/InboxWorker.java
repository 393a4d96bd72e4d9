package io.smiledesk.channel;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import jakarta.annotation.PreDestroy;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers what is in the inbox, oldest first. A worker claims a message for a lease, so
 * that two instances never answer it at the same time, and one that died is replaced
 * after the lease. Answering is idempotent (the conversation keeps the provider's message
 * id), so a message answered just before a crash is not answered again.
 */
@Component
class InboxWorker {

	private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);

	private final InboundRepository inbound;

	private final InboundHandling handling;

	private final ChannelProperties properties;

	private final TransactionTemplate transaction;

	private final Clock clock;

	InboxWorker(InboundRepository inbound, InboundHandling handling, ChannelProperties properties,
			PlatformTransactionManager transactions, Clock clock) {
		this.inbound = inbound;
		this.handling = handling;
		this.properties = properties;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	private final Wakeup wakeup = new Wakeup("inbox-worker", this::drain);

	@Scheduled(fixedDelayString = "${smiledesk.channels.inbox.poll-interval:PT0.5S}", initialDelayString = "PT5S")
	void poll() {
		if (properties.workers()) {
			wakeup.wake();
		}
	}

	/** A delivery was stored: answer it now rather than at the next poll. */
	void wake() {
		if (properties.workers()) {
			wakeup.wake();
		}
	}

	@PreDestroy
	void stop() {
		wakeup.close();
	}

	/** Handles everything due now; returns how many messages were answered. */
	int drain() {
		int answered = 0;
		while (true) {
			List<UUID> due = inbound.findDue(clock.instant(), PageRequest.of(0, properties.inbox().batch()));
			int before = answered;
			for (UUID id : due) {
				if (handle(id)) {
					answered++;
				}
			}
			if (answered == before) {
				return answered;
			}
		}
	}

	private boolean handle(UUID id) {
		InboundMessage claimed = transaction.execute(tx -> inbound.lock(id)
			.filter(message -> message.claim(clock.instant(), properties.inbox().lease()))
			.orElse(null));
		if (claimed == null) {
			return false;
		}
		try {
			// not one transaction: the assistant's steps commit on their own (a booking
			// refused by the database must not doom the turn); the conversation's record
			// of the provider's id makes a retry harmless
			UUID conversation = handling.handle(claimed);
			transaction
				.executeWithoutResult(tx -> inbound.lock(id).orElseThrow().processed(conversation, clock.instant()));
			return true;
		}
		catch (RuntimeException ex) {
			log.warn("Inbound message {} could not be answered (attempt {})", id, claimed.attempts(), ex);
			Instant retryAt = clock.instant().plus(properties.inbox().retryDelay().multipliedBy(claimed.attempts()));
			transaction.executeWithoutResult(tx -> inbound.lock(id)
				.orElseThrow()
				.failed(ex.getClass().getSimpleName() + ": " + ex.getMessage(), retryAt,
						properties.inbox().maxAttempts()));
			return false;
		}
	}

}
