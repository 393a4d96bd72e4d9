package io.smiledesk.assistant.phrasing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import io.smiledesk.understanding.MessageContext;
import io.smiledesk.understanding.ModelFailures;
import io.smiledesk.understanding.StructuredOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the chat model to reword the draft warmly and briefly, then holds the rewrite to
 * the draft's facts ({@link ReplyFacts}). Any doubt, error or timeout sends the draft.
 * The model sees only the draft: no patient text, no catalog.
 */
public final class ModelReplyPhrasing implements ReplyPhrasing {

	static final int MAX_LENGTH = 1500;

	private static final Logger log = LoggerFactory.getLogger(ModelReplyPhrasing.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SYSTEM_PROMPT = resource("/prompts/phrasing-system.txt");

	private final ChatModel model;

	private final ResponseFormat responseFormat;

	public ModelReplyPhrasing(ChatModel model) {
		this(model, StructuredOutput.JSON_SCHEMA);
	}

	public ModelReplyPhrasing(ChatModel model, StructuredOutput output) {
		this.model = Objects.requireNonNull(model);
		JsonSchema schema = JsonSchema.builder()
			.name("reply")
			.rootElement(JsonObjectSchema.builder()
				.addStringProperty("reply")
				.required("reply")
				.additionalProperties(false)
				.build())
			.build();
		this.responseFormat = (output == StructuredOutput.JSON_OBJECT) ? ResponseFormat.JSON
				: ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(schema).build();
	}

	@Override
	public Phrased rephrase(String draft, MessageContext context) {
		if (draft == null || draft.isBlank()) {
			return Phrased.draft(draft);
		}
		if (draft.length() > MAX_LENGTH) {
			return Phrased.draft(draft, "draft too long");
		}
		String reply;
		try {
			reply = this.model.chat(request(draft)).aiMessage().text();
		}
		catch (RuntimeException ex) {
			String reason = ModelFailures.reason(ex);
			log.warn("Reply phrasing unavailable ({}); the draft is sent", reason);
			return Phrased.draft(draft, reason);
		}
		String rewrite;
		try {
			rewrite = rewrite(reply);
		}
		catch (JacksonException ex) {
			return Phrased.draft(draft, "invalid json");
		}
		if (rewrite == null || rewrite.isBlank()) {
			return Phrased.draft(draft, "empty reply");
		}
		return ReplyFacts.violation(draft, rewrite.strip()).map(reason -> {
			log.info("Reply rewrite rejected ({}); the draft is sent", reason);
			return Phrased.draft(draft, reason);
		}).orElseGet(() -> Phrased.rewrite(rewrite.strip()));
	}

	private ChatRequest request(String draft) {
		return ChatRequest.builder()
			.messages(SystemMessage.from(SYSTEM_PROMPT),
					UserMessage.from(JSON.writeValueAsString(JSON.createObjectNode().put("draft", draft))))
			.responseFormat(this.responseFormat)
			.build();
	}

	private static String rewrite(String reply) {
		if (reply == null) {
			return null;
		}
		String trimmed = reply.strip();
		if (trimmed.startsWith("```")) {
			trimmed = trimmed.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
		}
		JsonNode root = JSON.readTree(trimmed);
		JsonNode text = (root != null) ? root.get("reply") : null;
		return (text != null && text.isString()) ? text.asString() : null;
	}

	private static String resource(String path) {
		try (InputStream in = ModelReplyPhrasing.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException(path + " is missing");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
