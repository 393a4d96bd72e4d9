package io.smiledesk.channel;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.smiledesk.conversation.ConversationChannel;
import io.smiledesk.conversation.ConversationEvents;
import io.smiledesk.conversation.Conversations;
import io.smiledesk.conversation.MessageDeliveries;
import io.smiledesk.conversation.MessageView;
import io.smiledesk.conversation.Sender;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts every assistant and staff message of a conversation held on a patient's channel
 * into the outbox, in the transaction that records the message: a reply is sent if and
 * only if it was written, and once (one outbound row per message).
 */
@Component
class Outbox implements MessageDeliveries {

	private final OutboundRepository outbound;

	private final Threads threads;

	private final Conversations conversations;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Outbox(OutboundRepository outbound, Threads threads, Conversations conversations, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.outbound = outbound;
		this.threads = threads;
		this.conversations = conversations;
		this.clock = clock;
	}

	/** Synchronous on purpose: it must join the transaction that wrote the message. */
	@EventListener
	void on(ConversationEvents.MessageAdded added) {
		if (added.sender() == Sender.PATIENT) {
			return;
		}
		threads.of(added.conversationId())
			// a call is answered in the call itself
			.filter(thread -> thread.channel() != ConversationChannel.VOICE)
			.ifPresent(thread -> conversations.message(added.messageId()).ifPresent(message -> {
				outbound.save(new OutboundMessage(thread.channel(), added.conversationId(), message.id(),
						thread.address(), thread.addressHash(), message.text(), kind(message), clock.instant()));
				events.publishEvent(new ChannelEvents.OutboundQueued());
			}));
	}

	private static OutboundMessage.Kind kind(MessageView message) {
		if (message.metadata() != null && message.metadata().contains("\"notice\":true")) {
			return OutboundMessage.Kind.NOTICE;
		}
		return message.metadata() != null && message.metadata().contains("\"proactive\":true")
				? OutboundMessage.Kind.PROACTIVE : OutboundMessage.Kind.REPLY;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<UUID, Delivery> of(Collection<UUID> messageIds) {
		return outbound.findByConversationMessageIdIn(messageIds)
			.stream()
			.collect(Collectors.toMap(OutboundMessage::conversationMessageId, Outbox::delivery, (a, b) -> a));
	}

	/** Sends a failed or unsent message again; empty when there is no such message. */
	@Transactional
	Optional<Retried> retry(UUID conversationMessageId) {
		return outbound.findByConversationMessageId(conversationMessageId)
			.map(message -> new Retried(message.retry(clock.instant()), delivery(message)));
	}

	record Retried(boolean accepted, Delivery delivery) {
	}

	static Delivery delivery(OutboundMessage message) {
		return new Delivery(message.id(), message.channel(), message.status().json(), message.attempts(),
				message.lastError(), message.updatedAt());
	}

}
