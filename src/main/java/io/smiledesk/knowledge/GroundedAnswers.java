package io.smiledesk.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import io.smiledesk.system.SentenceEmbeddings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers with a language model from the retrieved chunks only, then checks the answer:
 * every sentence must be supported by a retrieved chunk (close in meaning to one of its
 * sentences, or made of its words) and every number in it must appear in them. An answer
 * that fails the check is no answer: the question goes to staff.
 */
final class GroundedAnswers {

	static final int SOURCES = 4;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SYSTEM_PROMPT = resource("/prompts/knowledge-answer.txt");

	private static final Pattern CITATION = Pattern.compile("\\s*\\[\\d+(,\\s*\\d+)*\\]");

	private static final Pattern NUMBER = Pattern.compile("\\d+");

	private final ChatModel model;

	private final SentenceEmbeddings embeddings;

	private final KnowledgeProperties properties;

	GroundedAnswers(ChatModel model, SentenceEmbeddings embeddings, KnowledgeProperties properties) {
		this.model = model;
		this.embeddings = embeddings;
		this.properties = properties;
	}

	/**
	 * The answer and its sources' titles; empty when the model found no answer in the
	 * sources or said something they do not support.
	 * @throws RuntimeException when the model fails or answers something unreadable
	 */
	Optional<Grounded> answer(String question, List<KnowledgeIndex.Hit> hits) {
		List<KnowledgeIndex.Hit> sources = hits.subList(0, Math.min(SOURCES, hits.size()));
		String reply = model.chat(request(question, sources)).aiMessage().text();
		JsonNode root = JSON.readTree(unfenced(reply));
		JsonNode answerNode = root == null ? null : root.get("answer");
		if (answerNode == null || !(answerNode.isString() || answerNode.isNull())) {
			throw new IllegalStateException("The model's reply has no answer field");
		}
		String answer = answerNode.isNull() ? "" : CITATION.matcher(answerNode.asString()).replaceAll("").strip();
		if (answer.isEmpty()) {
			return Optional.empty();
		}
		List<KnowledgeIndex.Hit> cited = cited(root.get("sources"), sources);
		if (!supported(answer, sources)) {
			return Optional.empty();
		}
		Set<String> titles = new LinkedHashSet<>();
		cited.forEach(hit -> titles.add(hit.chunk().title()));
		return Optional.of(new Grounded(answer, List.copyOf(titles), cited.get(0)));
	}

	record Grounded(String text, List<String> sources, KnowledgeIndex.Hit main) {
	}

	/** Whether every sentence of the answer is backed by the retrieved chunks. */
	boolean supported(String answer, List<KnowledgeIndex.Hit> sources) {
		List<String> evidence = new ArrayList<>();
		StringBuilder all = new StringBuilder();
		for (KnowledgeIndex.Hit hit : sources) {
			evidence.addAll(Sentences.split(hit.chunk().text()));
			all.append(hit.chunk().heading()).append(' ').append(Sentences.plain(hit.chunk().text())).append(' ');
		}
		String allText = all.toString();
		Set<String> numbers = numbers(allText);
		Set<String> allTerms = Terms.of(allText);
		List<String> claims = Sentences.split(answer);
		List<float[]> claimVectors = embeddings.embedAll(claims);
		List<float[]> evidenceVectors = embeddings.embedAll(evidence);
		for (int i = 0; i < claims.size(); i++) {
			String claim = claims.get(i);
			if (!numbers.containsAll(numbers(claim))) {
				return false;
			}
			double overlap = Terms.coverage(Terms.of(claim), allTerms);
			double similarity = 0;
			for (float[] vector : evidenceVectors) {
				similarity = Math.max(similarity, KnowledgeIndex.dot(claimVectors.get(i), vector));
			}
			if (overlap < properties.supportOverlap() && similarity < properties.supportSimilarity()) {
				return false;
			}
		}
		return true;
	}

	private static Set<String> numbers(String text) {
		Set<String> numbers = new java.util.HashSet<>();
		Matcher number = NUMBER.matcher(text);
		while (number.find()) {
			numbers.add(number.group().replaceFirst("^0+(?=\\d)", ""));
		}
		return numbers;
	}

	private static List<KnowledgeIndex.Hit> cited(JsonNode numbers, List<KnowledgeIndex.Hit> sources) {
		List<KnowledgeIndex.Hit> cited = new ArrayList<>();
		if (numbers != null && numbers.isArray()) {
			for (JsonNode number : numbers) {
				int n = number.asInt(0);
				if (n >= 1 && n <= sources.size() && !cited.contains(sources.get(n - 1))) {
					cited.add(sources.get(n - 1));
				}
			}
		}
		if (cited.isEmpty()) {
			cited.add(sources.get(0));
		}
		return cited;
	}

	private ChatRequest request(String question, List<KnowledgeIndex.Hit> sources) {
		ObjectNode input = JSON.createObjectNode();
		input.put("question", question);
		ArrayNode numbered = input.putArray("sources");
		for (int i = 0; i < sources.size(); i++) {
			KnowledgeIndex.Hit hit = sources.get(i);
			numbered.addObject()
				.put("number", i + 1)
				.put("title", hit.chunk().heading())
				.put("text", Sentences.plain(hit.chunk().text()));
		}
		return ChatRequest.builder()
			.messages(SystemMessage.from(SYSTEM_PROMPT), UserMessage.from(JSON.writeValueAsString(input)))
			.responseFormat(ResponseFormat.JSON)
			.build();
	}

	private static String unfenced(String reply) {
		if (reply == null) {
			throw new IllegalStateException("The model sent no text");
		}
		String trimmed = reply.strip();
		if (trimmed.startsWith("```")) {
			trimmed = trimmed.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
		}
		return trimmed;
	}

	private static String resource(String path) {
		try (InputStream in = GroundedAnswers.class.getResourceAsStream(path)) {
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
