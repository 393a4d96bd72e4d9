package io.smiledesk.understanding;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * With {@code smiledesk.assistant.model.base-url} set, an OpenAI-compatible chat model
 * ({@code assistantChatModel}, which other modules may use to word replies or answers)
 * that reads messages ({@link ModelUnderstanding}, primary over the offline reader it
 * falls back to). Without it, nothing: the offline reader is the only one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssistantModelProperties.class)
class LanguageModelConfiguration {

	static final String BASE_URL = "smiledesk.assistant.model.base-url";

	@Configuration(proxyBeanMethods = false)
	@Conditional(ModelConfigured.class)
	static class LanguageModel {

		@Bean
		ChatModel assistantChatModel(AssistantModelProperties properties) {
			return chatModel(properties);
		}

		@Bean
		@Primary
		MessageUnderstanding modelUnderstanding(@Qualifier("offlineUnderstanding") MessageUnderstanding offline,
				ChatModel assistantChatModel, AssistantModelProperties properties) {
			return new ModelUnderstanding(offline, assistantChatModel, properties.structuredOutput());
		}

	}

	/**
	 * The LangChain4j client. Without a key no Authorization header is sent (local
	 * Ollama, vLLM). Requests and responses are never logged: they carry patients'
	 * messages.
	 */
	static ChatModel chatModel(AssistantModelProperties properties) {
		boolean schema = properties.structuredOutput() == StructuredOutput.JSON_SCHEMA;
		return OpenAiChatModel.builder()
			.baseUrl(properties.baseUrl().strip())
			.apiKey((properties.apiKey() != null && !properties.apiKey().isBlank()) ? properties.apiKey().strip()
					: null)
			.modelName(properties.modelName().strip())
			.timeout(properties.timeout())
			.maxRetries(properties.maxRetries())
			.strictJsonSchema(schema)
			.logRequests(false)
			.logResponses(false)
			.build();
	}

	/** On when the base URL has text (an empty environment variable leaves it off). */
	static class ModelConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String baseUrl = context.getEnvironment().getProperty(BASE_URL);
			return baseUrl != null && !baseUrl.isBlank();
		}

	}

}
