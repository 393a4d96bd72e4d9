package io.smiledesk.channel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.conversation.ConversationChannel;
import tools.jackson.databind.JsonNode;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Email replies through the Gmail API ({@code users.messages.send}), ahead of SMTP when
 * both are set up: the reply lands in the patient's Gmail thread and in the clinic's Sent
 * folder. Gmail threads a message only when its threadId, In-Reply-To/References and
 * subject all match the original, so the original's headers are read first.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class GmailSender implements ChannelSender {

	/** Gmail's message ids; anything else (an RFC 2822 Message-ID) is not Gmail's. */
	private static final Pattern GMAIL_ID = Pattern.compile("[0-9a-fA-F]{8,32}");

	private final GmailApi gmail;

	private final GmailProperties properties;

	private final ClinicCatalog catalog;

	GmailSender(GmailApi gmail, GmailProperties properties, ClinicCatalog catalog) {
		this.gmail = gmail;
		this.properties = properties;
		this.catalog = catalog;
	}

	@Override
	public boolean sends(ConversationChannel channel) {
		return channel == ConversationChannel.EMAIL && properties.send() && gmail.configured();
	}

	@Override
	public String send(Outgoing outgoing) {
		Original original = original(outgoing.inReplyTo());
		String clinic = catalog.snapshot().profile().name();
		try {
			MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
			String from = ChannelProperties.present(properties.emailAddress()) ? properties.emailAddress()
					: catalog.snapshot().profile().email();
			if (from != null) {
				// Gmail sends as the mailbox's account whatever this says; the name shows
				message.setFrom(new InternetAddress(from, clinic, "UTF-8"));
			}
			message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(outgoing.recipient(), true));
			message.setSubject(
					outgoing.subject() != null ? outgoing.subject()
							: original.subject() != null ? reply(original.subject()) : "Re: your message to " + clinic,
					"UTF-8");
			fill(message, outgoing.body(), outgoing.attachment());
			if (original.messageId() != null) {
				message.setHeader("In-Reply-To", original.messageId());
				message.setHeader("References", original.references() == null ? original.messageId()
						: original.references() + " " + original.messageId());
			}
			message.saveChanges();
			ByteArrayOutputStream raw = new ByteArrayOutputStream();
			message.writeTo(raw);
			JsonNode sent = gmail.send(Base64.getUrlEncoder().withoutPadding().encodeToString(raw.toByteArray()),
					original.threadId());
			if (!sent.path("id").isString()) {
				throw new SendFailure("gmail: the answer names no message id", false);
			}
			return sent.path("id").asString();
		}
		catch (MessagingException | IOException ex) {
			throw new SendFailure("email-invalid: " + ex.getMessage(), true);
		}
		catch (GmailApi.Failure ex) {
			// a malformed message does not improve; a refused token or an outage may
			throw new SendFailure(ex.getMessage(), ex.status() == 400);
		}
	}

	/**
	 * The message replied to: its thread and headers from Gmail when it is a Gmail
	 * message, else just its Message-ID (a message from another provider).
	 */
	private Original original(String inReplyTo) {
		if (inReplyTo == null || inReplyTo.isBlank()) {
			return Original.NONE;
		}
		if (!GMAIL_ID.matcher(inReplyTo).matches()) {
			return inReplyTo.startsWith("<") ? new Original(null, inReplyTo, null, null) : Original.NONE;
		}
		try {
			JsonNode json = gmail.message(inReplyTo, List.of("Message-ID", "References", "Subject"));
			GmailMessage message = GmailMessage.of(json);
			return new Original(message.threadId(), message.messageIdHeader(), message.header("References"),
					message.header("Subject"));
		}
		catch (GmailApi.Failure ex) {
			if (ex.status() == 404 || ex.status() == 400) {
				// deleted from the mailbox since: the reply starts a thread of its own
				return Original.NONE;
			}
			throw new SendFailure(ex.getMessage(), false);
		}
	}

	private static String reply(String subject) {
		return subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject;
	}

	private record Original(String threadId, String messageId, String references, String subject) {

		static final Original NONE = new Original(null, null, null, null);

	}

	/** Plain text, or text and a file. */
	private static void fill(MimeMessage message, String text, MailAttachment file) throws MessagingException {
		if (file == null) {
			message.setText(text, "UTF-8");
			return;
		}
		MimeBodyPart body = new MimeBodyPart();
		body.setText(text, "UTF-8");
		MimeBodyPart attached = new MimeBodyPart();
		attached.setContent(file.content(), file.contentType() + "; charset=UTF-8");
		attached.setFileName(file.name());
		message.setContent(new MimeMultipart(body, attached));
	}

}
