package io.smiledesk.assistant.phrasing;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.smiledesk.understanding.MessageContext;
import io.smiledesk.understanding.Understanding;
import io.smiledesk.test.FakeOpenAiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ModelReplyPhrasingTests {

	static final String DRAFT = "Booked: Teeth Whitening with Dr Lee on Tuesday 2025-08-12 at 3:00 PM. "
			+ "The price is $120.00. A confirmation goes to ana@example.com. "
			+ "To change it call +1 973-555-0101 or visit https://smiles.test/manage.";

	static final MessageContext CONTEXT = new MessageContext(LocalDateTime.of(2025, 8, 4, 9, 0), null, null,
			List.of(new MessageContext.Turn(true, "please book the whitening, my email is ana@example.com")));

	private final FakeOpenAiServer server = FakeOpenAiServer.start();

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void usesARewriteThatKeepsEveryFact() {
		String rewrite = "Great news, you're all set! Teeth Whitening with Dr Lee on Tuesday 2025-08-12 at 3 pm. "
				+ "It's $120, and we've sent a confirmation to ana@example.com. "
				+ "Need to change it? Call +1 (973) 555-0101 or visit https://smiles.test/manage.";
		this.server.reply(json(rewrite));

		ReplyPhrasing.Phrased phrased = phrasing().rephrase(DRAFT, CONTEXT);

		assertThat(phrased.rewritten()).isTrue();
		assertThat(phrased).isEqualTo(new ReplyPhrasing.Phrased(rewrite, Understanding.MODEL, null));
	}

	@Test
	void sendsOnlyTheDraftWithTheKey() {
		this.server.reply(json("Hi there!"));

		phrasing().rephrase("Hello! How can I help?", CONTEXT);

		FakeOpenAiServer.Request request = this.server.requests().get(0);
		assertThat(request.header("Authorization")).isEqualTo("Bearer test-key");
		assertThat(request.messageOf("user")).isEqualTo("{\"draft\":\"Hello! How can I help?\"}");
		assertThat(request.messageOf("system")).contains("Keep every fact exactly as written");
		assertThat(request.body()).doesNotContain("please book the whitening");
		assertThat(request.json().path("response_format").path("type").asString()).isEqualTo("json_schema");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					time changed    | You're booked: Teeth Whitening with Dr Lee on Tuesday 2025-08-12 at 4:00 PM. The price is $120.00. A confirmation goes to ana@example.com. To change it call +1 973-555-0101 or visit https://smiles.test/manage.
					number added    | You're booked: Teeth Whitening with Dr Lee on Tuesday 2025-08-12 at 3:00 PM. The price is $120.00, 10% off today. A confirmation goes to ana@example.com. To change it call +1 973-555-0101 or visit https://smiles.test/manage.
					email dropped   | You're booked: Teeth Whitening with Dr Lee on Tuesday 2025-08-12 at 3:00 PM. The price is $120.00. We've emailed you a confirmation. To change it call +1 973-555-0101 or visit https://smiles.test/manage.
					phone changed   | You're booked: Teeth Whitening with Dr Lee on Tuesday 2025-08-12 at 3:00 PM. The price is $120.00. A confirmation goes to ana@example.com. To change it call +1 973-555-0110 or visit https://smiles.test/manage.
					url dropped     | You're booked: Teeth Whitening with Dr Lee on Tuesday 2025-08-12 at 3:00 PM. The price is $120.00. A confirmation goes to ana@example.com. To change it call +1 973-555-0101 or use our website.
					date changed    | You're booked: Teeth Whitening with Dr Lee on Tuesday 2025-08-13 at 3:00 PM. The price is $120.00. A confirmation goes to ana@example.com. To change it call +1 973-555-0101 or visit https://smiles.test/manage.
					number changed  | You're booked: Teeth Whitening with Dr Lee on Tuesday 2025-08-12 at 3:00 PM. The price is $150. A confirmation goes to ana@example.com. To change it call +1 973-555-0101 or visit https://smiles.test/manage.
					name dropped    | You're booked: Teeth Whitening with the dentist on Tuesday 2025-08-12 at 3:00 PM. The price is $120.00. A confirmation goes to ana@example.com. To change it call +1 973-555-0101 or visit https://smiles.test/manage.
					name added      | You're booked: Teeth Whitening with Dr Lee and Nurse Kim on Tuesday 2025-08-12 at 3:00 PM. The price is $120.00. A confirmation goes to ana@example.com. To change it call +1 973-555-0101 or visit https://smiles.test/manage.
					too short       | All booked!
					""")
	void sendsTheDraftWhenTheRewriteChangesAFact(String reason, String rewrite) {
		this.server.reply(json(rewrite));

		ReplyPhrasing.Phrased phrased = phrasing().rephrase(DRAFT, CONTEXT);

		assertThat(phrased).isEqualTo(ReplyPhrasing.Phrased.draft(DRAFT, reason));
		assertThat(phrased.rewritten()).isFalse();
	}

	@Test
	void sendsTheDraftWhenTheRewriteRunsOn() {
		String draft = "Which day suits you?";
		this.server.reply(json("Which day suits you? " + "We are always so happy to help you. ".repeat(5)));

		assertThat(phrasing().rephrase(draft, CONTEXT)).isEqualTo(ReplyPhrasing.Phrased.draft(draft, "too long"));
	}

	@Test
	void sendsTheDraftWhenTheModelFails() {
		this.server.fail(500).reply("not json").reply("{\"text\":\"wrong field\"}");
		String draft = "Which day suits you?";

		assertThat(phrasing().rephrase(draft, CONTEXT).fallback()).isEqualTo("http 500");
		assertThat(phrasing().rephrase(draft, CONTEXT).fallback()).isEqualTo("invalid json");
		assertThat(phrasing().rephrase(draft, CONTEXT)).isEqualTo(ReplyPhrasing.Phrased.draft(draft, "empty reply"));
	}

	@Test
	void sendsTheDraftWhenTheModelIsSlow() {
		this.server.holdReply(json("Which day works for you?"));
		ModelReplyPhrasing phrasing = new ModelReplyPhrasing(chatModel(Duration.ofMillis(300)));

		ReplyPhrasing.Phrased phrased = phrasing.rephrase("Which day suits you?", CONTEXT);

		// the draft went out while the model's reply was still held: it did not wait
		assertThat(phrased).isEqualTo(ReplyPhrasing.Phrased.draft("Which day suits you?", "timeout"));
		assertThat(this.server.answered()).isZero();
		this.server.release();
	}

	@Test
	void leavesEmptyDraftsAlone() {
		assertThat(phrasing().rephrase("", CONTEXT)).isEqualTo(ReplyPhrasing.Phrased.draft(""));
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void offlinePhrasingSendsTheDraft() {
		ReplyPhrasing offline = new OfflineReplyPhrasing();

		assertThat(offline.rephrase(DRAFT, CONTEXT)).isEqualTo(new ReplyPhrasing.Phrased(DRAFT, "offline", null));
		assertThat(offline.phrase(DRAFT, CONTEXT)).isEqualTo(DRAFT);
	}

	private ModelReplyPhrasing phrasing() {
		return new ModelReplyPhrasing(chatModel(Duration.ofSeconds(5)));
	}

	private ChatModel chatModel(Duration timeout) {
		return OpenAiChatModel.builder()
			.baseUrl(this.server.baseUrl())
			.apiKey("test-key")
			.modelName("fake-model")
			.timeout(timeout)
			.maxRetries(0)
			.build();
	}

	private static String json(String reply) {
		return "{\"reply\":\"" + reply.replace("\"", "\\\"") + "\"}";
	}

}
