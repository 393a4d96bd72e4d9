package io.smiledesk.conversation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import io.smiledesk.system.ApiProblem;

import org.springframework.stereotype.Service;

/**
 * Where every channel delivers a patient's message: it is stored with the conversation
 * and answered by the {@link Assistant}, unless a person has the conversation. Messages
 * of one conversation are handled one at a time. A message that carries its provider's id
 * is answered once, however often it is delivered.
 */
@Service
public class PatientMessages {

	private static final int RECENT_TURNS = 6;

	private final ConversationStore store;

	private final Assistant assistant;

	private final List<ConversationPurpose> purposes;

	private final ReentrantLock[] locks = new ReentrantLock[256];

	PatientMessages(ConversationStore store, Assistant assistant, List<ConversationPurpose> purposes) {
		this.store = store;
		this.assistant = assistant;
		this.purposes = List.copyOf(purposes);
		for (int i = 0; i < locks.length; i++) {
			locks[i] = new ReentrantLock();
		}
	}

	/**
	 * What came of a patient's message: the conversation, its status after the turn, and
	 * the assistant's reply, or null when a person is answering or the message had been
	 * answered before ({@code duplicate}).
	 */
	public record Exchange(UUID conversationId, ConversationStatus status, Reply reply, boolean duplicate) {

		Exchange(UUID conversationId, ConversationStatus status, Reply reply) {
			this(conversationId, status, reply, false);
		}

	}

	/** Starts a conversation on a channel before its first message arrives. */
	public UUID start(ConversationChannel channel) {
		return store.start(channel, assistant.initialState());
	}

	/**
	 * Starts a conversation with a patient the channel already knows (by phone, email).
	 */
	public UUID start(ConversationChannel channel, UUID patientId) {
		return store.start(channel, assistant.initialState(), patientId);
	}

	/**
	 * Answers a message; a null conversation starts a new one.
	 * @throws ApiProblem 404 for a conversation that does not exist
	 */
	public Exchange receive(UUID conversationId, String text, ConversationChannel channel) {
		UUID id = conversationId == null ? start(channel) : conversationId;
		return locked(id, () -> turn(id, text.strip(), null));
	}

	/**
	 * Answers a message from a patient's own channel; {@code externalId} (the provider's
	 * message id) makes a second delivery of it a no-op.
	 */
	public Exchange receive(UUID conversationId, String text, String externalId) {
		return locked(conversationId,
				() -> store.hasExternal(conversationId, externalId)
						? new Exchange(conversationId, store.load(conversationId, 0).orElseThrow().status(), null, true)
						: turn(conversationId, text.strip(), externalId));
	}

	/**
	 * Records a message that a channel's own rule answers (an opt-out is confirmed, a
	 * HELP gets the clinic's details) without asking the assistant.
	 */
	public Exchange answerByRule(UUID conversationId, String text, String externalId, String rule, String reply) {
		return locked(conversationId, () -> {
			ConversationStore.Loaded conversation = load(conversationId);
			ConversationStore.Recorded recorded = store.record(conversationId,
					ConversationStore.TurnRecord.ruled(conversation.status(), text.strip(), externalId, rule, reply));
			return new Exchange(conversationId, recorded.status(), null, recorded.duplicate());
		});
	}

	/**
	 * A message the clinic starts in a conversation (a reminder, a campaign); its
	 * metadata says it was proactive, so the channel counts it against the patient's
	 * limits.
	 */
	public MessageView announce(UUID conversationId, String text) {
		return store.appendClinicMessage(conversationId, text,
				ConversationStore.json(java.util.Map.of("proactive", true)));
	}

	/**
	 * The clinic tells the patient of their own booking (a confirmation, a move, a
	 * cancellation): not a message the patient could find unwelcome, so the channels send
	 * it whatever the hour.
	 */
	public MessageView notice(UUID conversationId, String text) {
		return store.appendClinicMessage(conversationId, text,
				ConversationStore.json(java.util.Map.of("notice", true)));
	}

	private Exchange locked(UUID id, Supplier<Exchange> work) {
		ReentrantLock lock = locks[Math.floorMod(id.hashCode(), locks.length)];
		lock.lock();
		try {
			return work.get();
		}
		finally {
			lock.unlock();
		}
	}

	private ConversationStore.Loaded load(UUID id) {
		return store.load(id, assistant.readsHistory() ? RECENT_TURNS : 0)
			.orElseThrow(() -> ApiProblem.notFound("conversation", "No chat session with id " + id + "."));
	}

	private Exchange turn(UUID id, String text, String externalId) {
		ConversationStore.Loaded conversation = load(id);
		if (conversation.status() == ConversationStatus.HUMAN_ACTIVE) {
			// a person is answering: keep the message for them, say nothing
			ConversationStore.Recorded recorded = store.record(id,
					ConversationStore.TurnRecord.silent(conversation.status(), text, externalId));
			return new Exchange(id, recorded.status(), null, recorded.duplicate());
		}
		List<Assistant.Recent> recent = conversation.recent()
			.stream()
			.map(message -> new Assistant.Recent(message.sender() == Sender.PATIENT, message.text()))
			.toList();
		Reply reply = answered(id, text, conversation.state()).orElse(null);
		if (reply == null) {
			String meant = text;
			for (ConversationPurpose purpose : purposes) {
				meant = purpose.interpret(id, meant);
			}
			Assistant.Known known = purposes.stream()
				.map(purpose -> purpose.known(id, text))
				.flatMap(Optional::stream)
				.findFirst()
				.orElse(null);
			reply = assistant.respond(
					new Assistant.Incoming(id, conversation.channel(), meant, conversation.state(), recent, known));
			for (ConversationPurpose purpose : purposes) {
				reply = purpose.review(id, text, reply);
			}
		}
		ConversationStore.Recorded recorded = store.record(id,
				new ConversationStore.TurnRecord(conversation.status(), text, externalId, null, reply.text(),
						ConversationStore.json(reply.metadata()), reply.state(), reply.patientId(), reply.handoff(),
						reply.close(), booked(reply)));
		if (!recorded.replied()) {
			// staff stepped in meanwhile, or another worker answered this delivery: say
			// nothing, and give back what this turn held
			assistant.tookOver(reply.state());
			return new Exchange(id, recorded.status(), null, recorded.duplicate());
		}
		return new Exchange(id, recorded.status(), reply);
	}

	/** A purpose's own answer; the assistant's state stays as it was. */
	private Optional<Reply> answered(UUID id, String text, String state) {
		return purposes.stream()
			.map(purpose -> purpose.answer(id, text))
			.flatMap(Optional::stream)
			.findFirst()
			.map(answer -> new Reply(answer.text(), answer.intent(), "en", List.of(), null, null, false, null,
					Reply.Progress.NONE, state, answer.metadata()));
	}

	private static UUID booked(Reply reply) {
		return reply.appointment() != null && "booked".equals(reply.appointment().action())
				? reply.appointment().appointmentId() : null;
	}

}
