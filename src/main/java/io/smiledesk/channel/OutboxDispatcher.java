package io.smiledesk.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.conversation.ConversationChannel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import jakarta.annotation.PreDestroy;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what is in the outbox. Each attempt is claimed for a lease, so two instances do
 * not send the same message at once; a failed attempt is tried again with exponential
 * backoff until {@code max-attempts}, then the message is {@code failed} and staff may
 * retry it. With no provider set up for a channel a message ends {@code not_sent}, kept
 * and shown in the console.
 */
@Component
class OutboxDispatcher {

	private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

	/** WhatsApp lets a business answer freely only this long after the patient wrote. */
	static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);

	private final OutboundRepository outbound;

	private final Threads threads;

	private final List<ChannelSender> senders;

	private final ChannelProperties properties;

	private final TransactionTemplate transaction;

	private final Clock clock;

	OutboxDispatcher(OutboundRepository outbound, Threads threads, List<ChannelSender> senders,
			ChannelProperties properties, PlatformTransactionManager transactions, Clock clock) {
		this.outbound = outbound;
		this.threads = threads;
		this.senders = senders;
		this.properties = properties;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	private final Wakeup wakeup = new Wakeup("outbox-dispatcher", this::drain);

	@Scheduled(fixedDelayString = "${smiledesk.channels.outbox.poll-interval:PT0.5S}", initialDelayString = "PT5S")
	void poll() {
		if (properties.workers()) {
			wakeup.wake();
		}
	}

	/** A message was queued: send it now rather than at the next poll. */
	@TransactionalEventListener
	void on(ChannelEvents.OutboundQueued queued) {
		if (properties.workers()) {
			wakeup.wake();
		}
	}

	@PreDestroy
	void stop() {
		wakeup.close();
	}

	/** Makes one attempt at everything due now; returns how many were sent. */
	int drain() {
		int sent = 0;
		for (UUID id : outbound.findDue(clock.instant(), PageRequest.of(0, properties.outbox().batch()))) {
			if (dispatch(id)) {
				sent++;
			}
		}
		return sent;
	}

	private boolean dispatch(UUID id) {
		ChannelSender.Outgoing claimed = transaction.execute(tx -> outbound.lock(id)
			.filter(message -> message.claim(clock.instant(), properties.outbox().lease()))
			.map(this::outgoing)
			.orElse(null));
		if (claimed == null) {
			return false;
		}
		Optional<ChannelSender> sender = senders.stream().filter(each -> each.sends(claimed.channel())).findFirst();
		if (sender.isEmpty()) {
			update(id, message -> message.notSent(
					"no provider is set up for " + claimed.channel().name().toLowerCase() + "; the message is kept",
					clock.instant()));
			return false;
		}
		String windowClosed = whatsAppWindowClosed(claimed);
		if (windowClosed != null) {
			update(id, message -> message.attemptFailed(windowClosed, null, 0, clock.instant()));
			return false;
		}
		try {
			String providerId = sender.get().send(claimed);
			update(id, message -> message.sent(providerId, clock.instant()));
			return true;
		}
		catch (ChannelSender.SendFailure ex) {
			log.warn("Sending outbound message {} failed: {}", id, ex.getMessage());
			update(id, message -> message.attemptFailed(ex.getMessage(), retryAt(message.attempts()),
					ex.permanent() ? 0 : properties.outbox().maxAttempts(), clock.instant()));
			return false;
		}
	}

	/**
	 * Backoff: the first retry after {@code first-retry}, each later one twice as late.
	 */
	private Instant retryAt(int attempts) {
		Duration delay = properties.outbox().firstRetry().multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
		Duration capped = delay.compareTo(properties.outbox().maxRetry()) > 0 ? properties.outbox().maxRetry() : delay;
		return clock.instant().plus(capped);
	}

	private String whatsAppWindowClosed(ChannelSender.Outgoing message) {
		if (message.channel() != ConversationChannel.WHATSAPP) {
			return null;
		}
		Instant last = transaction.execute(tx -> outbound.findById(message.id())
			.flatMap(found -> found.conversationId() == null ? Optional.empty() : threads.of(found.conversationId()))
			.map(ChannelThread::lastInboundAt)
			.orElse(null));
		boolean open = last != null && last.plus(WHATSAPP_WINDOW).isAfter(clock.instant());
		return open ? null : "whatsapp-window-closed: more than 24 hours since the patient wrote; only an approved"
				+ " template may be sent";
	}

	private ChannelSender.Outgoing outgoing(OutboundMessage message) {
		Optional<ChannelThread> thread = message.conversationId() == null ? Optional.empty()
				: threads.of(message.conversationId());
		String inReplyTo = thread.map(ChannelThread::lastMessageRef).orElse(null);
		// a reply carries the patient's own subject, so that their mail client threads it
		String subject = message.subject() != null ? message.subject() : message.channel() == ConversationChannel.EMAIL
				? thread.map(ChannelThread::subject).map(MailThreading::replySubject).orElse(null) : null;
		return new ChannelSender.Outgoing(message.id(), message.channel(), message.recipient(), message.body(),
				inReplyTo, subject, message.attachment());
	}

	private void update(UUID id, java.util.function.Consumer<OutboundMessage> change) {
		transaction.executeWithoutResult(tx -> change.accept(outbound.lock(id).orElseThrow()));
	}

}
