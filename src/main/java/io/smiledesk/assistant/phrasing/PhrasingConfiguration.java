package io.smiledesk.assistant.phrasing;

import dev.langchain4j.model.chat.ChatModel;
import io.smiledesk.understanding.AssistantModelProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The model words replies when one is configured (the understanding module creates it);
 * otherwise the draft is sent as written.
 */
@Configuration(proxyBeanMethods = false)
class PhrasingConfiguration {

	@Bean
	ReplyPhrasing replyPhrasing(@Qualifier("assistantChatModel") ObjectProvider<ChatModel> model,
			ObjectProvider<AssistantModelProperties> properties) {
		ChatModel chatModel = model.getIfAvailable();
		return chatModel == null ? new OfflineReplyPhrasing()
				: new ModelReplyPhrasing(chatModel, properties.getObject().structuredOutput());
	}

}
