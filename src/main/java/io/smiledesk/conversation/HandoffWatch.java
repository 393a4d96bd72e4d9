package io.smiledesk.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches the handoff queue for requests left unanswered past their {@link ServiceLevel}:
 * each is escalated once (recorded with its times and reason code, and announced so that
 * the console and the managers are alerted), and marked answered when staff take it. What
 * counts as overdue is the {@link HandoffClock}'s rule, shared with the console.
 */
@Component
class HandoffWatch {

	private static final int BATCH = 500;

	private final ConversationRepository conversations;

	private final EscalationRepository escalations;

	private final HandoffClock handoffClock;

	private final ClinicCatalog catalog;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final boolean scheduled;

	HandoffWatch(ConversationRepository conversations, EscalationRepository escalations, HandoffClock handoffClock,
			ClinicCatalog catalog, ApplicationEventPublisher events, PlatformTransactionManager transactions,
			Clock clock, @Value("${smiledesk.handoffs.watch:true}") boolean scheduled) {
		this.conversations = conversations;
		this.escalations = escalations;
		this.handoffClock = handoffClock;
		this.catalog = catalog;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.scheduled = scheduled;
	}

	@Scheduled(fixedDelayString = "${smiledesk.handoffs.check-interval:PT30S}", initialDelayString = "PT30S")
	void poll() {
		if (scheduled) {
			check();
		}
	}

	/** Escalates what is overdue now; returns how many. */
	int check() {
		Instant now = clock.instant();
		ClinicSnapshot clinic = catalog.snapshot();
		List<Conversation> waiting = conversations.findByStatuses(EnumSet.of(ConversationStatus.HANDOFF_REQUIRED),
				PageRequest.of(0, BATCH));
		int escalated = 0;
		for (Conversation conversation : waiting) {
			Optional<Instant> due = handoffClock.overdueSince(conversation, now, clinic);
			if (due.isEmpty()
					|| escalations.existsByConversationIdAndRequestedAt(conversation.id(), conversation.handoffAt())) {
				continue;
			}
			Urgency urgency = HandoffClock.normal(conversation.urgency());
			if (escalate(conversation, urgency, conversation.handoffAt(), due.get(), now)) {
				escalated++;
			}
		}
		return escalated;
	}

	private boolean escalate(Conversation conversation, Urgency urgency, Instant requested, Instant due, Instant now) {
		String code = code(conversation.handoffReason());
		try {
			transaction.executeWithoutResult(tx -> {
				escalations.saveAndFlush(new HandoffEscalation(conversation.id(), code, urgency, requested, due, now));
				events.publishEvent(
						new ConversationEvents.HandoffOverdue(conversation.id(), urgency, code, requested, due));
			});
			return true;
		}
		catch (DataIntegrityViolationException ex) {
			// another instance escalated it first
			return false;
		}
	}

	@EventListener
	@Transactional
	void on(ConversationEvents.ConversationTakenOver taken) {
		escalations.findByConversationIdAndAnsweredAtIsNull(taken.conversationId())
			.forEach(escalation -> escalation.answered(clock.instant()));
	}

	private static String code(String reason) {
		if (reason == null) {
			return "unknown";
		}
		int colon = reason.indexOf(':');
		String code = colon < 0 ? reason : reason.substring(0, colon);
		return code.length() > 60 ? code.substring(0, 60) : code;
	}

}
