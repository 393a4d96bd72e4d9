package io.smiledesk.conversation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.smiledesk.test.Json.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chat over a real WebSocket: replies, typing, and staff messages pushed live. */
@IntegrationTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "smiledesk.demo.fake-patients=0", "smiledesk.security.password-hash-cost=4" })
class ChatWebSocketIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Conversations conversations;

	@Autowired
	TestData data;

	private final HttpClient client = HttpClient.newHttpClient();

	private Socket socket;

	@BeforeEach
	void reset() {
		data.reset();
	}

	@AfterEach
	void close() {
		if (socket != null) {
			socket.ws.abort();
		}
	}

	@Test
	void repliesComeAfterATypingSignalAndStaffMessagesArePushed() throws Exception {
		socket = connect("");
		socket.send("{\"type\":\"message\",\"message\":\"I have facial swelling and a fever\"}");
		assertThat(socket.next()).contains("\"type\":\"typing\"");
		String reply = socket.next();
		assertThat(reply).contains("\"type\":\"reply\"").contains("\"status\":\"HANDOFF_REQUIRED\"");
		UUID session = UUID.fromString(field(reply, "session_id"));

		UUID staff = UUID.randomUUID();
		conversations.takeOver(session, staff);
		assertThat(socket.next()).contains("\"type\":\"status\"").contains("HUMAN_ACTIVE");
		conversations.reply(session, staff, "Hi, this is Jo at the front desk.");
		assertThat(socket.next()).contains("\"sender\":\"staff\"").contains("Hi, this is Jo at the front desk.");

		// a second tab on the same session hears the staff too
		Socket second = connect("?session_id=" + session);
		try {
			assertThat(second.next()).contains("\"type\":\"session\"").contains("HUMAN_ACTIVE");
			conversations.reply(session, staff, "Are you still there?");
			assertThat(second.next()).contains("Are you still there?");
			assertThat(socket.next()).contains("Are you still there?");
		}
		finally {
			second.ws.abort();
		}
	}

	@Test
	void badFramesGetAnErrorAndTheSocketStaysUsable() throws Exception {
		socket = connect("");
		socket.send("not json");
		assertThat(socket.next()).contains("\"type\":\"error\"").contains("\"status\":400");
		socket.send("{\"type\":\"message\",\"message\":\"\"}");
		assertThat(socket.next()).contains("\"status\":400");
		socket.send("{\"type\":\"message\",\"message\":\"" + "a".repeat(10_001) + "\"}");
		assertThat(socket.next()).contains("\"status\":413");
		socket.send("{\"type\":\"shout\",\"message\":\"hi\"}");
		assertThat(socket.next()).contains("\"status\":400");
		socket.send("{\"type\":\"message\",\"message\":\"hello\"}");
		assertThat(socket.next()).contains("typing");
		assertThat(socket.next()).contains("\"type\":\"reply\"");
		assertThat(data.count("conversation")).isEqualTo(1);
	}

	@Test
	void anUnknownSessionIsRefused() throws Exception {
		socket = connect("?session_id=" + UUID.randomUUID());
		assertThat(socket.next()).contains("\"status\":404");
	}

	@Test
	void otherWebsitesCannotOpenTheSocket() {
		assertThatThrownBy(() -> client.newWebSocketBuilder()
			.header("Origin", "https://evil.example")
			.buildAsync(URI.create("ws://localhost:" + port + ChatWebSocket.PATH), new Listener())
			.join()).isInstanceOf(CompletionException.class);
	}

	private Socket connect(String query) {
		Listener listener = new Listener();
		WebSocket ws = client.newWebSocketBuilder()
			.buildAsync(URI.create("ws://localhost:" + port + ChatWebSocket.PATH + query), listener)
			.join();
		return new Socket(ws, listener);
	}

	record Socket(WebSocket ws, Listener listener) {

		void send(String text) {
			ws.sendText(text, true).join();
		}

		String next() throws InterruptedException {
			String frame = listener.frames.poll(10, TimeUnit.SECONDS);
			assertThat(frame).as("a frame within 10 s").isNotNull();
			return frame;
		}

	}

	static final class Listener implements WebSocket.Listener {

		final BlockingQueue<String> frames = new LinkedBlockingQueue<>();

		private final StringBuilder partial = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			partial.append(data);
			if (last) {
				frames.add(partial.toString());
				partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

	}

}
