package io.smiledesk.knowledge;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface KnowledgeDocumentRepository extends JpaRepository<KnowledgeDocument, UUID> {

	@Query("select new io.smiledesk.knowledge.KnowledgeDocumentRepository$Stamp(d.id, d.version) from KnowledgeDocument d")
	List<Stamp> stamps();

	record Stamp(UUID id, long version) {
	}

}
