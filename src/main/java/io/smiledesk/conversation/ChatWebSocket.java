package io.smiledesk.conversation;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.smiledesk.system.ApiProblem;
import io.smiledesk.system.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Real-time chat at {@code /api/v1/chat/ws}: the widget sends
 * {@code {"type":"message","message":"..."}} and receives {@code typing}, then the same
 * {@code reply} the REST API gives; staff replies and status changes are pushed as they
 * happen. The session id travels in the {@code session_id} query parameter or in the
 * first reply.
 */
@Configuration
@EnableWebSocket
class ChatWebSocket extends TextWebSocketHandler implements WebSocketConfigurer {

	static final String PATH = "/api/v1/chat/ws";

	private static final Logger log = LoggerFactory.getLogger(ChatWebSocket.class);

	private static final String SESSION = "smiledesk.session";

	private final PatientMessages patientMessages;

	private final MessageLength length;

	private final Conversations conversations;

	private final RateLimiter rateLimiter;

	private final JsonMapper json;

	private final List<String> allowedOrigins;

	private final Map<UUID, Set<WebSocketSession>> sockets = new ConcurrentHashMap<>();

	ChatWebSocket(PatientMessages patientMessages, Conversations conversations, RateLimiter rateLimiter,
			JsonMapper json, MessageLength length,
			@Value("${smiledesk.cors.allowed-origins:}") List<String> allowedOrigins) {
		this.patientMessages = patientMessages;
		this.length = length;
		this.conversations = conversations;
		this.rateLimiter = rateLimiter;
		this.json = json;
		this.allowedOrigins = allowedOrigins.stream().filter(origin -> !origin.isBlank()).toList();
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		// same origin always; other sites only when the clinic lists them (its website)
		registry.addHandler(this, PATH).setAllowedOrigins(allowedOrigins.toArray(String[]::new));
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession raw) throws IOException {
		// room for the longest message the chat accepts, in UTF-8, with its JSON around
		// it
		raw.setTextMessageSizeLimit(4 * length.max() + 1024);
		WebSocketSession socket = new ConcurrentWebSocketSessionDecorator(raw, 5_000, 256 * 1024);
		raw.getAttributes().put("smiledesk.socket", socket);
		String given = UriComponentsBuilder.fromUri(raw.getUri() == null ? URI.create(PATH) : raw.getUri())
			.build()
			.getQueryParams()
			.getFirst("session_id");
		if (given != null && !given.isBlank()) {
			try {
				UUID session = ChatRestController.sessionId(given);
				ConversationStatus status = conversations.status(session);
				attach(socket, session);
				// tells a reconnecting widget where the conversation stands
				send(socket, Map.of("type", "session", "session_id", session, "status", status));
			}
			catch (ApiProblem ex) {
				send(socket, error(ex));
				socket.close(CloseStatus.POLICY_VIOLATION);
			}
		}
	}

	@Override
	protected void handleTextMessage(WebSocketSession raw, TextMessage message) throws IOException {
		WebSocketSession socket = (WebSocketSession) raw.getAttributes().get("smiledesk.socket");
		try {
			JsonNode request;
			try {
				request = json.readTree(message.getPayload());
			}
			catch (JacksonException ex) {
				throw new ApiProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-request",
						"Invalid request", "The message is not valid JSON.");
			}
			String type = request.path("type").asString("message");
			if (!"message".equals(type)) {
				throw ApiProblem.invalidField("type", "type must be \"message\"");
			}
			String text = request.path("message").asString("");
			length.check(text);
			if (text.isBlank()
					|| text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
				throw ApiProblem.invalidField("message",
						"message must be 1 to " + length.max() + " characters of text");
			}
			UUID session = (UUID) raw.getAttributes().get(SESSION);
			if (session != null && rateLimiter.tryConsume(RateLimiter.CHAT_PER_SESSION,
					session.toString()) instanceof RateLimiter.Refused refused) {
				throw refused.problem();
			}
			send(socket, Map.of("type", "typing", "typing", true));
			ChatReply reply = ChatReply.of(patientMessages.receive(session, text, ConversationChannel.WEB));
			if (session == null) {
				attach(socket, reply.sessionId());
			}
			send(socket, new Envelope("reply", reply));
		}
		catch (org.springframework.web.ErrorResponseException ex) {
			send(socket, error(ex));
		}
	}

	@Override
	public void afterConnectionClosed(WebSocketSession raw, CloseStatus status) {
		UUID session = (UUID) raw.getAttributes().get(SESSION);
		if (session != null) {
			sockets.computeIfPresent(session, (id, set) -> {
				set.removeIf(socket -> socket.getId().equals(raw.getId()));
				return set.isEmpty() ? null : set;
			});
		}
	}

	/** Staff messages and status changes reach the patient once they are committed. */
	@ApplicationModuleListener
	void on(ConversationEvents.MessageAdded event) {
		if (event.sender() == Sender.STAFF) {
			conversations.message(event.messageId())
				.ifPresent(message -> push(event.conversationId(), Map.of("type", "message", "sender", "staff", "text",
						message.text(), "created_at", message.createdAt().toString())));
		}
	}

	@ApplicationModuleListener
	void on(ConversationEvents.ConversationTakenOver event) {
		push(event.conversationId(), status(ConversationStatus.HUMAN_ACTIVE));
	}

	@ApplicationModuleListener
	void on(ConversationEvents.ConversationHandedBack event) {
		push(event.conversationId(), status(ConversationStatus.ACTIVE));
	}

	@ApplicationModuleListener
	void on(ConversationEvents.ConversationClosed event) {
		push(event.conversationId(), status(ConversationStatus.CLOSED));
	}

	private static Map<String, Object> status(ConversationStatus status) {
		return Map.of("type", "status", "status", status);
	}

	private void attach(WebSocketSession socket, UUID session) {
		socket.getAttributes().put(SESSION, session);
		sockets.computeIfAbsent(session, id -> ConcurrentHashMap.newKeySet()).add(socket);
	}

	private void push(UUID session, Object payload) {
		for (WebSocketSession socket : sockets.getOrDefault(session, Set.of())) {
			send(socket, payload);
		}
	}

	private void send(WebSocketSession socket, Object payload) {
		if (!socket.isOpen()) {
			return;
		}
		try {
			socket.sendMessage(new TextMessage(json.writeValueAsString(payload)));
		}
		catch (IOException | IllegalStateException ex) {
			log.debug("Could not send to a chat socket: {}", ex.getMessage());
		}
	}

	private static Map<String, Object> error(ErrorResponse ex) {
		ProblemDetail problem = ex.getBody();
		return Map.of("type", "error", "status", problem.getStatus(), "title", String.valueOf(problem.getTitle()),
				"detail", String.valueOf(problem.getDetail()));
	}

	/** A reply with its type, flattened so the widget reads the same fields as REST. */
	record Envelope(String type, @com.fasterxml.jackson.annotation.JsonUnwrapped ChatReply reply) {
	}

}
