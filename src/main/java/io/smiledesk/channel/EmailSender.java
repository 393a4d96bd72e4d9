package io.smiledesk.channel;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.conversation.ConversationChannel;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email replies over SMTP ({@code spring.mail.*}), threaded under the patient's message
 * with In-Reply-To and References (the conversation's chain of ids) so that mail clients
 * show one conversation.
 */
@Component
class EmailSender implements ChannelSender {

	private final ObjectProvider<JavaMailSender> mail;

	private final ClinicCatalog catalog;

	private final MailThreads threads;

	EmailSender(ObjectProvider<JavaMailSender> mail, ClinicCatalog catalog, MailThreads threads) {
		this.mail = mail;
		this.catalog = catalog;
		this.threads = threads;
	}

	@Override
	public boolean sends(ConversationChannel channel) {
		return channel == ConversationChannel.EMAIL && mail.getIfAvailable() != null;
	}

	@Override
	public String send(Outgoing outgoing) {
		JavaMailSender sender = mail.getObject();
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, outgoing.attachment() != null, "UTF-8");
			String clinic = catalog.snapshot().profile().name();
			String from = catalog.snapshot().profile().email();
			helper.setFrom(from == null ? "no-reply@smiledesk.invalid" : from, clinic);
			helper.setTo(outgoing.recipient());
			helper.setSubject(outgoing.subject() != null ? outgoing.subject() : "Re: your message to " + clinic);
			helper.setText(outgoing.body());
			if (outgoing.attachment() != null) {
				MailAttachment file = outgoing.attachment();
				helper.addAttachment(file.name(),
						new ByteArrayResource(file.content().getBytes(StandardCharsets.UTF_8)), file.contentType());
			}
			if (outgoing.inReplyTo() != null) {
				message.setHeader("In-Reply-To", outgoing.inReplyTo());
				// the whole chain, not only the parent: clients thread by its first id
				List<String> references = threads.references(outgoing.id(), outgoing.inReplyTo());
				message.setHeader("References",
						references.isEmpty() ? outgoing.inReplyTo() : String.join(" ", references));
			}
			message.saveChanges();
			String messageId = message.getMessageID();
			sender.send(message);
			return messageId;
		}
		catch (MessagingException | java.io.UnsupportedEncodingException ex) {
			throw new SendFailure("email-invalid: " + ex.getMessage(), true);
		}
		catch (MailException ex) {
			throw new SendFailure("smtp: " + ex.getMessage(), false);
		}
	}

}
