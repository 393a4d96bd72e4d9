package io.smiledesk.knowledge;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Searches the knowledge base as the assistant does. Public: it reads only what patients
 * are told anyway (the knowledge base and the public catalog), and it is rate-limited
 * like chat messages.
 */
@RestController
@RequestMapping(path = "/api/v1/knowledge", produces = MediaType.APPLICATION_JSON_VALUE)
class KnowledgeRestController {

	static final int MAX_QUERY = 500;

	private final KnowledgeSearch search;

	KnowledgeRestController(KnowledgeSearch search) {
		this.search = search;
	}

	@PostMapping(path = "/search", consumes = MediaType.APPLICATION_JSON_VALUE)
	SearchJson search(@Valid @RequestBody SearchRequest request) {
		int limit = request.limit() == null ? 5 : request.limit();
		List<ResultJson> results = search.search(request.query().strip(), limit)
			.stream()
			.map(result -> new ResultJson(result.documentId(), result.title(), result.headings(), result.text(),
					round(result.score()), round(result.similarity()), result.relevant()))
			.toList();
		return new SearchJson(request.query().strip(), !results.isEmpty() && results.get(0).relevant(), results);
	}

	private static double round(double value) {
		return Math.round(value * 10_000) / 10_000.0;
	}

	/**
	 * @param limit how many chunks, 1 to 20 (5 when left out)
	 */
	record SearchRequest(@NotBlank @Size(max = MAX_QUERY) String query, @Min(1) @Max(20) Integer limit) {
	}

	/**
	 * @param found whether the best chunk clears the retrieval threshold (the assistant
	 * answers only then)
	 */
	record SearchJson(String query, boolean found, List<ResultJson> results) {
	}

	/**
	 * @param documentId null for chunks made from the clinic settings
	 * @param score reciprocal rank fusion of the BM25 and vector rankings
	 * @param similarity cosine of the query and the chunk
	 */
	record ResultJson(UUID documentId, String title, List<String> headings, String text, double score,
			double similarity, boolean relevant) {
	}

}
