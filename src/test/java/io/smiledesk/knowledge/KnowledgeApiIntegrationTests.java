package io.smiledesk.knowledge;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.clinic.ClinicAdministration;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ProviderInfo;
import io.smiledesk.knowledge.ClinicQuestions;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The knowledge base through its APIs: the demo documents are loaded, staff changes are
 * searchable at once, invalid input is a 400 problem, and the assistant answers from it
 * with the source.
 */
@IntegrationTest
class KnowledgeApiIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String DOCUMENTS = "/api/v1/admin/knowledge/documents";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	KnowledgeAnswers answers;

	@Autowired
	ClinicCatalog catalog;

	@Autowired
	ClinicAdministration administration;

	@Autowired
	List<ClinicQuestions> questions;

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void theDemoKnowledgeBaseIsLoadedAndAskedFirst() throws Exception {
		JsonNode list = JSON.readTree(mvc.perform(get(DOCUMENTS).with(staff("NURSE")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(list.size()).isGreaterThanOrEqualTo(13);
		assertThat(questions.get(0)).isInstanceOf(KnowledgeAnswers.class);
	}

	@Test
	void answersWithTheSourceAndOffersTheServiceItIsAbout() {
		Optional<ClinicQuestions.Answer> payment = answers.answer("can i pay in installments");
		assertThat(payment).hasValueSatisfying(answer -> {
			assertThat(answer.text()).contains("monthly payments").endsWith("(Source: Payment plans and financing)");
			assertThat(answer.sources()).containsExactly("Payment plans and financing");
			assertThat(answer.suggestedServiceId()).isNull();
		});

		Optional<ClinicQuestions.Answer> whitening = answers.answer("how much does teeth whitening cost?");
		assertThat(whitening).hasValueSatisfying(answer -> {
			assertThat(answer.text()).contains("$350");
			assertThat(answer.suggestedServiceId()).isEqualTo("teeth_whitening");
		});

		assertThat(answers.answer("do you sell electric toothbrushes")).isEmpty();
	}

	@Test
	void aQuestionAboutSomethingTheClinicDoesNotListIsNotAnsweredWithThePriceList() {
		assertThat(answers.answer("how much is a root canal on a back molar")).isEmpty();
		assertThat(answers.ask("how much is a root canal on a back molar"))
			.isEqualTo(new ClinicQuestions.NotAnswered(ClinicQuestions.Unanswered.NOT_LISTED));
		assertThat(questions).hasSize(1);
	}

	@Test
	void aProvidersProfileIsSearchableAndFollowsTheirChanges() {
		assertThat(answers.answer("does dr patel speak gujarati")).hasValueSatisfying(
				answer -> assertThat(answer.text()).contains("Gujarati").endsWith("(Source: Providers)"));

		ProviderInfo patel = catalog.snapshot().provider("dr-aisha-patel").orElseThrow();
		try {
			administration.updateProvider(patel.id(),
					new ClinicAdministration.ProviderDraft(patel.id(), patel.name(), patel.role(), patel.title(),
							patel.bio(), List.of("English", "Tamil"), true, patel.hours(), patel.breaks()));

			assertThat(answers.answer("which dentist speaks tamil"))
				.hasValueSatisfying(answer -> assertThat(answer.text()).contains("Dr. Aisha Patel").contains("Tamil"));
		}
		finally {
			// the clinic is shared by the tests of this context
			administration.updateProvider(patel.id(),
					new ClinicAdministration.ProviderDraft(patel.id(), patel.name(), patel.role(), patel.title(),
							patel.bio(), patel.languages(), patel.active(), patel.hours(), patel.breaks()));
		}
	}

	@Test
	void aDocumentIsSearchableAsSoonAsItIsSavedAndGoneWhenDeleted() throws Exception {
		assertThat(topTitle("do you have a playroom for kids")).isNotEqualTo("Kids corner");

		String created = mvc
			.perform(post(DOCUMENTS).with(staff("FRONT_DESK"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(document("Kids corner",
						"# Kids corner\\n\\nOur waiting room has a playroom for kids with toys and books.", "kids")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.version").value(0))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JSON.readTree(created).path("id").asString();
		assertThat(topTitle("do you have a playroom for kids")).isEqualTo("Kids corner");

		mvc.perform(put(DOCUMENTS + "/" + id).with(staff("FRONT_DESK"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(document("Kids corner",
					"# Kids corner\\n\\nChildren can watch cartoons on the aquarium screen while they wait.", "kids")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1));
		JsonNode after = search("aquarium screen cartoons", 5);
		assertThat(after.at("/results/0/title").asString()).isEqualTo("Kids corner");
		assertThat(after.at("/results/0/document_id").asString()).isEqualTo(id);
		assertThat(search("playroom with toys", 20).path("results").toString()).doesNotContain("playroom");

		mvc.perform(delete(DOCUMENTS + "/" + id).with(staff("OFFICE_MANAGER"))).andExpect(status().isNoContent());
		assertThat(search("aquarium screen cartoons", 20).path("results").toString()).doesNotContain("aquarium");
		mvc.perform(get(DOCUMENTS + "/" + id).with(staff("NURSE"))).andExpect(status().isNotFound());
	}

	@Test
	void aStaleVersionIsAConflict() throws Exception {
		String created = mvc
			.perform(post(DOCUMENTS).with(staff("FRONT_DESK"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(document("Versioned", "Text.", "test")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JSON.readTree(created).path("id").asString();
		mvc.perform(put(DOCUMENTS + "/" + id).with(staff("FRONT_DESK"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"Versioned\",\"body\":\"New text.\",\"version\":7}"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(delete(DOCUMENTS + "/" + id).with(staff("ADMIN"))).andExpect(status().isNoContent());
	}

	@Test
	void invalidDocumentsAreProblems() throws Exception {
		invalid(document("", "Body.", "tag"), "title");
		invalid(document("x".repeat(201), "Body.", "tag"), "title");
		invalid(document("Title", "", "tag"), "body");
		invalid("{\"title\":\"Title\",\"body\":\"" + "é".repeat(KnowledgeDocuments.MAX_BODY_BYTES / 2 + 1) + "\"}",
				"body");
		invalid(document("Title", "Body.", "Not A Tag!"), "tags");
		invalid("{\"title\":\"Title\",\"body\":\"Body.\",\"tags\":[" + "\"t\",".repeat(21) + "\"t\"]}", "tags");
		mvc.perform(put(DOCUMENTS + "/" + UUID.randomUUID()).with(staff("FRONT_DESK"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(document("Title", "Body.", "tag")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void aDocumentOfNearly100KbIsAccepted() throws Exception {
		String body = "Line of text about the clinic. ".repeat(3200);
		String created = mvc
			.perform(post(DOCUMENTS).with(staff("FRONT_DESK"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(document("Large", body, "large")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		mvc.perform(delete(DOCUMENTS + "/" + JSON.readTree(created).path("id").asString()).with(staff("ADMIN")))
			.andExpect(status().isNoContent());
	}

	@Test
	void searchRefusesBadRequests() throws Exception {
		searchStatus("{\"query\":\"   \"}", 400);
		searchStatus("{\"query\":\"" + "a".repeat(KnowledgeRestController.MAX_QUERY + 1) + "\"}", 400);
		searchStatus("{\"query\":\"parking\",\"limit\":0}", 400);
		searchStatus("{\"query\":\"parking\",\"limit\":21}", 400);
		searchStatus("{\"limit\":3}", 400);
		searchStatus("{\"query\":\"parking\",\"limit\":\"many\"}", 400);
	}

	@Test
	void searchRanksChunksWithScores() throws Exception {
		JsonNode result = search("is there parking", 3);
		assertThat(result.path("found").asBoolean()).isTrue();
		assertThat(result.path("results").size()).isEqualTo(3);
		assertThat(result.at("/results/0/title").asString()).isEqualTo("Location and parking");
		assertThat(result.at("/results/0/document_id").asString()).isNotBlank();
		assertThat(result.at("/results/0/headings/1").asString()).isEqualTo("Parking");
		assertThat(result.at("/results/0/score").asDouble()).isGreaterThan(result.at("/results/2/score").asDouble());
		assertThat(search("whats the wifi password", 3).path("found").asBoolean()).isFalse();
	}

	private void invalid(String body, String field) throws Exception {
		mvc.perform(post(DOCUMENTS).with(staff("FRONT_DESK")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value(field));
	}

	private void searchStatus(String body, int status) throws Exception {
		ResultActions result = mvc
			.perform(post("/api/v1/knowledge/search").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().is(status));
		if (status >= 400) {
			result.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
	}

	private JsonNode search(String query, int limit) throws Exception {
		return JSON.readTree(mvc
			.perform(post("/api/v1/knowledge/search").contentType(MediaType.APPLICATION_JSON)
				.content("{\"query\":\"" + query + "\",\"limit\":" + limit + "}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private String topTitle(String query) throws Exception {
		return search(query, 1).at("/results/0/title").asString();
	}

	private static String document(String title, String body, String tag) {
		return "{\"title\":\"" + title + "\",\"body\":\"" + body + "\",\"tags\":[\"" + tag + "\"]}";
	}

	private static RequestPostProcessor staff(String role) {
		return jwt().jwt(token -> token.subject(UUID.randomUUID().toString()))
			.authorities(new SimpleGrantedAuthority("ROLE_" + role));
	}

}
