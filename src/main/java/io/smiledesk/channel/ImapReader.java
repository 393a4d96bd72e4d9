package io.smiledesk.channel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.ReceivedDateTerm;
import org.eclipse.angus.mail.imap.IMAPFolder;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.conversation.ConversationChannel;
import io.smiledesk.system.InvalidInputException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the clinic's mailbox over IMAP into the {@link Inbox}, by UID from where it left
 * off. The stored UID moves past a message only once the inbox has it (or it was skipped
 * or kept as a dead letter), so a crash reads it again and the inbox drops the repeat by
 * its Message-ID. Polled on a schedule; {@link ImapIdle} polls at once when mail arrives.
 */
@Component
class ImapReader {

	private static final Logger log = LoggerFactory.getLogger(ImapReader.class);

	static final String PROVIDER = "imap";

	/** Bigger than any patient's note: attachments; kept for staff, not downloaded. */
	static final int MAX_BYTES = 25 * 1024 * 1024;

	private final ImapProperties imap;

	private final ChannelProperties channels;

	private final Inbox inbox;

	private final MailThreads threads;

	private final ImapMailboxRepository mailboxes;

	private final ClinicCatalog catalog;

	private final TransactionTemplate transaction;

	private final Clock clock;

	// the schedule, IDLE and tests may poll at once; one reads, the others wait
	private final ReentrantLock reading = new ReentrantLock();

	ImapReader(ImapProperties imap, ChannelProperties channels, Inbox inbox, MailThreads threads,
			ImapMailboxRepository mailboxes, ClinicCatalog catalog, PlatformTransactionManager transactions,
			Clock clock) {
		this.imap = imap;
		this.channels = channels;
		this.inbox = inbox;
		this.threads = threads;
		this.mailboxes = mailboxes;
		this.catalog = catalog;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	boolean enabled() {
		return imap.enabled() && channels.workers();
	}

	@Scheduled(fixedDelayString = "${smiledesk.channels.imap.poll-interval:PT1M}", initialDelayString = "PT10S")
	void scheduledPoll() {
		if (!enabled()) {
			return;
		}
		try {
			poll();
		}
		catch (MessagingException | RuntimeException ex) {
			log.warn("IMAP mailbox {} could not be read: {}", imap.mailboxKey(), ex.toString());
		}
	}

	/**
	 * Reads everything new; returns how many messages the inbox took as new.
	 * @throws MessagingException when the server cannot be reached or read: the stored
	 * UID stays where it was
	 */
	int poll() throws MessagingException {
		reading.lock();
		try (ImapConnection connection = ImapConnection.open(imap, imap.timeout())) {
			return read(connection.folder());
		}
		finally {
			reading.unlock();
		}
	}

	private int read(IMAPFolder folder) throws MessagingException {
		long validity = folder.getUIDValidity();
		long after = startAfter(folder, validity);
		int taken = 0;
		for (Message message : folder.getMessagesByUID(after + 1, UIDFolder.LASTUID)) {
			long uid = folder.getUID(message);
			// "n:*" always names the newest message, even one below n
			if (uid <= after) {
				continue;
			}
			if (take(message, validity, uid)) {
				taken++;
			}
			transaction
				.executeWithoutResult(tx -> mailboxes.findById(key()).orElseThrow().advance(uid, clock.instant()));
		}
		return taken;
	}

	/** Whether the inbox took the message as new; throws when it must be read again. */
	private boolean take(Message message, long validity, long uid) throws MessagingException {
		if (message.getSize() > MAX_BYTES) {
			inbox.deadLetter(PROVIDER, "larger than " + MAX_BYTES + " bytes: left in the mailbox for staff",
					headers(message));
			return false;
		}
		byte[] raw = raw(message);
		IncomingMail.Reading reading = IncomingMail.read(raw, ownAddresses());
		if (reading instanceof IncomingMail.Skipped skipped) {
			log.info("IMAP message {} not answered: {}", uid, skipped.reason());
			return false;
		}
		if (reading instanceof IncomingMail.Unreadable unreadable) {
			inbox.deadLetter(PROVIDER, unreadable.reason(), IncomingMail.headers(raw));
			return false;
		}
		IncomingMail.Mail mail = (IncomingMail.Mail) reading;
		// a message without a Message-ID is still one message: its UID names it
		String id = MailThreading.compact(mail.messageId() != null ? mail.messageId()
				: "<imap." + validity + "." + uid + "@" + imap.host() + ">");
		try {
			return inbox.accept(new Arrival(ConversationChannel.EMAIL, PROVIDER, id, threads.threadKey(mail, id),
					mail.from(), mail.text(), mail.subject())) == Inbox.Accepted.NEW;
		}
		catch (InvalidInputException ex) {
			inbox.deadLetter(PROVIDER, "not a sender address: " + ex.getMessage(), IncomingMail.headers(raw));
			return false;
		}
	}

	/**
	 * Where to start. A new mailbox starts at its end: mail already there is staff's, not
	 * the assistant's. After the server renumbered (a new UIDVALIDITY) the reader looks
	 * again at what arrived since its last read, with a day to spare; the inbox drops
	 * what it already has.
	 */
	private long startAfter(IMAPFolder folder, long validity) throws MessagingException {
		Optional<ImapMailbox> cursor = mailboxes.findById(key());
		if (cursor.isPresent() && cursor.get().uidValidity() == validity) {
			return cursor.get().lastUid();
		}
		long start;
		if (cursor.isEmpty()) {
			start = end(folder);
			log.info("IMAP mailbox {} read from UID {} on: earlier mail is left to staff", imap.mailboxKey(), start);
		}
		else {
			Date since = Date.from(cursor.get().updatedAt().minus(Duration.ofDays(1)));
			long first = Long.MAX_VALUE;
			for (Message recent : folder.search(new ReceivedDateTerm(ComparisonTerm.GE, since))) {
				first = Math.min(first, folder.getUID(recent));
			}
			start = first == Long.MAX_VALUE ? end(folder) : first - 1;
			log.warn("IMAP mailbox {} was renumbered (UIDVALIDITY {}): reading again from UID {}", imap.mailboxKey(),
					validity, start);
		}
		transaction.executeWithoutResult(tx -> mailboxes.findById(key())
			.ifPresentOrElse(found -> found.renumbered(validity, start, clock.instant()),
					() -> mailboxes.save(new ImapMailbox(key().mailbox(), validity, start, clock.instant()))));
		return start;
	}

	private static long end(IMAPFolder folder) throws MessagingException {
		long next = folder.getUIDNext();
		if (next > 0) {
			return next - 1;
		}
		int count = folder.getMessageCount();
		return count == 0 ? 0 : folder.getUID(folder.getMessage(count));
	}

	private ImapMailbox.Key key() {
		return new ImapMailbox.Key(Clinics.DEFAULT, imap.mailboxKey());
	}

	private Set<String> ownAddresses() {
		Set<String> own = new HashSet<>();
		String clinic = catalog.snapshot().profile().email();
		if (clinic != null && !clinic.isBlank()) {
			own.add(clinic.strip().toLowerCase(Locale.ROOT));
		}
		if (imap.username() != null && imap.username().contains("@")) {
			own.add(imap.username().strip().toLowerCase(Locale.ROOT));
		}
		return own;
	}

	/** The whole message, fetched here so that a lost connection is not a bad message. */
	private static byte[] raw(Message message) throws MessagingException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			message.writeTo(out);
		}
		catch (IOException ex) {
			throw new MessagingException("could not fetch the message", ex);
		}
		return out.toByteArray();
	}

	private static String headers(Message message) throws MessagingException {
		StringBuilder headers = new StringBuilder();
		message.getAllHeaders()
			.asIterator()
			.forEachRemaining(
					header -> headers.append(header.getName()).append(": ").append(header.getValue()).append('\n'));
		return headers.toString();
	}

}
