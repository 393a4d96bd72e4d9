package io.smiledesk.knowledge;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.smiledesk.system.Access;
import io.smiledesk.system.ApiProblem;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff maintain the knowledge base: everyone reads, the front office writes, managers
 * delete. Changes are searchable as soon as they are saved.
 */
@PreAuthorize(Access.ANY_STAFF)
@RestController
@RequestMapping(path = "/api/v1/admin/knowledge/documents", produces = MediaType.APPLICATION_JSON_VALUE)
class KnowledgeAdminRestController {

	private final KnowledgeDocuments documents;

	KnowledgeAdminRestController(KnowledgeDocuments documents) {
		this.documents = documents;
	}

	@GetMapping
	List<Summary> list() {
		return documents.list()
			.stream()
			.map(document -> new Summary(document.id(), document.title(), document.tags(), document.updatedBy(),
					document.updatedAt().toString(), document.version()))
			.toList();
	}

	@GetMapping("/{id}")
	KnowledgeDocumentView get(@PathVariable UUID id) {
		return documents.find(id).orElseThrow(() -> notFound(id));
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	KnowledgeDocumentView create(@Valid @RequestBody DocumentJson document, @AuthenticationPrincipal Jwt staff) {
		return documents.create(document.draft(), author(staff));
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	KnowledgeDocumentView update(@PathVariable UUID id, @Valid @RequestBody DocumentJson document,
			@AuthenticationPrincipal Jwt staff) {
		return documents.update(id, document.draft(), document.version(), author(staff))
			.orElseThrow(() -> notFound(id));
	}

	@PreAuthorize(Access.MANAGERS)
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable UUID id) {
		if (!documents.delete(id)) {
			throw notFound(id);
		}
	}

	private static ApiProblem notFound(UUID id) {
		return ApiProblem.notFound("knowledge-document", "No knowledge-base document " + id + ".");
	}

	private static String author(Jwt staff) {
		return staff == null ? "staff" : staff.getSubject();
	}

	/**
	 * @param body Markdown, at most 100 KB (checked in bytes by the service)
	 * @param version the version read, to refuse overwriting someone else's change;
	 * optional
	 */
	record DocumentJson(@NotBlank @Size(max = KnowledgeDocuments.MAX_TITLE) String title,
			@NotBlank @Size(max = KnowledgeDocuments.MAX_BODY_BYTES) String body,
			@Size(max = KnowledgeDocuments.MAX_TAGS) List<@NotBlank @Size(max = 50) String> tags, Long version) {

		KnowledgeDocuments.Draft draft() {
			return new KnowledgeDocuments.Draft(title, body, tags);
		}

	}

	record Summary(UUID id, String title, List<String> tags, String updatedBy, String updatedAt, long version) {
	}

}
