package io.smiledesk.knowledge;

import io.smiledesk.test.FakeOpenAiServer;
import io.smiledesk.test.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a language model configured: answers are written by the model from the retrieved
 * chunks, refused when not supported by them, and taken from the text when the model
 * fails.
 */
@IntegrationTest
class KnowledgeModelIntegrationTests {

	static final FakeOpenAiServer model = FakeOpenAiServer.start();

	@DynamicPropertySource
	static void languageModel(DynamicPropertyRegistry registry) {
		registry.add("smiledesk.assistant.model.base-url", model::baseUrl);
		registry.add("smiledesk.assistant.model.model-name", () -> "fake-model");
		registry.add("smiledesk.assistant.model.max-retries", () -> "0");
		registry.add("smiledesk.assistant.model.timeout", () -> "2s");
	}

	@AfterAll
	static void stop() {
		model.close();
	}

	@Autowired
	KnowledgeAnswers answers;

	@Test
	void theModelWritesAGroundedAnswer() {
		model.reply("{\"answer\":\"We're in network with Delta Dental PPO [1].\",\"sources\":[1]}");

		assertThat(answers.answer("do you take delta dental")).hasValueSatisfying(answer -> {
			assertThat(answer.text()).isEqualTo("We're in network with Delta Dental PPO. (Source: Insurance accepted)");
			assertThat(answer.sources()).containsExactly("Insurance accepted");
		});
		assertThat(model.requests().get(model.requests().size() - 1).body()).contains("Delta Dental PPO");
	}

	@Test
	void anUnsupportedAnswerIsHandedOver() {
		model.reply("{\"answer\":\"Yes, and Delta Dental patients get free whitening every Friday.\",\"sources\":[1]}");

		assertThat(answers.answer("do you take delta dental")).isEmpty();
	}

	@Test
	void aModelFailureFallsBackToTheText() {
		model.fail(500);

		assertThat(answers.answer("do you take delta dental")).hasValueSatisfying(answer -> {
			assertThat(answer.text()).contains("Delta Dental PPO").endsWith("(Source: Insurance accepted)");
		});
	}

	@Test
	void belowTheThresholdTheModelIsNotAsked() {
		int before = model.requests().size();

		assertThat(answers.answer("whats the wifi password")).isEmpty();
		assertThat(model.requests()).hasSize(before);
	}

}
