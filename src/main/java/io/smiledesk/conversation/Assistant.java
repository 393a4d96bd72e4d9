package io.smiledesk.conversation;

import java.util.List;
import java.util.UUID;

/**
 * What answers patients when no person has the conversation. The conversation module owns
 * conversations, their messages and their status; the assistant owns what it has learnt
 * ({@code state}, opaque here) and decides the reply. Channel-neutral: a reply's options
 * are data, and each channel renders them (buttons, numbered lines, speech).
 */
public interface Assistant {

	/** The state of a conversation that has just started. */
	String initialState();

	/**
	 * Answers one patient message. Never null; {@link Reply#state()} is kept for the
	 * next.
	 */
	Reply respond(Incoming message);

	/** A person took the conversation over: anything held for the patient goes back. */
	String tookOver(String state);

	/** Staff handed the conversation back: the assistant starts with a clean slate. */
	String handedBack(String state);

	/** The conversation was closed: the task in progress is dropped. */
	String closed(String state);

	/**
	 * One patient message in its conversation.
	 *
	 * @param state what the assistant kept from the last turn
	 * @param recent the last few messages before this one, oldest first (empty unless
	 * {@link #readsHistory()})
	 * @param known who the conversation is with and which visit it is about, when the
	 * module that wrote first knows (a reminder's thread); null otherwise
	 */
	record Incoming(UUID conversationId, ConversationChannel channel, String text, String state, List<Recent> recent,
			Known known) {

		public Incoming {
			recent = List.copyOf(recent);
		}

		public Incoming(UUID conversationId, ConversationChannel channel, String text, String state,
				List<Recent> recent) {
			this(conversationId, channel, text, state, recent, null);
		}

	}

	/**
	 * The patient a conversation is already identified with (the thread is theirs: the
	 * clinic wrote to their address) and the appointment it is about.
	 *
	 * @param wants what the module that wrote first read the reply as asking for (a
	 * reminder's "can't make it"), or null to leave the reading to the assistant
	 */
	record Known(UUID patientId, UUID appointmentId, Wants wants) {

		public Known(UUID patientId, UUID appointmentId) {
			this(patientId, appointmentId, null);
		}

	}

	/** A change of the known appointment a reply asks for. */
	enum Wants {

		CANCEL, RESCHEDULE

	}

	record Recent(boolean fromPatient, String text) {
	}

	/** Whether {@link Incoming#recent()} is read; when not, it is not loaded. */
	default boolean readsHistory() {
		return false;
	}

}
