package io.smiledesk.knowledge;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.system.SentenceEmbeddings;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Searches the knowledge base and the clinic settings. The index lives in memory: it is
 * built from the database on first use, follows every document change once it commits,
 * rebuilds the clinic-settings chunks when the catalog changes, and compares itself with
 * the database every minute (changes made through another instance).
 */
@Service
public class KnowledgeSearch {

	private static final Logger log = LoggerFactory.getLogger(KnowledgeSearch.class);

	static final String CLINIC_GROUP = "clinic";

	static final String PROVIDERS_GROUP = "providers";

	private final KnowledgeDocumentRepository documents;

	private final ClinicCatalog catalog;

	private final KnowledgeProperties properties;

	private final TransactionTemplate reading;

	private final Clock clock;

	private final KnowledgeIndex index;

	private final Answering answering;

	/** Document id → indexed version. Guarded by {@code this}. */
	private final Map<UUID, Long> indexed = new HashMap<>();

	private volatile boolean loaded;

	private volatile ClinicState clinicState;

	KnowledgeSearch(KnowledgeDocumentRepository documents, ClinicCatalog catalog, SentenceEmbeddings embeddings,
			KnowledgeProperties properties, PlatformTransactionManager transactions, Clock clock) {
		this.documents = documents;
		this.catalog = catalog;
		this.properties = properties;
		this.reading = new TransactionTemplate(transactions);
		this.reading.setReadOnly(true);
		this.reading.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.index = new KnowledgeIndex(embeddings);
		this.answering = new Answering(index, Answerability.load());
	}

	/**
	 * A chunk found for a query.
	 *
	 * @param documentId null for the clinic settings
	 * @param score the fused rank score
	 * @param similarity cosine between the query and the chunk
	 * @param relevant whether it clears the retrieval threshold
	 */
	public record Result(UUID documentId, String title, List<String> headings, String text, double score,
			double similarity, boolean relevant) {
	}

	/** The best chunks for a query, best first, with scores. */
	public List<Result> search(String query, int limit) {
		return retrieve(query, limit).hits()
			.stream()
			.map(hit -> new Result(hit.chunk().documentId(), hit.chunk().title(), hit.chunk().headings(),
					hit.chunk().text(), hit.score(), hit.similarity(),
					relevance(query, hit, properties) >= properties.minRelevance()))
			.toList();
	}

	/**
	 * @param found whether the best chunk clears the threshold: below it the question is
	 * not answered from the knowledge base
	 */
	record Retrieval(List<KnowledgeIndex.Hit> hits, boolean found) {

		Optional<KnowledgeIndex.Hit> best() {
			return hits.stream().findFirst();
		}

	}

	Retrieval retrieve(String question, int limit) {
		ensureLoaded();
		refreshClinic();
		if (!Sentences.hasWords(question)) {
			// nothing to search for (and the embedding model refuses text without words)
			return new Retrieval(List.of(), false);
		}
		List<KnowledgeIndex.Hit> hits = index.search(question.strip(), limit);
		return new Retrieval(hits, found(question, hits, properties));
	}

	/**
	 * A question through the search, the decision whether the knowledge base answers it,
	 * and the offline answer.
	 */
	Answering.Outcome answer(String question) {
		ensureLoaded();
		refreshClinic();
		ClinicState clinic = clinicState;
		LocalDate today = clinic == null ? LocalDate.now(clock) : clinic.today();
		return answering.answer(question, clinic == null ? null : clinic.snapshot(), today);
	}

	/**
	 * The retrieval threshold: the best chunk's relevance (its cosine with the question,
	 * plus a bonus for the share of the question's topic words it contains) must reach
	 * the minimum.
	 */
	static boolean found(String question, List<KnowledgeIndex.Hit> hits, KnowledgeProperties properties) {
		return !hits.isEmpty() && relevance(question, hits.get(0), properties) >= properties.minRelevance();
	}

	static double relevance(String question, KnowledgeIndex.Hit hit, KnowledgeProperties properties) {
		return hit.similarity() + properties.lexicalWeight() * coverage(question, hit);
	}

	static double coverage(String question, KnowledgeIndex.Hit hit) {
		Set<String> asked = Terms.ofQuestion(question);
		if (asked.isEmpty()) {
			return 0;
		}
		return Terms.coverage(asked, Terms.of(hit.chunk().heading() + " " + Sentences.plain(hit.chunk().text())));
	}

	/** The active service a chunk is about, by the current catalog. */
	String serviceOf(Chunk chunk) {
		ClinicState clinic = clinicState;
		return Answering.serviceOf(chunk, clinic == null ? null : clinic.snapshot());
	}

	KnowledgeProperties properties() {
		return properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		ensureLoaded();
		refreshClinic();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(KnowledgeDocumentChanged changed) {
		synchronized (this) {
			if (loaded) {
				reindex(changed.documentId());
			}
		}
	}

	/** Picks up changes made through other instances. */
	@Scheduled(fixedDelayString = "${smiledesk.knowledge.reconcile-interval:PT1M}",
			initialDelayString = "${smiledesk.knowledge.reconcile-interval:PT1M}")
	void reconcile() {
		synchronized (this) {
			if (!loaded) {
				return;
			}
			List<KnowledgeDocumentRepository.Stamp> stamps = reading.execute(status -> documents.stamps());
			Set<UUID> present = new HashSet<>();
			for (KnowledgeDocumentRepository.Stamp stamp : stamps) {
				present.add(stamp.id());
				Long version = indexed.get(stamp.id());
				if (version == null || version != stamp.version()) {
					reindex(stamp.id());
				}
			}
			for (UUID id : Set.copyOf(indexed.keySet())) {
				if (!present.contains(id)) {
					reindex(id);
				}
			}
		}
	}

	private void ensureLoaded() {
		if (!loaded) {
			load();
		}
	}

	private synchronized void load() {
		if (loaded) {
			return;
		}
		long start = System.nanoTime();
		List<KnowledgeDocumentView> all = reading
			.execute(status -> documents.findAll().stream().map(KnowledgeDocument::view).toList());
		for (KnowledgeDocumentView document : all) {
			index(document);
		}
		loaded = true;
		log.info("Knowledge base indexed: {} documents, {} chunks in {} ms", all.size(), index.size(),
				(System.nanoTime() - start) / 1_000_000);
	}

	/** Reads the document again (it may have changed again, or gone) and indexes it. */
	private void reindex(UUID id) {
		Optional<KnowledgeDocumentView> document = reading
			.execute(status -> documents.findById(id).map(KnowledgeDocument::view));
		if (document.isPresent()) {
			index(document.get());
		}
		else {
			index.remove(id.toString());
			indexed.remove(id);
		}
	}

	private void index(KnowledgeDocumentView document) {
		index.replace(document.id().toString(), chunks(document));
		indexed.put(document.id(), document.version());
	}

	static List<Chunk> chunks(KnowledgeDocumentView document) {
		String service = document.tags()
			.stream()
			.filter(tag -> tag.startsWith("service:"))
			.map(tag -> tag.substring("service:".length()))
			.findFirst()
			.orElse(null);
		return MarkdownChunks.split(document.id(), document.title(), document.body())
			.stream()
			.map(chunk -> service == null ? chunk : chunk.withService(service))
			.toList();
	}

	/** Rebuilds the clinic-settings chunks when the catalog (or the date) changed. */
	private void refreshClinic() {
		ClinicSnapshot snapshot;
		try {
			snapshot = catalog.snapshot();
		}
		catch (IllegalStateException notSetUp) {
			return;
		}
		LocalDate today = LocalDate.now(clock.withZone(snapshot.zone()));
		ClinicState current = clinicState;
		if (current != null && current.today().equals(today)
				&& (current.snapshot() == snapshot || current.snapshot().equals(snapshot))) {
			return;
		}
		synchronized (this) {
			current = clinicState;
			if (current != null && current.today().equals(today) && current.snapshot().equals(snapshot)) {
				return;
			}
			index.replace(CLINIC_GROUP, ClinicChunks.of(snapshot, today));
			if (current == null || !current.snapshot().providers().equals(snapshot.providers())
					|| !current.snapshot().services().equals(snapshot.services())) {
				index.replace(PROVIDERS_GROUP, ProviderChunks.of(snapshot));
			}
			clinicState = new ClinicState(snapshot, today);
		}
	}

	private record ClinicState(ClinicSnapshot snapshot, LocalDate today) {
	}

	@PreDestroy
	void close() {
		index.close();
	}

}
