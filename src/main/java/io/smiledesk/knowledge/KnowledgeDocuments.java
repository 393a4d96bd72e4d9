package io.smiledesk.knowledge;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.smiledesk.system.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads the knowledge base's documents. Every change publishes
 * {@link KnowledgeDocumentChanged}, so the search index follows without a restart.
 */
@Service
public class KnowledgeDocuments {

	public static final int MAX_TITLE = 200;

	/** 100 KB of Markdown, counted in UTF-8 bytes. */
	public static final int MAX_BODY_BYTES = 100 * 1024;

	public static final int MAX_TAGS = 20;

	public static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9:_-]{0,49}");

	private final KnowledgeDocumentRepository documents;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	KnowledgeDocuments(KnowledgeDocumentRepository documents, ApplicationEventPublisher events, Clock clock) {
		this.documents = documents;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @param title shown to patients as the source of an answer
	 * @param body Markdown; headings split it into the chunks that are searched
	 * @param tags free labels; {@code service:<id>} says the document is about a bookable
	 * service
	 */
	public record Draft(String title, String body, List<String> tags) {

		public Draft {
			tags = tags == null ? List.of() : List.copyOf(tags);
		}

	}

	@Transactional(readOnly = true)
	public List<KnowledgeDocumentView> list() {
		return documents.findAll()
			.stream()
			.map(KnowledgeDocument::view)
			.sorted(Comparator.comparing(KnowledgeDocumentView::title, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<KnowledgeDocumentView> find(UUID id) {
		return documents.findById(id).map(KnowledgeDocument::view);
	}

	@Transactional(readOnly = true)
	public long count() {
		return documents.count();
	}

	@Transactional
	public KnowledgeDocumentView create(Draft draft, String author) {
		Valid valid = validate(draft);
		KnowledgeDocument document = documents
			.save(new KnowledgeDocument(valid.title(), valid.body(), valid.tags(), author, clock.instant()));
		documents.flush();
		events.publishEvent(new KnowledgeDocumentChanged(document.id(), KnowledgeDocumentChanged.Change.CREATED,
				document.view().title(), document.version()));
		return document.view();
	}

	/**
	 * Changes a document; with {@code expectedVersion} set, refuses (as a concurrency
	 * failure) when someone else changed it since that version was read.
	 */
	@Transactional
	public Optional<KnowledgeDocumentView> update(UUID id, Draft draft, Long expectedVersion, String author) {
		Valid valid = validate(draft);
		Optional<KnowledgeDocument> found = documents.findById(id);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		KnowledgeDocument document = found.get();
		if (expectedVersion != null && expectedVersion != document.version()) {
			throw new ObjectOptimisticLockingFailureException(KnowledgeDocument.class, id);
		}
		document.change(valid.title(), valid.body(), valid.tags(), author, clock.instant());
		documents.flush();
		events.publishEvent(new KnowledgeDocumentChanged(id, KnowledgeDocumentChanged.Change.UPDATED, valid.title(),
				document.version()));
		return Optional.of(document.view());
	}

	@Transactional
	public boolean delete(UUID id) {
		Optional<KnowledgeDocument> found = documents.findById(id);
		if (found.isEmpty()) {
			return false;
		}
		KnowledgeDocument document = found.get();
		documents.delete(document);
		events.publishEvent(new KnowledgeDocumentChanged(id, KnowledgeDocumentChanged.Change.DELETED,
				document.view().title(), document.version()));
		return true;
	}

	private static Valid validate(Draft draft) {
		String title = draft.title() == null ? "" : draft.title().strip();
		if (title.isEmpty()) {
			throw new InvalidInputException("title", "must not be blank");
		}
		if (title.length() > MAX_TITLE) {
			throw new InvalidInputException("title", "must be at most " + MAX_TITLE + " characters");
		}
		String body = draft.body() == null ? "" : draft.body().strip();
		if (body.isEmpty()) {
			throw new InvalidInputException("body", "must not be blank");
		}
		if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
			throw new InvalidInputException("body", "must be at most " + MAX_BODY_BYTES + " bytes of UTF-8");
		}
		Set<String> tags = new LinkedHashSet<>();
		for (String tag : draft.tags()) {
			String normalized = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
			if (!TAG.matcher(normalized).matches()) {
				throw new InvalidInputException("tags",
						"each tag must be 1 to 50 of a-z, 0-9, colon, dash or underscore, starting with a letter or digit");
			}
			tags.add(normalized);
		}
		if (tags.size() > MAX_TAGS) {
			throw new InvalidInputException("tags", "must be at most " + MAX_TAGS + " tags");
		}
		return new Valid(title, body, new ArrayList<>(tags));
	}

	private record Valid(String title, String body, List<String> tags) {
	}

}
