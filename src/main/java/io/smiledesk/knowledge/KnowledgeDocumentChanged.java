package io.smiledesk.knowledge;

import java.util.UUID;

/**
 * A knowledge-base document was created, changed or deleted; the search index reads it
 * again once the change has committed.
 */
public record KnowledgeDocumentChanged(UUID documentId) {
}
