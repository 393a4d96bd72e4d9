package io.smiledesk.channel;

import java.util.List;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.conversation.ConversationEvents;
import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffMember;
import io.smiledesk.staff.StaffRole;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Emails the practice's managers when a handoff waits past its service level. The email
 * names the reason and the wait, never what the patient wrote; the console shows the rest
 * to those signed in. Without a mail server the alert is logged, and the console's queue
 * still marks the handoff overdue.
 */
@Component
class ManagerAlerts {

	private static final Logger log = LoggerFactory.getLogger(ManagerAlerts.class);

	private final StaffAccounts staff;

	private final ObjectProvider<JavaMailSender> mail;

	private final ClinicCatalog catalog;

	private final ChannelProperties properties;

	ManagerAlerts(StaffAccounts staff, ObjectProvider<JavaMailSender> mail, ClinicCatalog catalog,
			ChannelProperties properties) {
		this.staff = staff;
		this.mail = mail;
		this.catalog = catalog;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(ConversationEvents.HandoffOverdue overdue) {
		List<String> managers = staff.list()
			.stream()
			.filter(StaffMember::active)
			.filter(member -> member.role() == StaffRole.ADMIN || member.role() == StaffRole.OFFICE_MANAGER)
			.map(StaffMember::email)
			.toList();
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null || managers.isEmpty()) {
			log.warn("Handoff {} ({}, {}) is overdue since {}; no manager could be emailed", overdue.conversationId(),
					overdue.urgency(), overdue.reasonCode(), overdue.dueAt());
			return;
		}
		String clinic = catalog.snapshot().profile().name();
		SimpleMailMessage message = new SimpleMailMessage();
		message.setTo(managers.toArray(String[]::new));
		String from = catalog.snapshot().profile().email();
		if (from != null) {
			message.setFrom(from);
		}
		message.setSubject(clinic + ": a " + overdue.urgency().name().toLowerCase() + " handoff is waiting");
		String link = ChannelProperties.present(properties.publicBaseUrl())
				? properties.publicBaseUrl() + "/console/handoffs/" + overdue.conversationId()
				: "/console/handoffs/" + overdue.conversationId();
		message.setText("A patient has been waiting for staff since " + overdue.requestedAt() + " (reason: "
				+ overdue.reasonCode() + "); it was due by " + overdue.dueAt() + ".\n\nOpen it: " + link + "\n");
		try {
			sender.send(message);
		}
		catch (MailException ex) {
			log.warn("The overdue-handoff email for {} could not be sent", overdue.conversationId(), ex);
		}
	}

}
