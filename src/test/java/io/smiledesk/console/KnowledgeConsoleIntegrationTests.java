package io.smiledesk.console;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.smiledesk.knowledge.KnowledgeDocumentView;
import io.smiledesk.knowledge.KnowledgeDocuments;
import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffMember;
import io.smiledesk.staff.StaffRole;
import io.smiledesk.test.ConsoleStaff;
import io.smiledesk.test.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.smiledesk.test.Json.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class KnowledgeConsoleIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Clock clock;

	@Autowired
	KnowledgeDocuments documents;

	/** Documents a test made, removed again: other tests ask the demo knowledge base. */
	final List<UUID> created = new ArrayList<>();

	@AfterEach
	void removeWhatWasCreated() {
		created.forEach(documents::delete);
	}

	@Test
	void everyoneSeesTheListButOnlyTheFrontOfficeMayWrite() throws Exception {
		mvc.perform(get("/console/knowledge").with(staff(StaffRole.NURSE)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Location and parking")))
			.andExpect(content().string(not(containsString("href=\"/console/knowledge/new\""))));
		mvc.perform(post("/console/knowledge").param("title", "Nurse notes")
			.param("body", "Text")
			.with(staff(StaffRole.NURSE))
			.with(csrf())).andExpect(status().isForbidden());
		assertThat(documents.list()).noneMatch(document -> document.title().equals("Nurse notes"));
	}

	@Test
	void invalidInputShowsErrorsNextToTheFieldsAndKeepsWhatWasTyped() throws Exception {
		RequestPostProcessor frontDesk = staff(StaffRole.FRONT_DESK);
		long before = documents.count();

		mvc.perform(post("/console/knowledge").param("title", " ")
			.param("body", "Our **zebra crossing** rules")
			.param("tags", "zebra")
			.with(frontDesk)
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"title-error\"")))
			.andExpect(content().string(containsString("Our **zebra crossing** rules")));
		mvc.perform(post("/console/knowledge").param("title", "Zebra crossing")
			.param("body", "Our zebra crossing rules")
			.param("tags", "ok, Not A Tag!")
			.with(frontDesk)
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"tags-error\"")))
			.andExpect(content().string(containsString("value=\"Zebra crossing\"")))
			.andExpect(content().string(containsString("ok, Not A Tag!")));

		assertThat(documents.count()).isEqualTo(before);
	}

	@Test
	void theFrontDeskCreatesAndEditsADocumentAndAStaleEditIsRefused() throws Exception {
		StaffMember editor = accounts.create("Kim Editor", "kim-" + UUID.randomUUID() + "@test.example",
				StaffRole.FRONT_DESK, ConsoleStaff.PASSWORD);
		RequestPostProcessor kim = ConsoleStaff.as(editor, clock);

		String location = mvc
			.perform(post("/console/knowledge").param("title", "Bicycle racks")
				.param("body", "# Bicycles\n\nRacks for six bicycles stand by the rear entrance.")
				.param("tags", "bicycles, directions")
				.with(kim)
				.with(csrf()))
			.andExpect(redirectedUrlPattern("/console/knowledge/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		created.add(id);
		KnowledgeDocumentView saved = documents.find(id).orElseThrow();
		assertThat(saved.tags()).containsExactly("bicycles", "directions");
		assertThat(saved.updatedBy()).isEqualTo(editor.id().toString());
		mvc.perform(get("/console/knowledge").with(kim)).andExpect(content().string(containsString("Kim Editor")));

		mvc.perform(post("/console/knowledge/{id}", id).param("title", "Bicycle racks")
			.param("body", "")
			.param("version", String.valueOf(saved.version()))
			.with(kim)
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"body-error\"")))
			.andExpect(content().string(containsString("value=\"Bicycle racks\"")));

		mvc.perform(post("/console/knowledge/{id}", id).param("title", "Bicycle parking")
			.param("body", "# Bicycles\n\nRacks for ten bicycles stand by the rear entrance.")
			.param("tags", "bicycles")
			.param("version", String.valueOf(saved.version()))
			.with(kim)
			.with(csrf())).andExpect(redirectedUrl("/console/knowledge/" + id));
		assertThat(documents.find(id).orElseThrow().body()).contains("ten bicycles");

		mvc.perform(post("/console/knowledge/{id}", id).param("title", "Bicycle parking")
			.param("body", "An edit made from an old copy")
			.param("version", String.valueOf(saved.version()))
			.with(kim)
			.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Someone else changed this document")))
			.andExpect(content().string(containsString("An edit made from an old copy")));
		assertThat(documents.find(id).orElseThrow().body()).contains("ten bicycles");
	}

	@Test
	void thePreviewRendersMarkdownAndEscapesScript() throws Exception {
		String html = body(mvc.perform(post("/console/knowledge/preview")
			.param("body",
					"# Parking\n\n**Free** parking.\n\n<script>alert('x')</script>\n\n"
							+ "<img src=x onerror=alert(1)> [click](javascript:alert(1))")
			.with(staff(StaffRole.FRONT_DESK))
			.with(csrf())).andExpect(status().isOk()));

		assertThat(html).contains("<h1>Parking</h1>")
			.contains("<strong>Free</strong>")
			.contains("&lt;script&gt;")
			.doesNotContain("<script")
			.doesNotContain("<img")
			.doesNotContain("javascript:");
	}

	@Test
	void onlyManagersDeleteADocumentAfterConfirming() throws Exception {
		UUID id = documents
			.create(new KnowledgeDocuments.Draft("Umbrella stand", "Leave umbrellas by the door.", List.of()), "test")
			.id();
		created.add(id);

		mvc.perform(get("/console/knowledge/{id}/delete", id).with(staff(StaffRole.FRONT_DESK)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/console/knowledge/{id}/delete", id).with(staff(StaffRole.FRONT_DESK)).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(documents.find(id)).isPresent();

		RequestPostProcessor manager = staff(StaffRole.OFFICE_MANAGER);
		mvc.perform(get("/console/knowledge/{id}/delete", id).with(manager))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Delete \u201cUmbrella stand\u201d?")));
		mvc.perform(post("/console/knowledge/{id}/delete", id).with(manager).with(csrf()))
			.andExpect(redirectedUrl("/console/knowledge"));
		assertThat(documents.find(id)).isEmpty();
	}

	@Test
	void tryingAQuestionShowsTheAssistantsAnswerWithItsSourceAndTheChunks() throws Exception {
		RequestPostProcessor nurse = staff(StaffRole.NURSE);

		mvc.perform(
				post("/console/knowledge/try").param("question", "Where can I park my car?").with(nurse).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"knowledge-answer-text\"")))
			.andExpect(content().string(containsString("Source: Location and parking")))
			.andExpect(content().string(containsString("lot behind the building")))
			.andExpect(content().string(containsString("knowledge-chunks")));

		mvc.perform(post("/console/knowledge/try").param("question", "  ").with(nurse).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Type a question")));
	}

	private RequestPostProcessor staff(StaffRole role) {
		return ConsoleStaff.signedIn(accounts, clock, role);
	}

}
