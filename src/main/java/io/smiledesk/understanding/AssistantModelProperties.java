package io.smiledesk.understanding;

import java.time.Duration;

import io.smiledesk.understanding.StructuredOutput;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The optional language model behind the assistant: any OpenAI-compatible chat endpoint
 * (OpenAI, Groq, Ollama, vLLM). Off unless {@code base-url} is set; the assistant works
 * fully without it.
 *
 * @param baseUrl e.g. {@code https://api.openai.com/v1} or
 * {@code http://localhost:11434/v1}; empty turns the model off
 * @param modelName required with a base URL
 * @param apiKey sent as a bearer token; never logged nor shown ({@link #toString()})
 * @param timeout per attempt
 * @param maxRetries further attempts after a timeout, 429 or 5xx
 * @param structuredOutput {@code json-schema}, or {@code json-object} for servers that
 * refuse schemas
 */
@ConfigurationProperties("smiledesk.assistant.model")
public record AssistantModelProperties(String baseUrl, String modelName, String apiKey,
		@DefaultValue("8s") Duration timeout, @DefaultValue("1") int maxRetries,
		@DefaultValue("json-schema") StructuredOutput structuredOutput) {

	public AssistantModelProperties {
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("smiledesk.assistant.model.timeout must be positive");
		}
		if (maxRetries < 0) {
			throw new IllegalArgumentException("smiledesk.assistant.model.max-retries must not be negative");
		}
		if (structuredOutput == null) {
			structuredOutput = StructuredOutput.JSON_SCHEMA;
		}
		if (hasText(baseUrl) && !hasText(modelName)) {
			throw new IllegalArgumentException(
					"smiledesk.assistant.model.model-name is required when smiledesk.assistant.model.base-url is set");
		}
	}

	boolean enabled() {
		return hasText(this.baseUrl);
	}

	@Override
	public String toString() {
		return "AssistantModelProperties[baseUrl=" + this.baseUrl + ", modelName=" + this.modelName + ", apiKey="
				+ (hasText(this.apiKey) ? "******" : "none") + ", timeout=" + this.timeout + ", maxRetries="
				+ this.maxRetries + ", structuredOutput=" + this.structuredOutput + "]";
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
