package io.smiledesk.knowledge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.langchain4j.model.chat.ChatModel;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.system.SentenceEmbeddings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Answers patients' questions from the knowledge base, asked before the clinic-settings
 * answers. Offline: the best-matching sentences of the best chunk, with the source. With
 * a language model: a grounded answer from the retrieved chunks, checked sentence by
 * sentence; an unsupported answer is no answer, and a model failure falls back to the
 * offline answer. Below the retrieval threshold there is no answer (the assistant hands
 * over).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class KnowledgeAnswers implements ClinicQuestions {

	private static final Logger log = LoggerFactory.getLogger(KnowledgeAnswers.class);

	static final int RETRIEVED = 10;

	/** Words of service names too general to say a text is about that service. */
	private static final Set<String> GENERIC = Set.of("annual", "teeth", "tooth", "exam", "session", "appointment",
			"visit");

	private final KnowledgeSearch search;

	private final ClinicCatalog catalog;

	private final ExtractiveAnswers extractive;

	private final GroundedAnswers grounded;

	KnowledgeAnswers(KnowledgeSearch search, ClinicCatalog catalog, SentenceEmbeddings embeddings,
			@Qualifier("assistantChatModel") ObjectProvider<ChatModel> model) {
		this.search = search;
		this.catalog = catalog;
		this.extractive = new ExtractiveAnswers(embeddings);
		ChatModel chatModel = model.getIfAvailable();
		this.grounded = chatModel == null ? null : new GroundedAnswers(chatModel, embeddings, search.properties());
	}

	@Override
	public Optional<Answer> answer(String question) {
		KnowledgeSearch.Retrieval retrieval = search.retrieve(question, RETRIEVED);
		if (!retrieval.found()) {
			return Optional.empty();
		}
		List<KnowledgeIndex.Hit> hits = namedServiceFirst(question, retrieval.hits());
		if (grounded != null) {
			try {
				return grounded.answer(question, hits)
					.map(answer -> new Answer(answer.text() + " (Source: " + String.join("; ", answer.sources()) + ")",
							answer.sources(), serviceOf(answer.main().chunk())));
			}
			catch (RuntimeException ex) {
				log.warn("Grounded answer unavailable ({}); answering from the text", ex.getClass().getSimpleName());
			}
		}
		ExtractiveAnswers.Extract extract = extractive.answer(question, hits);
		return Optional
			.of(new Answer(extract.withSource(), List.of(extract.source()), serviceOf(extract.hit().chunk())));
	}

	/**
	 * A chunk about one service (a settings price chunk, or a section whose heading names
	 * the service) answers only a question that names a service: "how much does that
	 * cost?" in the middle of a booking names none, so such chunks give way to the best
	 * of the retrieved chunks about no one service (the price list, say).
	 */
	private List<KnowledgeIndex.Hit> namedServiceFirst(String question, List<KnowledgeIndex.Hit> hits) {
		ClinicSnapshot clinic;
		try {
			clinic = catalog.snapshot();
		}
		catch (IllegalStateException notSetUp) {
			return hits;
		}
		Set<String> asked = Terms.of(question);
		boolean namesAService = clinic.services()
			.stream()
			.filter(ServiceInfo::active)
			.anyMatch(service -> !Collections.disjoint(asked, nameTerms(service)));
		if (namesAService || hits.isEmpty() || headingService(hits.get(0).chunk(), clinic) == null) {
			return hits;
		}
		for (int i = 1; i < hits.size(); i++) {
			if (headingService(hits.get(i).chunk(), clinic) == null) {
				List<KnowledgeIndex.Hit> reordered = new ArrayList<>(hits);
				reordered.add(0, reordered.remove(i));
				return reordered;
			}
		}
		return hits;
	}

	private static Set<String> nameTerms(ServiceInfo service) {
		Set<String> name = Terms.of(service.name().toLowerCase(Locale.ROOT));
		name.removeAll(Terms.of(String.join(" ", GENERIC)));
		return name;
	}

	/** The service a settings chunk is about, or the one its headings name. */
	private static String headingService(Chunk chunk, ClinicSnapshot clinic) {
		if (chunk.documentId() == null) {
			return chunk.serviceId();
		}
		Set<String> heading = Terms.of(String.join(" ", chunk.headings()));
		for (ServiceInfo service : clinic.services()) {
			Set<String> name = nameTerms(service);
			if (service.active() && !name.isEmpty() && heading.containsAll(name)) {
				return service.id();
			}
		}
		return null;
	}

	/**
	 * The active service a chunk is about: named by the chunk (clinic settings, a
	 * {@code service:} tag) or in its headings.
	 */
	private String serviceOf(Chunk chunk) {
		ClinicSnapshot clinic;
		try {
			clinic = catalog.snapshot();
		}
		catch (IllegalStateException notSetUp) {
			return null;
		}
		if (chunk.serviceId() != null) {
			return clinic.serviceById(chunk.serviceId()).filter(ServiceInfo::active).map(ServiceInfo::id).orElse(null);
		}
		return headingService(chunk, clinic);
	}

}
