package io.smiledesk.conversation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.staff.DutyRoster;
import io.smiledesk.staff.StaffMember;
import io.smiledesk.staff.StaffRole;
import io.smiledesk.system.ApiProblem;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives each handoff to a member of staff on duty with a suitable role, in turn: an
 * urgent or medical one to a clinician first, another to the front office first, and to
 * anyone else on duty when none of those is. With nobody on duty it stays unassigned in
 * the queue, where anyone may claim it. Routing runs in the transaction that asks for the
 * handoff, so a handoff is never written without its routing.
 */
@Component
class HandoffRouting {

	static final Set<StaffRole> CLINICIANS = EnumSet.of(StaffRole.DENTIST, StaffRole.HYGIENIST);

	static final Set<StaffRole> FRONT_OFFICE = EnumSet.of(StaffRole.FRONT_DESK, StaffRole.OFFICE_MANAGER,
			StaffRole.ADMIN);

	private final ConversationRepository conversations;

	private final AssignmentRepository assignments;

	private final DutyRoster roster;

	private final ClinicCatalog catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	HandoffRouting(ConversationRepository conversations, AssignmentRepository assignments, DutyRoster roster,
			ClinicCatalog catalog, ApplicationEventPublisher events, Clock clock) {
		this.conversations = conversations;
		this.assignments = assignments;
		this.roster = roster;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	/** A new request is routed once; the same request raised again keeps its assignee. */
	@EventListener
	void on(ConversationEvents.HandoffRequested requested) {
		if (assignments.existsByConversationIdAndRequestedAt(requested.conversationId(), requested.requestedAt())) {
			return;
		}
		Conversation conversation = conversations.findById(requested.conversationId()).orElseThrow();
		Instant now = clock.instant();
		UUID next = next(clinicianFirst(requested), requested.requestedAt());
		if (next == null && conversation.assignedTo() != null) {
			// raised again with nobody on duty: whoever had it keeps it
			return;
		}
		if (conversation.assign(next)) {
			record(conversation, next, next == null ? AssignmentMethod.UNASSIGNED : AssignmentMethod.ROUND_ROBIN, now);
		}
	}

	/** A member of staff takes a waiting handoff from the queue (from whoever had it). */
	void claim(Conversation conversation, UUID staffUserId) {
		if (!conversation.assign(staffUserId)) {
			throw ApiProblem.conflict("conversation-not-waiting",
					"Only a handoff waiting for staff can be claimed; this conversation is "
							+ conversation.status().name().toLowerCase(Locale.ROOT) + ".");
		}
		record(conversation, staffUserId, AssignmentMethod.CLAIMED, clock.instant());
	}

	private void record(Conversation conversation, UUID staffUserId, AssignmentMethod method, Instant now) {
		assignments.save(new HandoffAssignment(conversation.id(), conversation.handoffAt(), staffUserId, method,
				assignments.lastTurn() + 1, now));
		events.publishEvent(new ConversationEvents.HandoffAssigned(conversation.id(), staffUserId, method,
				conversation.handoffAt()));
	}

	/** Who is next among those on duty at the request's clinic-local time, or null. */
	private UUID next(boolean clinicianFirst, Instant at) {
		ZonedDateTime local = at.atZone(catalog.snapshot().zone());
		List<StaffMember> onDuty = roster.onDuty(local.getDayOfWeek(), local.toLocalTime());
		Set<StaffRole> preferred = clinicianFirst ? CLINICIANS : FRONT_OFFICE;
		List<StaffMember> suitable = onDuty.stream().filter(member -> preferred.contains(member.role())).toList();
		List<StaffMember> candidates = suitable.isEmpty() ? onDuty : suitable;
		if (candidates.isEmpty()) {
			return null;
		}
		Map<UUID, Long> lastTurn = new HashMap<>();
		for (Object[] row : assignments.lastTurns(candidates.stream().map(StaffMember::id).toList())) {
			lastTurn.put((UUID) row[0], ((Number) row[1]).longValue());
		}
		// the one whose last turn is longest ago; never given one, first; then by name
		return candidates.stream()
			.min(Comparator.comparingLong((StaffMember member) -> lastTurn.getOrDefault(member.id(), 0L)))
			.orElseThrow()
			.id();
	}

	private static boolean clinicianFirst(ConversationEvents.HandoffRequested requested) {
		return requested.urgency() == Urgency.URGENT
				|| (requested.reason() != null && requested.reason().startsWith("medical_risk"));
	}

}
