package io.smiledesk.console;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import io.smiledesk.conversation.ConversationEvents;
import io.smiledesk.staff.StaffEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live updates for the handoff screens as server-sent events: every change to a
 * conversation (a handoff, a take-over, a message...) is pushed once it is committed,
 * carrying only the conversation's id and what happened; the page then fetches what it
 * shows through the ordinary, access-checked requests. Connections are bounded, kept
 * alive by heartbeats, and dropped on timeout or error (the browser reconnects).
 */
@Component
class HandoffStream {

	static final int MAX_CONNECTIONS = 200;

	static final Duration TIMEOUT = Duration.ofMinutes(30);

	private static final Logger log = LoggerFactory.getLogger(HandoffStream.class);

	private final Set<SseEmitter> emitters = ConcurrentHashMap.newKeySet();

	/** Whose each stream is, so that it ends with its owner's sign-in. */
	private final Map<SseEmitter, UUID> owners = new ConcurrentHashMap<>();

	/**
	 * Sends off the committing thread: a slow browser must not hold up a chat turn. A
	 * full queue drops the update; the page catches up on its next change or reconnect.
	 */
	private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(1_000), runnable -> {
				Thread thread = new Thread(runnable, "handoff-stream");
				thread.setDaemon(true);
				return thread;
			}, new ThreadPoolExecutor.DiscardPolicy());

	/** A new connection, or empty when there are already too many. */
	java.util.Optional<SseEmitter> connect(UUID staffUserId) {
		if (emitters.size() >= MAX_CONNECTIONS) {
			return java.util.Optional.empty();
		}
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		emitter.onCompletion(() -> forget(emitter));
		emitter.onTimeout(() -> {
			forget(emitter);
			emitter.complete();
		});
		emitter.onError(error -> forget(emitter));
		owners.put(emitter, staffUserId);
		emitters.add(emitter);
		try {
			// tells the page the stream is open, so it can catch up on what it missed
			emitter.send(SseEmitter.event().name("ready").data("{}", MediaType.APPLICATION_JSON));
		}
		catch (IOException | IllegalStateException ex) {
			forget(emitter);
		}
		return java.util.Optional.of(emitter);
	}

	/**
	 * A deactivated account, a new role, a new password or second factor ends every
	 * earlier sign-in; the account's open streams end with them. The browser reconnects
	 * and meets the sign-in page if its session is over. These run at once, in the
	 * publisher's thread, unlike the pushes: an ended sign-in must not keep streaming.
	 */
	@EventListener
	void on(StaffEvents.StaffAccountChanged event) {
		end(event.userId());
	}

	@EventListener
	void on(StaffEvents.PasswordChanged event) {
		end(event.userId());
	}

	@EventListener
	void on(StaffEvents.SecondFactorEnabled event) {
		end(event.userId());
	}

	private void end(UUID staffUserId) {
		owners.forEach((emitter, owner) -> {
			if (owner.equals(staffUserId)) {
				forget(emitter);
				emitter.complete();
			}
		});
	}

	private void forget(SseEmitter emitter) {
		emitters.remove(emitter);
		owners.remove(emitter);
	}

	int connections() {
		return emitters.size();
	}

	@ApplicationModuleListener
	void on(ConversationEvents.HandoffRequested event) {
		publish("handoff", event.conversationId());
	}

	@ApplicationModuleListener
	void on(ConversationEvents.HandoffOverdue event) {
		publish("overdue", event.conversationId());
	}

	@ApplicationModuleListener
	void on(ConversationEvents.HandoffAssigned event) {
		publish("assigned", event.conversationId());
	}

	@ApplicationModuleListener
	void on(ConversationEvents.ConversationTakenOver event) {
		publish("taken-over", event.conversationId());
	}

	@ApplicationModuleListener
	void on(ConversationEvents.ConversationHandedBack event) {
		publish("handed-back", event.conversationId());
	}

	@ApplicationModuleListener
	void on(ConversationEvents.ConversationClosed event) {
		publish("closed", event.conversationId());
	}

	@ApplicationModuleListener
	void on(ConversationEvents.MessageAdded event) {
		publish("message", event.conversationId());
	}

	/** Keeps idle connections open through proxies, and finds the dead ones. */
	@Scheduled(fixedDelayString = "${smiledesk.console.heartbeat:PT20S}")
	void heartbeat() {
		if (!emitters.isEmpty()) {
			sender.execute(
					() -> emitters.forEach(emitter -> send(emitter, () -> SseEmitter.event().comment("heartbeat"))));
		}
	}

	/**
	 * Ends the open streams as the application shuts down: otherwise the web server's
	 * graceful shutdown waits for them, as for any request in progress.
	 */
	@EventListener(ContextClosedEvent.class)
	void closing() {
		emitters.forEach(SseEmitter::complete);
		emitters.clear();
		owners.clear();
	}

	@PreDestroy
	void stop() {
		closing();
		sender.shutdownNow();
	}

	private void publish(String change, UUID conversationId) {
		if (emitters.isEmpty()) {
			return;
		}
		Map<String, String> data = Map.of("conversation_id", conversationId.toString(), "change", change);
		// the listeners run after the change committed: what is pushed is what others see
		sender.execute(() -> emitters.forEach(emitter -> send(emitter,
				() -> SseEmitter.event().name("conversation").data(data, MediaType.APPLICATION_JSON))));
	}

	private void send(SseEmitter emitter, java.util.function.Supplier<SseEmitter.SseEventBuilder> event) {
		try {
			emitter.send(event.get());
		}
		catch (IOException | IllegalStateException ex) {
			log.debug("Dropping a handoff stream: {}", ex.getMessage());
			forget(emitter);
			emitter.completeWithError(ex);
		}
	}

}
