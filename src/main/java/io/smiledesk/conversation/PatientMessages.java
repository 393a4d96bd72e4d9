package io.smiledesk.conversation;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import io.smiledesk.system.ApiProblem;

import org.springframework.stereotype.Service;

/**
 * Where every channel delivers a patient's message: it is stored with the conversation
 * and answered by the {@link Assistant}, unless a person has the conversation. Messages
 * of one conversation are handled one at a time.
 */
@Service
public class PatientMessages {

	private static final int RECENT_TURNS = 6;

	private final ConversationStore store;

	private final Assistant assistant;

	private final ReentrantLock[] locks = new ReentrantLock[256];

	PatientMessages(ConversationStore store, Assistant assistant) {
		this.store = store;
		this.assistant = assistant;
		for (int i = 0; i < locks.length; i++) {
			locks[i] = new ReentrantLock();
		}
	}

	/**
	 * What came of a patient's message: the conversation, its status after the turn, and
	 * the assistant's reply, or null when a person is answering.
	 */
	public record Exchange(UUID conversationId, ConversationStatus status, Reply reply) {
	}

	/**
	 * Answers a message; a null conversation starts a new one.
	 * @throws ApiProblem 404 for a conversation that does not exist
	 */
	public Exchange receive(UUID conversationId, String text, ConversationChannel channel) {
		UUID id = conversationId == null ? store.start(channel, assistant.initialState()) : conversationId;
		ReentrantLock lock = locks[Math.floorMod(id.hashCode(), locks.length)];
		lock.lock();
		try {
			return turn(id, text.strip());
		}
		finally {
			lock.unlock();
		}
	}

	private Exchange turn(UUID id, String text) {
		ConversationStore.Loaded conversation = store.load(id, assistant.readsHistory() ? RECENT_TURNS : 0)
			.orElseThrow(() -> ApiProblem.notFound("conversation", "No chat session with id " + id + "."));
		if (conversation.status() == ConversationStatus.HUMAN_ACTIVE) {
			// a person is answering: keep the message for them, say nothing
			ConversationStatus status = store
				.record(id, ConversationStore.TurnRecord.silent(conversation.status(), text))
				.status();
			return new Exchange(id, status, null);
		}
		List<Assistant.Recent> recent = conversation.recent()
			.stream()
			.map(message -> new Assistant.Recent(message.sender() == Sender.PATIENT, message.text()))
			.toList();
		Reply reply = assistant
			.respond(new Assistant.Incoming(id, conversation.channel(), text, conversation.state(), recent));
		ConversationStore.Recorded recorded = store.record(id,
				new ConversationStore.TurnRecord(conversation.status(), text, null, reply.text(),
						ConversationStore.json(reply.metadata()), reply.state(), reply.patientId(), reply.handoff(),
						reply.close(), booked(reply)));
		if (!recorded.replied()) {
			// staff stepped in meanwhile: say nothing, and give back what this turn held
			assistant.tookOver(reply.state());
			return new Exchange(id, recorded.status(), null);
		}
		return new Exchange(id, recorded.status(), reply);
	}

	private static UUID booked(Reply reply) {
		return reply.appointment() != null && "booked".equals(reply.appointment().action())
				? reply.appointment().appointmentId() : null;
	}

}
