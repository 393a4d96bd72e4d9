package io.smiledesk.knowledge;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A document of the knowledge base: a title, a Markdown body and tags. */
@Entity
@Table(name = "knowledge_document")
class KnowledgeDocument {

	@Id
	private UUID id;

	private String title;

	private String body;

	/** Comma-separated, lower case. */
	private String tags;

	private String updatedBy;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected KnowledgeDocument() {
	}

	KnowledgeDocument(String title, String body, List<String> tags, String author, Instant now) {
		this.id = UUID.randomUUID();
		this.createdAt = now;
		change(title, body, tags, author, now);
	}

	void change(String title, String body, List<String> tags, String author, Instant now) {
		this.title = title;
		this.body = body;
		this.tags = String.join(",", tags);
		this.updatedBy = author;
		this.updatedAt = now;
	}

	UUID id() {
		return id;
	}

	long version() {
		return version;
	}

	KnowledgeDocumentView view() {
		return new KnowledgeDocumentView(id, title, body, tagList(), updatedBy, createdAt, updatedAt, version);
	}

	private List<String> tagList() {
		return tags == null || tags.isEmpty() ? List.of() : Arrays.asList(tags.split(","));
	}

}
