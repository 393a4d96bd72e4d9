package io.smiledesk.knowledge;

import java.util.List;
import java.util.Optional;

import dev.langchain4j.model.chat.ChatModel;
import io.smiledesk.system.SentenceEmbeddings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Answers patients' questions from the knowledge base, the clinic settings and the
 * providers' profiles. The search finds the chunks, {@link Answerability} decides whether
 * they answer the question, and then, offline, the sentences that answer it are quoted
 * with the source. With a language model: a grounded answer from the retrieved chunks,
 * checked sentence by sentence; an unsupported answer is no answer, and a model failure
 * falls back to the offline answer. When the knowledge base does not answer there is no
 * answer (the assistant hands over), with the reason.
 */
@Component
class KnowledgeAnswers implements ClinicQuestions {

	private static final Logger log = LoggerFactory.getLogger(KnowledgeAnswers.class);

	private final KnowledgeSearch search;

	private final GroundedAnswers grounded;

	KnowledgeAnswers(KnowledgeSearch search, SentenceEmbeddings embeddings,
			@Qualifier("assistantChatModel") ObjectProvider<ChatModel> model) {
		this.search = search;
		ChatModel chatModel = model.getIfAvailable();
		this.grounded = chatModel == null ? null : new GroundedAnswers(chatModel, embeddings, search.properties());
	}

	@Override
	public Optional<Answer> answer(String question) {
		return ask(question) instanceof Answered answered ? Optional.of(answered.answer()) : Optional.empty();
	}

	@Override
	public Result ask(String question) {
		Answering.Outcome outcome = search.answer(question);
		if (!outcome.answered()) {
			return new NotAnswered(outcome.reason());
		}
		if (grounded != null) {
			try {
				Optional<GroundedAnswers.Grounded> answer = grounded.answer(question, outcome.hits());
				if (answer.isEmpty()) {
					return new NotAnswered(Unanswered.NOT_PUBLISHED);
				}
				GroundedAnswers.Grounded found = answer.get();
				return new Answered(new Answer(found.text() + " (Source: " + String.join("; ", found.sources()) + ")",
						found.sources(), search.serviceOf(found.main().chunk())));
			}
			catch (RuntimeException ex) {
				log.warn("Grounded answer unavailable ({}); answering from the text", ex.getClass().getSimpleName());
			}
		}
		ExtractiveAnswers.Extract extract = outcome.answer();
		return new Answered(new Answer(extract.withSource(), List.of(extract.source()), outcome.serviceId()));
	}

}
