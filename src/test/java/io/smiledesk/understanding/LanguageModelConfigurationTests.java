package io.smiledesk.understanding;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import dev.langchain4j.model.chat.ChatModel;
import io.smiledesk.test.FakeOpenAiServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wiring alone, with a stand-in for the offline reader (the real one has its own
 * tests).
 */
class LanguageModelConfigurationTests {

	static final Understanding OFFLINE = new Understanding(Intent.GREETING, 0.9, Entities.NONE, "en",
			Understanding.OFFLINE, null);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(LanguageModelConfiguration.class)
		.withBean("offlineUnderstanding", MessageUnderstanding.class, () -> (text, context) -> OFFLINE);

	@Test
	void withoutABaseUrlOnlyTheOfflinePathExists() {
		this.runner.run(context -> {
			assertThat(context).hasSingleBean(MessageUnderstanding.class);
			assertThat(context).doesNotHaveBean(ChatModel.class);
		});
	}

	@Test
	void anEmptyBaseUrlLeavesTheModelOff() {
		this.runner.withPropertyValues("smiledesk.assistant.model.base-url=")
			.run(context -> assertThat(context).doesNotHaveBean(ChatModel.class)
				.hasSingleBean(MessageUnderstanding.class));
	}

	@Test
	void aBaseUrlFromTheEnvironmentPutsTheModelFirst() {
		try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
			server.reply("{\"intent\":\"BOOK\",\"confidence\":0.8,\"language\":\"en\"}");
			this.runner.withInitializer(context -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("environment",
						Map.of("SMILEDESK_ASSISTANT_MODEL_BASE_URL", server.baseUrl(),
								"SMILEDESK_ASSISTANT_MODEL_MODEL_NAME", "fake-model",
								"SMILEDESK_ASSISTANT_MODEL_API_KEY", "sk-from-env", "SMILEDESK_ASSISTANT_MODEL_TIMEOUT",
								"2s"))))
				.run(context -> {
					assertThat(context.getBean(MessageUnderstanding.class)).isInstanceOf(ModelUnderstanding.class);
					AssistantModelProperties properties = context.getBean(AssistantModelProperties.class);
					assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(2));
					assertThat(properties.maxRetries()).isEqualTo(1);
					assertThat(properties.structuredOutput()).isEqualTo(StructuredOutput.JSON_SCHEMA);

					Understanding understanding = context.getBean(MessageUnderstanding.class)
						.understand("book me in",
								new MessageContext(LocalDateTime.of(2025, 8, 4, 9, 0), null, null, List.of()));

					assertThat(understanding.engine()).isEqualTo(Understanding.MODEL);
					assertThat(understanding.intent()).isEqualTo(Intent.BOOK);
					assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer sk-from-env");
				});
		}
	}

	@Test
	void aBaseUrlWithoutAModelNameFailsAtStartup() {
		this.runner.withPropertyValues("smiledesk.assistant.model.base-url=http://localhost:11434/v1")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("model-name is required"));
	}

}
