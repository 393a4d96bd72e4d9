package io.smiledesk.channel;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.conversation.ConversationEvents;
import io.smiledesk.conversation.Urgency;
import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffMember;
import io.smiledesk.staff.StaffRole;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Emails the practice's managers when a handoff waits past its service level, through the
 * outbox: one message per manager, written in the listener's transaction, so that the
 * dispatcher's retries and the console's list of messages that did not go out apply. A
 * key per handoff and manager keeps a redelivered event from mailing twice. The email
 * names the reason and the wait, never what the patient wrote; the console shows the rest
 * to those signed in.
 */
@Component
class ManagerAlerts {

	private static final Logger log = LoggerFactory.getLogger(ManagerAlerts.class);

	private final StaffAccounts staff;

	private final OutboundRepository outbound;

	private final Addresses addresses;

	private final ClinicCatalog catalog;

	private final ChannelProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ManagerAlerts(StaffAccounts staff, OutboundRepository outbound, Addresses addresses, ClinicCatalog catalog,
			ChannelProperties properties, ApplicationEventPublisher events, Clock clock) {
		this.staff = staff;
		this.outbound = outbound;
		this.addresses = addresses;
		this.catalog = catalog;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(ConversationEvents.HandoffOverdue overdue) {
		List<StaffMember> managers = staff.list()
			.stream()
			.filter(StaffMember::active)
			.filter(member -> member.role() == StaffRole.ADMIN || member.role() == StaffRole.OFFICE_MANAGER)
			.toList();
		if (managers.isEmpty()) {
			log.warn("Handoff {} ({}, {}) is overdue since {}; there is no manager to email", overdue.conversationId(),
					overdue.urgency(), overdue.reasonCode(), overdue.dueAt());
			return;
		}
		String subject = catalog.snapshot().profile().name()
				+ (overdue.urgency() == Urgency.URGENT ? ": an urgent" : ": a") + " handoff is waiting";
		String body = body(overdue);
		Instant now = clock.instant();
		int queued = 0;
		for (StaffMember manager : managers) {
			String key = key(overdue, manager);
			if (outbound.existsByIdempotencyKey(key)) {
				continue;
			}
			String address = manager.email().strip().toLowerCase(Locale.ROOT);
			outbound.save(OutboundMessage.alert(address, addresses.hash(address), subject, body, key, now));
			queued++;
		}
		if (queued > 0) {
			events.publishEvent(new ChannelEvents.OutboundQueued());
		}
	}

	private String body(ConversationEvents.HandoffOverdue overdue) {
		String link = ChannelProperties.present(properties.publicBaseUrl())
				? properties.publicBaseUrl() + "/console/handoffs/" + overdue.conversationId()
				: "/console/handoffs/" + overdue.conversationId();
		return "A patient has been waiting for staff since " + overdue.requestedAt() + " (reason: "
				+ overdue.reasonCode() + "); it was due by " + overdue.dueAt() + ".\n\nOpen it: " + link + "\n";
	}

	/** A handoff is its conversation and the time it was asked for. */
	static String key(ConversationEvents.HandoffOverdue overdue, StaffMember manager) {
		return "handoff-overdue:" + overdue.conversationId() + ":" + overdue.requestedAt().toEpochMilli() + ":"
				+ manager.id();
	}

}
