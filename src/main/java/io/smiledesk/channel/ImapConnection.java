package io.smiledesk.channel;

import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/** One logged-in connection to the mailbox's folder, opened read-only. */
final class ImapConnection implements AutoCloseable {

	private final Store store;

	private final IMAPFolder folder;

	private ImapConnection(Store store, IMAPFolder folder) {
		this.store = store;
		this.folder = folder;
	}

	/**
	 * Read-only, so that reading neither marks the patient's mail as seen for staff nor
	 * changes anything else in their mailbox.
	 * @param readTimeout how long a read may block; IDLE blocks until mail arrives, so
	 * its connection allows longer than its renewal interval
	 */
	static ImapConnection open(ImapProperties imap, Duration readTimeout) throws MessagingException {
		String protocol = imap.ssl() ? "imaps" : "imap";
		Properties settings = new Properties();
		settings.put("mail." + protocol + ".connectiontimeout", String.valueOf(imap.timeout().toMillis()));
		settings.put("mail." + protocol + ".timeout", String.valueOf(readTimeout.toMillis()));
		if (imap.ssl()) {
			settings.put("mail.imaps.ssl.checkserveridentity", "true");
		}
		Store store = Session.getInstance(settings).getStore(protocol);
		try {
			store.connect(imap.host(), imap.portOrDefault(), imap.username(), imap.password());
			IMAPFolder folder = (IMAPFolder) store.getFolder(imap.folder());
			folder.open(Folder.READ_ONLY);
			return new ImapConnection(store, folder);
		}
		catch (MessagingException | RuntimeException ex) {
			closeQuietly(store);
			throw ex;
		}
	}

	IMAPFolder folder() {
		return folder;
	}

	boolean supportsIdle() throws MessagingException {
		return store instanceof IMAPStore imap && imap.hasCapability("IDLE");
	}

	@Override
	public void close() {
		try {
			if (folder.isOpen()) {
				folder.close(false);
			}
		}
		catch (MessagingException | RuntimeException ex) {
			// closing the store below ends the connection anyway
		}
		closeQuietly(store);
	}

	private static void closeQuietly(Store store) {
		try {
			store.close();
		}
		catch (MessagingException | RuntimeException ex) {
			// nothing to keep: the connection is gone either way
		}
	}

}
