package io.smiledesk.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a waiting handoff is overdue: nobody has claimed it from the queue and it is past
 * the time its {@link ServiceLevel} gives. A claim gives the request an owner and stops
 * its clock; a round-robin assignee has not answered yet, so theirs keeps running. The
 * watch escalates by this rule and the console's queue shows it, so the two never
 * disagree.
 */
@Component
public class HandoffClock {

	private final AssignmentRepository assignments;

	private final ClinicCatalog catalog;

	private final Clock clock;

	HandoffClock(AssignmentRepository assignments, ClinicCatalog catalog, Clock clock) {
		this.assignments = assignments;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** The rule itself; a request without a time is not waiting on one. */
	static boolean overdue(Instant requested, Urgency urgency, boolean claimed, Instant now, ClinicSnapshot clinic) {
		return requested != null && !claimed && !now.isBefore(ServiceLevel.due(requested, normal(urgency), clinic));
	}

	/** Which of these conversations are overdue now; one look-up for all their claims. */
	@Transactional(readOnly = true)
	public Set<UUID> overdue(Collection<ConversationSummary> conversations) {
		List<ConversationSummary> waiting = conversations.stream()
			.filter(conversation -> conversation.status() == ConversationStatus.HANDOFF_REQUIRED)
			.filter(conversation -> conversation.handoffAt() != null)
			.toList();
		if (waiting.isEmpty()) {
			return Set.of();
		}
		Set<UUID> claimed = new HashSet<>(assignments.claimedNow(waiting.stream().map(ConversationSummary::id).toList(),
				AssignmentMethod.CLAIMED));
		Instant now = clock.instant();
		ClinicSnapshot clinic = catalog.snapshot();
		Set<UUID> overdue = new HashSet<>();
		for (ConversationSummary conversation : waiting) {
			if (overdue(conversation.handoffAt(), conversation.urgency(), claimed.contains(conversation.id()), now,
					clinic)) {
				overdue.add(conversation.id());
			}
		}
		return overdue;
	}

	/** When this conversation's request fell due, if it is overdue at {@code now}. */
	Optional<Instant> overdueSince(Conversation conversation, Instant now, ClinicSnapshot clinic) {
		Instant requested = conversation.handoffAt();
		if (requested == null) {
			return Optional.empty();
		}
		Instant due = ServiceLevel.due(requested, normal(conversation.urgency()), clinic);
		// the claims are looked up only for a request past its time
		boolean claimed = !now.isBefore(due) && assignments
			.existsByConversationIdAndRequestedAtAndMethod(conversation.id(), requested, AssignmentMethod.CLAIMED);
		return overdue(requested, conversation.urgency(), claimed, now, clinic) ? Optional.of(due) : Optional.empty();
	}

	static Urgency normal(Urgency urgency) {
		return urgency == null ? Urgency.NORMAL : urgency;
	}

}
