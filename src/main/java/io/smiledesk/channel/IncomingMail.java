package io.smiledesk.channel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * One email as the inbox needs it, read from its raw bytes (so that a broken message is a
 * reading problem, never a connection problem): who wrote, what, and which ids thread it.
 */
final class IncomingMail {

	private static final Session SESSION = Session.getInstance(new Properties());

	sealed interface Reading {

	}

	/**
	 * @param messageId the Message-ID header, or null when the message has none
	 * @param references the References header's ids, oldest first
	 * @param subject the Subject header, decoded, or null
	 */
	record Mail(String messageId, String inReplyTo, List<String> references, String from, String text,
			String subject) implements Reading {

		String threadRoot(String ownId) {
			return MailThreading.root(references, inReplyTo, ownId);
		}

	}

	/** Not for the assistant (an auto-reply, the clinic's own mail). */
	record Skipped(String reason) implements Reading {

	}

	record Unreadable(String reason) implements Reading {

	}

	private IncomingMail() {
	}

	/**
	 * @param ownAddresses the clinic's addresses, lower case: mail from them is the
	 * clinic's own
	 */
	static Reading read(byte[] raw, Set<String> ownAddresses) {
		try {
			MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
			String automatic = automatic(message);
			if (automatic != null) {
				return new Skipped(automatic);
			}
			String from = sender(message);
			if (from == null) {
				return new Unreadable("no sender email address in From");
			}
			if (ownAddresses.contains(from)) {
				return new Skipped("from the clinic's own address");
			}
			String text = MailQuotes.strip(MailText.of(message));
			if (text.isBlank()) {
				return new Unreadable("no text to answer (only attachments or quoted history)");
			}
			List<String> inReplyTo = MailThreading.ids(message.getHeader("In-Reply-To", " "));
			String messageId = message.getMessageID();
			return new Mail(messageId == null || messageId.isBlank() ? null : messageId.strip(),
					inReplyTo.isEmpty() ? null : inReplyTo.get(0),
					MailThreading.ids(message.getHeader("References", " ")), from, text, message.getSubject());
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			return new Unreadable(ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

	/** The header block, what a dead letter keeps of a message that could not be read. */
	static String headers(byte[] raw) {
		String text = new String(raw, 0, Math.min(raw.length, 16_384), StandardCharsets.ISO_8859_1).replace("\r\n",
				"\n");
		int end = text.indexOf("\n\n");
		return end < 0 ? text : text.substring(0, end);
	}

	/**
	 * RFC 3834's Auto-Submitted, the older Precedence, and delivery reports: answering
	 * them would start a loop with another robot.
	 */
	private static String automatic(MimeMessage message) throws MessagingException {
		String submitted = message.getHeader("Auto-Submitted", ",");
		if (submitted != null && !submitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
			return "auto-submitted: " + submitted.strip();
		}
		String precedence = message.getHeader("Precedence", ",");
		if (precedence != null
				&& Set.of("bulk", "auto_reply", "junk", "list").contains(precedence.strip().toLowerCase(Locale.ROOT))) {
			return "precedence: " + precedence.strip();
		}
		if (message.getHeader("X-Autoreply") != null || message.getHeader("X-Autorespond") != null) {
			return "auto-reply";
		}
		if (message.isMimeType("multipart/report")) {
			return "delivery report";
		}
		return null;
	}

	private static String sender(MimeMessage message) throws MessagingException {
		Address[] from = message.getFrom();
		if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)) {
			return null;
		}
		String email = address.getAddress();
		return email != null && email.indexOf('@') > 0 ? email.strip().toLowerCase(Locale.ROOT) : null;
	}

}
