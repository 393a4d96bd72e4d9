package io.smiledesk.knowledge;

import java.util.UUID;

/**
 * A knowledge-base document was created, changed or deleted; the search index reads it
 * again once the change has committed, and the audit trail records who did it.
 *
 * @param version the document's version after the change (the last one for a deletion)
 */
public record KnowledgeDocumentChanged(UUID documentId, Change change, String title, long version) {

	public enum Change {

		CREATED, UPDATED, DELETED

	}

}
