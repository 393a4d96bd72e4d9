package io.smiledesk.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What SmileDesk keeps of Gmail: pushes until they are read, and the mailbox's cursor and
 * watch. Each change is its own short transaction: none is held open across a call to
 * Gmail.
 */
@Component
class GmailStore {

	/** How long processed pushes are kept (a replay within it is recognised at once). */
	private static final Duration KEEP_PROCESSED = Duration.ofDays(7);

	private final GmailPushRepository pushes;

	private final GmailMailboxRepository mailboxes;

	private final TransactionTemplate transaction;

	private final Clock clock;

	GmailStore(GmailPushRepository pushes, GmailMailboxRepository mailboxes, PlatformTransactionManager transactions,
			Clock clock) {
		this.pushes = pushes;
		this.mailboxes = mailboxes;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** Stores a push; false when Pub/Sub delivered this one before. */
	boolean store(String pubsubMessageId, String data) {
		try {
			return Boolean.TRUE.equals(transaction.execute(tx -> {
				if (pushes.existsByPubsubMessageId(pubsubMessageId)) {
					return false;
				}
				pushes.saveAndFlush(new GmailPush(pubsubMessageId, data, clock.instant()));
				return true;
			}));
		}
		catch (DataIntegrityViolationException ex) {
			// the same push arrived twice at once: the other request stored it
			return false;
		}
	}

	List<GmailPush> due(int batch) {
		return transaction.execute(tx -> pushes.findAllById(pushes.findDue(clock.instant(), PageRequest.of(0, batch))));
	}

	void processed(Collection<UUID> ids) {
		Instant now = clock.instant();
		transaction.executeWithoutResult(tx -> {
			pushes.findAllById(ids).forEach(push -> push.processed(now));
			pushes.deleteProcessedBefore(now.minus(KEEP_PROCESSED));
		});
	}

	void failed(Collection<UUID> ids, String error, Duration retryDelay) {
		transaction.executeWithoutResult(tx -> pushes.findAllById(ids)
			.forEach(push -> push.failed(error,
					clock.instant().plus(retryDelay.multipliedBy(Math.min(60, push.attempts() + 1))))));
	}

	/** The mailbox as last stored (a new, unread one the first time). */
	GmailMailbox mailbox() {
		return transaction.execute(tx -> mailboxes.findById(Clinics.DEFAULT)
			.orElseGet(() -> new GmailMailbox(Clinics.DEFAULT, clock.instant())));
	}

	/** Where the next sync starts, once what came before is stored. */
	void readUpTo(String emailAddress, long historyId) {
		changeMailbox(mailbox -> {
			mailbox.address(emailAddress, clock.instant());
			mailbox.readUpTo(historyId, clock.instant());
		});
	}

	void watched(Instant expiresAt) {
		changeMailbox(mailbox -> mailbox.watched(expiresAt, clock.instant()));
	}

	/**
	 * Changes the mailbox under a row lock, so two instances do not overwrite each other.
	 */
	private void changeMailbox(Consumer<GmailMailbox> change) {
		transaction.executeWithoutResult(tx -> {
			// a row created by another instance at the same moment fails this change; the
			// caller's retry finds it
			GmailMailbox mailbox = mailboxes.lock(Clinics.DEFAULT)
				.orElseGet(() -> mailboxes.saveAndFlush(new GmailMailbox(Clinics.DEFAULT, clock.instant())));
			change.accept(mailbox);
		});
	}

}
