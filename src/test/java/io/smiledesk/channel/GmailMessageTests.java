package io.smiledesk.channel;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Gmail message resources as the API returns them with format=full. */
class GmailMessageTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void readsTheSenderThreadAndPlainTextOfAMultipartMessage() {
		GmailMessage message = GmailMessage.of(
				json("""
						{"id":"18a1","threadId":"18a0","labelIds":["INBOX","UNREAD"],"historyId":"4321","snippet":"Hi",
						 "payload":{"mimeType":"multipart/mixed","headers":[
						   {"name":"From","value":"Ana <ana@example.com>"},{"name":"Message-Id","value":"<abc@mail.gmail.com>"}],
						  "parts":[
						   {"mimeType":"multipart/alternative","parts":[
						     {"mimeType":"text/plain","headers":[{"name":"Content-Type","value":"text/plain; charset=UTF-8"}],
						      "body":{"data":"%s"}},
						     {"mimeType":"text/html","body":{"data":"%s"}}]},
						   {"mimeType":"text/plain","filename":"notes.txt","body":{"attachmentId":"ANGj"}}]}}
						"""
					.formatted(base64url("Do you do implants? ☺\n\nOn Mon, 4 Aug 2025, Desk <d@x.y> wrote:\n> old"),
							base64url("<p>html</p>"))));

		assertThat(message.id()).isEqualTo("18a1");
		assertThat(message.threadId()).isEqualTo("18a0");
		assertThat(message.historyId()).isEqualTo(4321);
		assertThat(message.header("from")).isEqualTo("Ana <ana@example.com>");
		assertThat(message.messageIdHeader()).isEqualTo("<abc@mail.gmail.com>");
		assertThat(message.text()).isEqualTo("Do you do implants? ☺");
		assertThat(message.notForUs()).isFalse();
	}

	@Test
	void decodesThePartsCharsetAndSkipsPlainTextAttachments() {
		byte[] latin1 = "Bonjour, très bien".getBytes(StandardCharsets.ISO_8859_1);
		GmailMessage message = GmailMessage.of(
				json("""
						{"id":"1","threadId":"1","payload":{"mimeType":"multipart/mixed","parts":[
						  {"mimeType":"text/plain","headers":[{"name":"Content-Disposition","value":"attachment; filename=a.txt"}],
						   "body":{"data":"%s"}},
						  {"mimeType":"text/plain","headers":[{"name":"Content-Type","value":"text/plain; charset=\\"ISO-8859-1\\""}],
						   "body":{"data":"%s"}}]}}
						"""
					.formatted(base64url("attached"), Base64.getUrlEncoder().withoutPadding().encodeToString(latin1))));
		assertThat(message.text()).isEqualTo("Bonjour, très bien");
	}

	@Test
	void readsAnHtmlOnlyMessageAsTextWithoutItsQuote() {
		GmailMessage message = GmailMessage.of(json("""
				{"id":"1","threadId":"1","payload":{"mimeType":"text/html","body":{"data":"%s"}}}
				""".formatted(base64url(
				"<div>Tuesday &amp; Wednesday<br>both fine</div><blockquote class=\"gmail_quote\">\n<p>old</p></blockquote>"))));
		assertThat(message.text()).isEqualTo("Tuesday & Wednesday\nboth fine");
	}

	@Test
	void fallsBackToTheSnippetWithoutAnyTextPart() {
		GmailMessage message = GmailMessage.of(json("""
				{"id":"1","threadId":"1","snippet":"see attached","labelIds":["SENT"],
				 "payload":{"mimeType":"image/png","body":{"attachmentId":"x"}}}
				"""));
		assertThat(message.text()).isEqualTo("see attached");
		assertThat(message.notForUs()).isTrue();
	}

	@Test
	void decodesPubSubDataAndRefusesAnythingElse() {
		String data = Base64.getEncoder()
			.encodeToString("{\"emailAddress\":\"desk@x.example\",\"historyId\":9876543210}".getBytes());
		assertThat(GmailNotification.decode(data)).isEqualTo(new GmailNotification("desk@x.example", 9876543210L));
		String quoted = Base64.getEncoder()
			.encodeToString("{\"emailAddress\":\"desk@x.example\",\"historyId\":\"12\"}".getBytes());
		assertThat(GmailNotification.decode(quoted).historyId()).isEqualTo(12);
		assertThatIllegalArgumentException().isThrownBy(() -> GmailNotification.decode("%%%"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> GmailNotification.decode(Base64.getEncoder().encodeToString("[]".getBytes())));
		assertThatIllegalArgumentException().isThrownBy(() -> GmailNotification
			.decode(Base64.getEncoder().encodeToString("{\"emailAddress\":\"a@b.c\",\"historyId\":\"x\"}".getBytes())));
	}

	private static JsonNode json(String text) {
		return JSON.readTree(text);
	}

	private static String base64url(String text) {
		return Base64.getUrlEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
