package io.smiledesk.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads and writes conversations. A turn's results are written under a row lock on the
 * conversation, so a patient's message, a member of staff taking over and a reply never
 * overwrite each other.
 */
@Component
class ConversationStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ConversationRepository conversations;

	private final MessageRepository messages;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	ConversationStore(ConversationRepository conversations, MessageRepository messages,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager, Clock clock) {
		this.conversations = conversations;
		this.messages = messages;
		this.events = events;
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * A conversation with the assistant's state and the last few messages, oldest first.
	 */
	record Loaded(UUID id, ConversationChannel channel, ConversationStatus status, String state,
			List<MessageView> recent) {
	}

	/**
	 * What one turn produced, to be written at once.
	 *
	 * @param externalId the provider's id of the patient's message, or null (web chat)
	 */
	record TurnRecord(ConversationStatus loadedStatus, String patientText, String externalId, String patientMetadata,
			String replyText, String replyMetadata, String state, UUID patientId, Reply.Handoff handoff, boolean close,
			UUID bookedAppointment) {

		static TurnRecord silent(ConversationStatus status, String patientText, String externalId) {
			return new TurnRecord(status, patientText, externalId, null, null, null, null, null, null, false, null);
		}

		/**
		 * A reply a channel's own rule gives (an opt-out confirmation): no state change.
		 */
		static TurnRecord ruled(ConversationStatus status, String patientText, String externalId, String rule,
				String replyText) {
			return new TurnRecord(status, patientText, externalId, json(java.util.Map.of("rule", rule)), replyText,
					json(java.util.Map.of("rule", rule)), null, null, null, false, null);
		}

	}

	UUID start(ConversationChannel channel, String state) {
		return start(channel, state, null);
	}

	UUID start(ConversationChannel channel, String state, UUID patientId) {
		Conversation conversation = new Conversation(channel, state, clock.instant());
		conversation.linkPatient(patientId);
		transaction.executeWithoutResult(status -> {
			conversations.save(conversation);
			events.publishEvent(
					new ConversationEvents.ConversationStarted(conversation.id(), channel, conversation.createdAt()));
		});
		return conversation.id();
	}

	Optional<Loaded> load(UUID id, int recent) {
		return transaction.execute(status -> conversations.findById(id).map(conversation -> {
			List<MessageView> latest = recent == 0 ? new ArrayList<>()
					: new ArrayList<>(messages.findLatest(id, PageRequest.of(0, recent))
						.stream()
						.map(ConversationMessage::view)
						.toList());
			Collections.reverse(latest);
			return new Loaded(id, conversation.channel(), conversation.status(), conversation.state(), latest);
		}));
	}

	/**
	 * The status after a turn, whether the assistant's reply was kept, and whether the
	 * patient's message had been recorded before (delivered twice).
	 */
	record Recorded(ConversationStatus status, boolean replied, boolean duplicate) {

		Recorded(ConversationStatus status, boolean replied) {
			this(status, replied, false);
		}

	}

	/**
	 * Whether a patient's message with this provider id is already in the conversation.
	 */
	boolean hasExternal(UUID id, String externalId) {
		return externalId != null && Boolean.TRUE
			.equals(transaction.execute(tx -> messages.existsByConversationIdAndExternalId(id, externalId)));
	}

	/**
	 * Writes a turn. When staff took the conversation over or closed it while the turn
	 * was being worked out, only the patient's message is kept: the assistant has been
	 * told to be silent.
	 */
	Recorded record(UUID id, TurnRecord turn) {
		List<Object> published = new ArrayList<>();
		return transaction.execute(tx -> {
			Conversation conversation = conversations.lock(id).orElseThrow();
			Instant now = clock.instant();
			if (turn.externalId() != null && messages.existsByConversationIdAndExternalId(id, turn.externalId())) {
				// another worker answered this delivery meanwhile: keep the first answer
				return new Recorded(conversation.status(), false, true);
			}
			if (turn.bookedAppointment() != null) {
				events
					.publishEvent(new ConversationEvents.AppointmentBookedInConversation(id, turn.bookedAppointment()));
			}
			ConversationStatus current = conversation.status();
			if (current != turn.loadedStatus()
					&& (current == ConversationStatus.HUMAN_ACTIVE || current == ConversationStatus.CLOSED)) {
				events.publishEvent(
						append(conversation, Sender.PATIENT, null, turn.patientText(), null, now, turn.externalId()));
				conversations.save(conversation);
				return new Recorded(current, false);
			}
			conversation.reopen(now);
			published.add(append(conversation, Sender.PATIENT, null, turn.patientText(), turn.patientMetadata(), now,
					turn.externalId()));
			if (turn.replyText() != null) {
				published
					.add(append(conversation, Sender.BOT, null, turn.replyText(), turn.replyMetadata(), now, null));
			}
			if (turn.state() != null) {
				conversation.update(turn.state(), now);
			}
			conversation.linkPatient(turn.patientId());
			if (turn.handoff() != null) {
				conversation.requestHandoff(turn.handoff().urgency(), turn.handoff().reason(), turn.handoff().summary(),
						now);
				if (conversation.status() == ConversationStatus.HANDOFF_REQUIRED) {
					events.publishEvent(new ConversationEvents.HandoffRequested(id, conversation.urgency(),
							conversation.handoffReason(), conversation.handoffAt()));
				}
			}
			else if (turn.close() && conversation.status() == ConversationStatus.ACTIVE) {
				conversation.close(now);
			}
			conversations.save(conversation);
			published.forEach(events::publishEvent);
			return new Recorded(conversation.status(), turn.replyText() != null);
		});
	}

	/** A message the clinic starts (a reminder, a campaign), from the assistant. */
	MessageView appendClinicMessage(UUID id, String text, String metadata) {
		return transaction.execute(tx -> {
			Conversation conversation = conversations.lock(id).orElseThrow();
			Instant now = clock.instant();
			ConversationEvents.MessageAdded added = append(conversation, Sender.BOT, null, text, metadata, now, null);
			conversation.update(conversation.state(), now);
			conversations.save(conversation);
			events.publishEvent(added);
			return messages.findById(added.messageId()).orElseThrow().view();
		});
	}

	/** A staff member's message, stored when a person has the conversation. */
	MessageView appendStaffMessage(UUID id, UUID staffUserId, String text) {
		return transaction.execute(tx -> {
			Conversation conversation = conversations.lock(id).orElseThrow();
			Instant now = clock.instant();
			ConversationEvents.MessageAdded added = append(conversation, Sender.STAFF, staffUserId, text, null, now,
					null);
			conversation.update(conversation.state(), now);
			conversations.save(conversation);
			events.publishEvent(added);
			return messages.findById(added.messageId()).orElseThrow().view();
		});
	}

	/**
	 * Applies a staff action under the row lock; the action returns the assistant's new
	 * state (a released hold, say).
	 */
	void change(UUID id, java.util.function.BiFunction<Conversation, String, String> action) {
		transaction.executeWithoutResult(tx -> {
			Conversation conversation = conversations.lock(id)
				.orElseThrow(() -> io.smiledesk.system.ApiProblem.notFound("conversation",
						"No conversation with id " + id + "."));
			conversation.update(action.apply(conversation, conversation.state()), clock.instant());
			conversations.save(conversation);
		});
	}

	private ConversationEvents.MessageAdded append(Conversation conversation, Sender sender, UUID staffUserId,
			String text, String metadata, Instant now, String externalId) {
		ConversationMessage message = new ConversationMessage(conversation.id(), conversation.nextPosition(), sender,
				staffUserId, text, metadata, now, externalId);
		messages.save(message);
		return new ConversationEvents.MessageAdded(conversation.id(), message.view().id(), sender);
	}

	static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

}
