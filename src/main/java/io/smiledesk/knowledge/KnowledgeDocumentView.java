package io.smiledesk.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A knowledge-base document as the rest of the application sees it. */
public record KnowledgeDocumentView(UUID id, String title, String body, List<String> tags, String updatedBy,
		Instant createdAt, Instant updatedAt, long version) {

	public KnowledgeDocumentView {
		tags = List.copyOf(tags);
	}

}
