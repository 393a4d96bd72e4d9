package io.smiledesk.assistant.phrasing;

import dev.langchain4j.model.chat.ChatModel;
import io.smiledesk.understanding.AssistantModelProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class PhrasingConfigurationTests {

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AssistantModelProperties.class)
	static class Properties {

	}

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(PhrasingConfiguration.class, Properties.class);

	@Test
	void withoutAModelTheDraftIsSentAsWritten() {
		runner
			.run(context -> assertThat(context.getBean(ReplyPhrasing.class)).isInstanceOf(OfflineReplyPhrasing.class));
	}

	@Test
	void withTheAssistantsModelTheModelWordsReplies() {
		runner.withBean("assistantChatModel", ChatModel.class, () -> new ChatModel() {
		}).run(context -> assertThat(context.getBean(ReplyPhrasing.class)).isInstanceOf(ModelReplyPhrasing.class));
	}

}
