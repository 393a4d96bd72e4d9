package io.smiledesk.understanding;

import java.time.Duration;

import io.smiledesk.understanding.StructuredOutput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AssistantModelPropertiesTests {

	@Test
	void neverShowsTheApiKey() {
		AssistantModelProperties properties = new AssistantModelProperties("https://api.openai.com/v1", "gpt-4o-mini",
				"sk-secret-123", Duration.ofSeconds(8), 1, StructuredOutput.JSON_SCHEMA);

		assertThat(properties.toString()).doesNotContain("sk-secret-123")
			.contains("apiKey=******", "gpt-4o-mini", "https://api.openai.com/v1");
	}

	@Test
	void isEnabledOnlyByABaseUrl() {
		assertThat(new AssistantModelProperties(null, null, null, Duration.ofSeconds(8), 1, null).enabled()).isFalse();
		assertThat(new AssistantModelProperties(" ", null, null, Duration.ofSeconds(8), 1, null).enabled()).isFalse();
		assertThat(new AssistantModelProperties("http://localhost:11434/v1", "llama3.1", null, Duration.ofSeconds(8), 1,
				null)
			.enabled()).isTrue();
	}

	@Test
	void refusesNonsense() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AssistantModelProperties(null, null, null, Duration.ZERO, 1, null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AssistantModelProperties(null, null, null, Duration.ofSeconds(1), -1, null));
	}

}
