package io.smiledesk.channel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.smiledesk.conversation.ConversationChannel;
import io.smiledesk.system.InvalidInputException;
import tools.jackson.databind.JsonNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the Gmail mailbox when pushes say it changed: {@code users.history.list} from the
 * stored history id, then each new message, into the {@link Inbox} (which dedupes, so a
 * replayed push or a sync repeated after a crash answers nothing twice). The cursor moves
 * only once the messages are stored. Without a cursor, or with one Gmail no longer keeps
 * (404), it reads the recent messages instead.
 */
@Component
class GmailSync {

	private static final Logger log = LoggerFactory.getLogger(GmailSync.class);

	private static final int MAX_TEXT = 10_000;

	private static final int BATCH = 50;

	private final GmailApi gmail;

	private final GmailStore store;

	private final Inbox inbox;

	private final GmailProperties properties;

	private final ChannelProperties channels;

	GmailSync(GmailApi gmail, GmailStore store, Inbox inbox, GmailProperties properties, ChannelProperties channels) {
		this.gmail = gmail;
		this.store = store;
		this.inbox = inbox;
		this.properties = properties;
		this.channels = channels;
	}

	@Scheduled(fixedDelayString = "${smiledesk.channels.gmail.sync.poll-interval:PT1S}", initialDelayString = "PT5S")
	void poll() {
		if (channels.workers() && gmail.configured()) {
			drain();
		}
	}

	/**
	 * Reads what the pushes due now announced; returns how many new messages were stored.
	 */
	int drain() {
		List<GmailPush> due = store.due(BATCH);
		if (due.isEmpty()) {
			return 0;
		}
		List<UUID> unreadable = new ArrayList<>();
		List<UUID> readable = new ArrayList<>();
		GmailNotification latest = null;
		for (GmailPush push : due) {
			try {
				GmailNotification notification = GmailNotification.decode(push.data());
				latest = latest == null || notification.historyId() > latest.historyId() ? notification : latest;
				readable.add(push.id());
			}
			catch (IllegalArgumentException ex) {
				inbox.deadLetter("gmail", "push data: " + ex.getMessage(), push.data());
				unreadable.add(push.id());
			}
		}
		store.processed(unreadable);
		if (latest == null) {
			return 0;
		}
		try {
			// one sync answers every push due: each only says the mailbox changed
			int stored = sync(latest);
			store.processed(readable);
			return stored;
		}
		catch (RuntimeException ex) {
			log.warn("Gmail sync failed; the pushes are tried again later: {}", ex.getMessage());
			store.failed(readable, ex.getClass().getSimpleName() + ": " + ex.getMessage(),
					properties.sync().retryDelay());
			return 0;
		}
	}

	/**
	 * Reads the mailbox up to the notification; returns how many new messages were
	 * stored.
	 */
	int sync(GmailNotification notification) {
		if (ChannelProperties.present(properties.emailAddress())
				&& !properties.emailAddress().equalsIgnoreCase(notification.emailAddress())) {
			inbox.deadLetter("gmail", "push for another mailbox", notification.toString());
			return 0;
		}
		Long cursor = store.mailbox().historyId();
		Read read;
		if (cursor == null) {
			read = fullSync(notification);
		}
		else {
			try {
				read = sinceCursor(cursor);
			}
			catch (GmailApi.Failure ex) {
				if (!ex.notFound()) {
					throw ex;
				}
				// Gmail keeps history for about a week: an older cursor is gone
				log.info("Gmail history {} has expired; reading recent messages instead", cursor);
				read = fullSync(notification);
			}
		}
		int stored = 0;
		for (String id : read.messageIds()) {
			stored += store(id, notification.emailAddress()) ? 1 : 0;
		}
		// only now: a crash before this line reads the same messages again, and the inbox
		// knows them
		store.readUpTo(notification.emailAddress(), read.historyId());
		return stored;
	}

	/** {@code users.history.list}, every page, from the cursor. */
	private Read sinceCursor(long cursor) {
		Set<String> ids = new LinkedHashSet<>();
		long latest = cursor;
		String page = null;
		do {
			JsonNode history = gmail.history(cursor, page);
			for (JsonNode record : history.path("history")) {
				for (JsonNode added : record.path("messagesAdded")) {
					JsonNode message = added.path("message");
					List<String> labels = new ArrayList<>();
					message.path("labelIds").forEach(label -> labels.add(label.asString()));
					// the clinic's own replies show up here too
					if (!GmailMessage.notForUs(labels) && message.path("id").isString()) {
						ids.add(message.path("id").asString());
					}
				}
			}
			latest = Math.max(latest, GmailMessage.number(history.path("historyId")));
			page = history.path("nextPageToken").asString(null);
		}
		while (page != null);
		return new Read(ids, latest);
	}

	/**
	 * {@code users.messages.list} of recent mail. The notification's history id is then a
	 * safe cursor: anything added after it was listed too or comes in the next history.
	 */
	private Read fullSync(GmailNotification notification) {
		List<String> newestFirst = new ArrayList<>();
		int limit = properties.sync().fullSyncLimit();
		String page = null;
		do {
			JsonNode list = gmail.messages(properties.sync().fullSyncQuery(), Math.min(100, limit - newestFirst.size()),
					page);
			list.path("messages").forEach(message -> newestFirst.add(message.path("id").asString()));
			page = list.path("nextPageToken").asString(null);
		}
		while (page != null && newestFirst.size() < limit);
		Set<String> oldestFirst = new LinkedHashSet<>();
		for (int i = newestFirst.size() - 1; i >= 0; i--) {
			oldestFirst.add(newestFirst.get(i));
		}
		return new Read(oldestFirst, notification.historyId());
	}

	/** One message into the inbox; false when it was not for the assistant or known. */
	private boolean store(String id, String mailboxAddress) {
		GmailMessage message;
		try {
			message = GmailMessage.of(gmail.message(id, List.of()));
		}
		catch (GmailApi.Failure ex) {
			if (ex.notFound()) {
				// deleted since it arrived
				return false;
			}
			throw ex;
		}
		String from = message.header("From");
		if (message.notForUs() || message.automatic() || own(from, mailboxAddress)) {
			return false;
		}
		String text = message.text().length() > MAX_TEXT ? message.text().substring(0, MAX_TEXT) : message.text();
		try {
			return inbox.accept(new Arrival(ConversationChannel.EMAIL, "gmail", message.id(), message.threadId(), from,
					text)) == Inbox.Accepted.NEW;
		}
		catch (InvalidInputException ex) {
			inbox.deadLetter("gmail", "From is not an email address: " + ex.getMessage(), "gmail message " + id);
			return false;
		}
	}

	private boolean own(String from, String mailboxAddress) {
		String sender = from == null ? "" : from.toLowerCase(Locale.ROOT);
		return (mailboxAddress != null && sender.contains(mailboxAddress.toLowerCase(Locale.ROOT)))
				|| (ChannelProperties.present(properties.emailAddress())
						&& sender.contains(properties.emailAddress().toLowerCase(Locale.ROOT)));
	}

	private record Read(Set<String> messageIds, long historyId) {
	}

}
