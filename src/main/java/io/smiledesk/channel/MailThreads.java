package io.smiledesk.channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.conversation.ConversationChannel;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds which conversation an email belongs to, and which ids a reply must name to stay
 * in it. A thread's key is its first message's id; mail clients that name only the
 * message they answer (In-Reply-To, no References) are followed through the ids of
 * messages already seen or sent.
 */
@Component
class MailThreads {

	/** RFC 5322 lets a long References be cut, keeping the first id and the latest. */
	static final int MAX_REFERENCES = 20;

	private static final ConversationChannel EMAIL = ConversationChannel.EMAIL;

	private final MailHistory history;

	MailThreads(MailHistory history) {
		this.history = history;
	}

	/** The thread key of an incoming email whose own id is {@code messageId}. */
	@Transactional(readOnly = true)
	String threadKey(IncomingMail.Mail mail, String messageId) {
		String root = MailThreading.compact(mail.threadRoot(messageId));
		if (history.threadExists(EMAIL, root)) {
			return root;
		}
		List<String> parents = new ArrayList<>(mail.references());
		if (mail.inReplyTo() != null) {
			parents.add(mail.inReplyTo());
		}
		// newest first: the message answered is the best guide
		for (int i = parents.size() - 1; i >= 0; i--) {
			String parent = MailThreading.compact(parents.get(i));
			Optional<String> known = first(history.threadOfSent(EMAIL, parent))
				.or(() -> first(history.threadOfReceived(EMAIL, parent)));
			if (known.isPresent()) {
				return known.get();
			}
		}
		return root;
	}

	/**
	 * The References of a reply to {@code inReplyTo}: the thread's root, then every
	 * message of the conversation in the order written, ending with the one answered.
	 */
	@Transactional(readOnly = true)
	List<String> references(UUID outboundId, String inReplyTo) {
		LinkedHashSet<String> chain = new LinkedHashSet<>();
		first(history.threadOfOutbound(outboundId)).filter(MailThreading::isMessageId).ifPresent(chain::add);
		List<Object[]> written = new ArrayList<>(history.receivedIds(outboundId));
		written.addAll(history.sentIds(outboundId));
		written.sort(Comparator.comparing(row -> (Instant) row[1]));
		for (Object[] row : written) {
			if (MailThreading.isMessageId((String) row[0])) {
				chain.add((String) row[0]);
			}
		}
		if (MailThreading.isMessageId(inReplyTo)) {
			chain.remove(inReplyTo);
			chain.add(inReplyTo);
		}
		List<String> ids = new ArrayList<>(chain);
		if (ids.size() > MAX_REFERENCES) {
			List<String> cut = new ArrayList<>(List.of(ids.get(0)));
			cut.addAll(ids.subList(ids.size() - MAX_REFERENCES + 1, ids.size()));
			return cut;
		}
		return ids;
	}

	private static Optional<String> first(List<String> values) {
		return values.stream().findFirst();
	}

}
