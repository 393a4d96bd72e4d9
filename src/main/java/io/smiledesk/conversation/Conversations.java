package io.smiledesk.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.Patients;
import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffMember;
import io.smiledesk.system.ApiProblem;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conversations as staff work with them: the handoff queue, transcripts, taking a
 * conversation over, replying, handing it back to the assistant and closing it.
 */
@Service
public class Conversations {

	private final ConversationRepository conversations;

	private final MessageRepository messages;

	private final ConversationStore store;

	private final Assistant assistant;

	private final Patients patients;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ObjectProvider<MessageDeliveries> deliveries;

	private final EscalationRepository escalations;

	private final HandoffRouting routing;

	private final StaffAccounts staff;

	Conversations(ConversationRepository conversations, MessageRepository messages, ConversationStore store,
			Assistant assistant, Patients patients, ApplicationEventPublisher events, Clock clock,
			ObjectProvider<MessageDeliveries> deliveries, EscalationRepository escalations, HandoffRouting routing,
			StaffAccounts staff) {
		this.routing = routing;
		this.staff = staff;
		this.deliveries = deliveries;
		this.escalations = escalations;
		this.conversations = conversations;
		this.messages = messages;
		this.store = store;
		this.assistant = assistant;
		this.patients = patients;
		this.events = events;
		this.clock = clock;
	}

	/** Waiting for staff or with staff: urgent first, then oldest request first. */
	@Transactional(readOnly = true)
	public List<ConversationSummary> queue(Collection<ConversationStatus> statuses, int limit) {
		Collection<ConversationStatus> wanted = statuses.isEmpty()
				? EnumSet.of(ConversationStatus.HANDOFF_REQUIRED, ConversationStatus.HUMAN_ACTIVE) : statuses;
		return summaries(conversations.findByStatuses(wanted, PageRequest.of(0, limit)));
	}

	/** The latest of the given statuses, most recently changed first. */
	@Transactional(readOnly = true)
	public List<ConversationSummary> recent(Collection<ConversationStatus> statuses, int limit) {
		return summaries(conversations.findByStatusInOrderByUpdatedAtDesc(statuses, PageRequest.of(0, limit)));
	}

	@Transactional(readOnly = true)
	public List<ConversationSummary> forPatient(PatientId patient) {
		return summaries(conversations.findByPatientIdOrderByUpdatedAtDesc(patient.value()));
	}

	/**
	 * When each patient's conversations last changed (one query for a page of the daily
	 * campaign run); a patient who never talked to the clinic has no entry.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, Instant> lastActivity(Collection<UUID> patientIds) {
		if (patientIds.isEmpty()) {
			return Map.of();
		}
		return conversations.lastUpdatedByPatient(patientIds)
			.stream()
			.collect(Collectors.toMap(row -> (UUID) row[0], row -> (Instant) row[1]));
	}

	/** A member of staff opens a conversation: audited, it holds personal data. */
	@Transactional
	public Optional<ConversationSummary> view(UUID id) {
		Optional<ConversationSummary> found = conversations.findById(id)
			.map(conversation -> summaries(List.of(conversation)).get(0));
		found.ifPresent(conversation -> events.publishEvent(new ConversationEvents.TranscriptViewed(id)));
		return found;
	}

	/** The transcript, page by page, oldest first. */
	@Transactional(readOnly = true)
	public Page<MessageView> messages(UUID id, int page, int size) {
		if (!conversations.existsById(id)) {
			throw notFound(id);
		}
		Page<MessageView> found = messages.findPage(id, PageRequest.of(page, size)).map(ConversationMessage::view);
		MessageDeliveries sent = deliveries.getIfAvailable();
		if (sent == null) {
			return found;
		}
		Map<UUID, MessageDeliveries.Delivery> delivered = sent.of(found.map(MessageView::id).getContent());
		return found.map(message -> message.withDelivery(delivered.get(message.id())));
	}

	/** Handoffs that waited past their service level, latest first. */
	@Transactional(readOnly = true)
	public List<Escalation> escalations(int limit) {
		return escalations.findAllByOrderByEscalatedAtDesc(PageRequest.of(0, limit))
			.stream()
			.map(HandoffEscalation::view)
			.toList();
	}

	/** A conversation in the inbox, with its latest message. */
	public record InboxEntry(ConversationSummary conversation, MessageView lastMessage) {
	}

	/**
	 * Conversations on any channel, most recently active first; empty filters mean all.
	 */
	@Transactional(readOnly = true)
	public Page<InboxEntry> inbox(Collection<ConversationChannel> channels, Collection<ConversationStatus> statuses,
			int page, int size) {
		Collection<ConversationChannel> onChannels = channels.isEmpty() ? EnumSet.allOf(ConversationChannel.class)
				: channels;
		Collection<ConversationStatus> inStatuses = statuses.isEmpty() ? EnumSet.allOf(ConversationStatus.class)
				: statuses;
		Page<Conversation> found = conversations.findByChannelInAndStatusInOrderByUpdatedAtDesc(onChannels, inStatuses,
				PageRequest.of(page, size));
		List<ConversationSummary> summaries = summaries(found.getContent());
		return found.map(conversation -> new InboxEntry(
				summaries.stream().filter(summary -> summary.id().equals(conversation.id())).findFirst().orElseThrow(),
				messages.findLatest(conversation.id(), PageRequest.of(0, 1))
					.stream()
					.findFirst()
					.map(ConversationMessage::view)
					.orElse(null)));
	}

	@Transactional(readOnly = true)
	public ConversationStatus status(UUID id) {
		return conversations.findById(id).orElseThrow(() -> notFound(id)).status();
	}

	@Transactional(readOnly = true)
	public Optional<MessageView> message(UUID messageId) {
		return messages.findById(messageId).map(ConversationMessage::view);
	}

	/**
	 * A member of staff takes a waiting handoff from the queue, from whoever it was
	 * routed to; the assistant keeps answering until someone takes it over.
	 */
	public ConversationSummary claim(UUID id, UUID staffUserId) {
		store.change(id, (conversation, state) -> {
			routing.claim(conversation, staffUserId);
			return state;
		});
		return summary(id);
	}

	/** The assistant stops answering; a held slot goes back. */
	public ConversationSummary takeOver(UUID id, UUID staffUserId) {
		store.change(id, (conversation, state) -> {
			if (!conversation.takeOver(staffUserId, clock.instant())) {
				throw closed();
			}
			events.publishEvent(new ConversationEvents.ConversationTakenOver(id, staffUserId));
			return assistant.tookOver(state);
		});
		return summary(id);
	}

	/**
	 * A reply from staff, shown in the patient's chat; only once they have taken over.
	 */
	public MessageView reply(UUID id, UUID staffUserId, String text) {
		ConversationStatus status = conversations.findById(id).orElseThrow(() -> notFound(id)).status();
		if (status != ConversationStatus.HUMAN_ACTIVE) {
			throw ApiProblem.conflict("conversation-not-taken-over",
					"Take the conversation over before replying: the assistant is still answering it.");
		}
		return store.appendStaffMessage(id, staffUserId, text);
	}

	/** The assistant answers again; the handoff request is settled. */
	public ConversationSummary handBack(UUID id, UUID staffUserId) {
		store.change(id, (conversation, state) -> {
			if (!conversation.handBack(clock.instant())) {
				throw closed();
			}
			events.publishEvent(new ConversationEvents.ConversationHandedBack(id, staffUserId));
			return assistant.handedBack(state);
		});
		return summary(id);
	}

	public ConversationSummary close(UUID id, UUID staffUserId) {
		store.change(id, (conversation, state) -> {
			conversation.close(clock.instant());
			events.publishEvent(new ConversationEvents.ConversationClosed(id, staffUserId));
			return assistant.closed(state);
		});
		return summary(id);
	}

	private ConversationSummary summary(UUID id) {
		return summaries(List.of(conversations.findById(id).orElseThrow(() -> notFound(id)))).get(0);
	}

	private List<ConversationSummary> summaries(List<Conversation> found) {
		Map<UUID, PatientSummary> names = patients
			.findAll(found.stream().map(Conversation::patientId).filter(Objects::nonNull).toList());
		Map<UUID, String> staffNames = found.stream().anyMatch(conversation -> conversation.assignedTo() != null)
				? staff.list().stream().collect(Collectors.toMap(StaffMember::id, StaffMember::name)) : Map.of();
		return found.stream()
			.map(conversation -> new ConversationSummary(conversation.id(), conversation.channel(),
					conversation.status(), conversation.urgency(), conversation.handoffReason(),
					conversation.handoffSummary(), conversation.handoffAt(), conversation.assignedTo(),
					conversation.assignedTo() == null ? null : staffNames.get(conversation.assignedTo()),
					conversation.patientId(),
					conversation.patientId() == null ? null
							: names.containsKey(conversation.patientId()) ? names.get(conversation.patientId()).name()
									: null,
					conversation.messageCount(), conversation.createdAt(), conversation.updatedAt()))
			.toList();
	}

	private static ApiProblem closed() {
		return ApiProblem.conflict("conversation-closed", "The conversation is closed.");
	}

	private static ApiProblem notFound(UUID id) {
		return ApiProblem.notFound("conversation", "No conversation with id " + id + ".");
	}

}
