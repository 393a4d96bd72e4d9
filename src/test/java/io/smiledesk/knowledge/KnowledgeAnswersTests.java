package io.smiledesk.knowledge;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.langchain4j.model.openai.OpenAiChatModel;
import io.smiledesk.test.FakeOpenAiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Offline extractive answers and grounded model answers, over the demo knowledge base.
 */
class KnowledgeAnswersTests {

	static KnowledgeIndex index;

	static final FakeOpenAiServer server = FakeOpenAiServer.start();

	final KnowledgeProperties properties = new KnowledgeProperties(0.57, 0.25, 0.75, 0.8);

	final GroundedAnswers grounded = new GroundedAnswers(OpenAiChatModel.builder()
		.baseUrl(server.baseUrl())
		.apiKey("test")
		.modelName("fake")
		.maxRetries(0)
		.timeout(Duration.ofSeconds(2))
		.build(), KnowledgeFixtures.EMBEDDINGS, properties);

	@BeforeAll
	static void index() {
		index = KnowledgeFixtures.demoIndex();
	}

	@AfterAll
	static void close() {
		index.close();
		server.close();
	}

	@Test
	void answersWithTheBestSentencesAndTheSource() {
		String question = "can i pay in installments";

		ExtractiveAnswers.Extract answer = extract(question);

		assertThat(answer.text()).contains("three monthly payments")
			.hasSizeLessThanOrEqualTo(ExtractiveAnswers.MAX_LENGTH);
		assertThat(answer.withSource()).endsWith("(Source: Payment plans and financing)");
		assertThat(answer.text()).doesNotContain("#").doesNotContain("**");
	}

	@Test
	void pricesComeFromTheLiveCatalog() {
		String question = "how much does teeth whitening cost";

		ExtractiveAnswers.Extract answer = extract(question);

		assertThat(answer.text()).contains("$350");
	}

	@Test
	void aGroundedAnswerCitesItsSources() {
		String question = "can i pay in installments";
		List<KnowledgeIndex.Hit> hits = index.search(question, 5);
		int source = number(hits, "Payment plans and financing");
		server.reply(
				"{\"answer\":\"Yes: for treatment over $500 you can pay in three monthly payments with no interest.\",\"sources\":["
						+ source + "]}");

		Optional<GroundedAnswers.Grounded> answer = grounded.answer(question, hits);

		assertThat(answer).hasValueSatisfying(found -> {
			assertThat(found.text()).contains("three monthly payments");
			assertThat(found.sources()).containsExactly("Payment plans and financing");
		});
		String sent = server.requests().get(server.requests().size() - 1).body();
		assertThat(sent).contains("three monthly payments").contains(question);
	}

	@Test
	void anAnswerWithAnUnsupportedSentenceIsNoAnswer() {
		String question = "can i pay in installments";
		List<KnowledgeIndex.Hit> hits = index.search(question, 5);
		server.reply("{\"answer\":\"Yes, you can pay in three monthly payments. We also offer a free electric "
				+ "toothbrush to every new patient who signs up this month.\",\"sources\":[1]}");

		assertThat(grounded.answer(question, hits)).isEmpty();
	}

	@Test
	void anAnswerWithANumberNotInTheSourcesIsNoAnswer() {
		String question = "can i pay in installments";
		List<KnowledgeIndex.Hit> hits = index.search(question, 5);
		server.reply("{\"answer\":\"For treatment over $500 you can spread the cost over twelve payments of $99.\","
				+ "\"sources\":[1]}");

		assertThat(grounded.answer(question, hits)).isEmpty();
	}

	@Test
	void theModelSayingTheSourcesDoNotAnswerIsNoAnswer() {
		String question = "do you validate parking at the garage downtown";
		server.reply("{\"answer\":\"\",\"sources\":[]}");

		assertThat(grounded.answer(question, index.search(question, 5))).isEmpty();
	}

	@Test
	void aFailingModelThrowsSoTheCallerCanFallBack() {
		String question = "can i pay in installments";
		List<KnowledgeIndex.Hit> hits = index.search(question, 5);
		server.fail(500);
		assertThatThrownBy(() -> grounded.answer(question, hits)).isInstanceOf(RuntimeException.class);
		server.rawBody("not json at all");
		assertThatThrownBy(() -> grounded.answer(question, hits)).isInstanceOf(RuntimeException.class);
	}

	private static ExtractiveAnswers.Extract extract(String question) {
		KnowledgeIndex.Found found = index.find(question, 5);
		return ExtractiveAnswers.answer(ExtractiveAnswers.choose(found.hits(), found.reading(),
				AskedFacts.of(found.reading(), KnowledgeFixtures.TODAY), index.vocabulary()));
	}

	private static int number(List<KnowledgeIndex.Hit> hits, String title) {
		for (int i = 0; i < Math.min(GroundedAnswers.SOURCES, hits.size()); i++) {
			if (hits.get(i).chunk().title().equals(title)) {
				return i + 1;
			}
		}
		throw new AssertionError(title + " not among the sources");
	}

}
