package io.smiledesk.console;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.smiledesk.conversation.ConversationStatus;
import io.smiledesk.conversation.Conversations;
import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffEvents;
import io.smiledesk.staff.StaffMember;
import io.smiledesk.staff.StaffRole;
import io.smiledesk.test.ConsoleStaff;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.smiledesk.test.Json.body;
import static io.smiledesk.test.Json.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class HandoffsConsoleIntegrationTests {

	static final String EMERGENCY = "my face is swollen and I have a fever and can't swallow";

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	TestData data;

	@Autowired
	Conversations conversations;

	@Autowired
	HandoffStream handoffStream;

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void theQueueListsAnUrgentHandoffFirstWithABadge() throws Exception {
		String normal = chat("I want to speak to a human");
		clock.advance(Duration.ofMinutes(5));
		String urgent = chat(EMERGENCY);

		String page = body(mvc.perform(get("/console/handoffs").with(staff(StaffRole.NURSE)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("badge urgent"))));

		String waiting = page.substring(page.indexOf("id=\"handoffs-waiting\""));
		assertThat(waiting.indexOf(urgent)).isPositive().isLessThan(waiting.indexOf(normal));
		assertThat(page).contains("The patient asked to talk to a person").contains("(5 min)");
	}

	@Test
	void aClaimedHandoffIsNotShownOverdueButAnUnclaimedOneIs() throws Exception {
		StaffMember anna = accounts.create("Anna Claims", "anna-" + UUID.randomUUID() + "@test.example",
				StaffRole.FRONT_DESK, ConsoleStaff.PASSWORD);
		String claimed = chat("I want to speak to a human");
		String waiting = chat("I want to speak to a human");
		clock.advance(Duration.ofMinutes(5));
		mvc.perform(post("/console/handoffs/{id}/claim", claimed).with(ConsoleStaff.as(anna, clock)).with(csrf()))
			.andExpect(flash().attribute("notice", "handoffs.done.claimed"));

		// 25 minutes of opening time: past the quarter of an hour
		clock.advance(Duration.ofMinutes(20));
		String page = body(
				mvc.perform(get("/console/handoffs").with(staff(StaffRole.NURSE))).andExpect(status().isOk()));

		assertThat(row(page, claimed)).contains("Anna Claims").doesNotContain("handoffs-overdue");
		assertThat(row(page, waiting)).contains("handoffs-overdue");
	}

	@Test
	void htmxGetsTheQueueFragmentOnly() throws Exception {
		chat(EMERGENCY);

		mvc.perform(get("/console/handoffs").header("HX-Request", "true").with(staff(StaffRole.FRONT_DESK)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"handoff-queue\"")))
			.andExpect(content().string(not(containsString("<html"))));
	}

	@Test
	void staffTakeOverReplyHandBackAndCloseThroughTheConsole() throws Exception {
		String session = chat(EMERGENCY);
		UUID id = UUID.fromString(session);
		RequestPostProcessor frontDesk = staff(StaffRole.FRONT_DESK);

		mvc.perform(get("/console/handoffs/{id}", id).with(frontDesk))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(EMERGENCY.replace("'", "&#39;"))));
		assertThat(data.jdbc()
			.queryForList("select action from audit_pending union all select action from audit_entry", String.class))
			.contains("conversation.viewed");

		mvc.perform(post("/console/handoffs/{id}/take-over", id).with(frontDesk).with(csrf()))
			.andExpect(redirectedUrl("/console/handoffs/" + id))
			.andExpect(flash().attribute("notice", "handoffs.done.taken-over"));
		assertThat(conversations.status(id)).isEqualTo(ConversationStatus.HUMAN_ACTIVE);

		mvc.perform(post("/console/handoffs/{id}/reply", id).param("text", "  Please call us now on 555-0100.  ")
			.with(frontDesk)
			.with(csrf())).andExpect(redirectedUrl("/console/handoffs/" + id));
		mvc.perform(get("/api/v1/chat/sessions/{id}/messages", session))
			.andExpect(jsonPath("$.messages[-1].sender").value("staff"))
			.andExpect(jsonPath("$.messages[-1].text").value("Please call us now on 555-0100."));
		assertThat(data.jdbc()
			.queryForObject("select count(*) from conversation_message where conversation_id = ? and sender = 'STAFF'",
					Integer.class, id))
			.isEqualTo(1);

		mvc.perform(post("/console/handoffs/{id}/hand-back", id).with(frontDesk).with(csrf()))
			.andExpect(flash().attribute("notice", "handoffs.done.handed-back"));
		assertThat(conversations.status(id)).isEqualTo(ConversationStatus.ACTIVE);

		mvc.perform(post("/console/handoffs/{id}/close", id).with(frontDesk).with(csrf()))
			.andExpect(flash().attribute("notice", "handoffs.done.closed"));
		assertThat(conversations.status(id)).isEqualTo(ConversationStatus.CLOSED);
	}

	@Test
	void anIllegalTransitionIsAMessageOnThePageNotAnError() throws Exception {
		UUID id = UUID.fromString(chat(EMERGENCY));
		RequestPostProcessor frontDesk = staff(StaffRole.FRONT_DESK);

		MvcResult refused = mvc
			.perform(post("/console/handoffs/{id}/reply", id).param("text", "Hello").with(frontDesk).with(csrf()))
			.andExpect(redirectedUrl("/console/handoffs/" + id))
			.andExpect(flash().attribute("problem", "handoffs.problem.conversation-not-taken-over"))
			.andReturn();
		mvc.perform(get("/console/handoffs/{id}", id).flashAttrs(refused.getFlashMap()).with(frontDesk))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Take the conversation over before replying")));

		mvc.perform(post("/console/handoffs/{id}/close", id).with(frontDesk).with(csrf()));
		mvc.perform(post("/console/handoffs/{id}/take-over", id).with(frontDesk).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("problem", "handoffs.problem.conversation-closed"));
		assertThat(conversations.status(id)).isEqualTo(ConversationStatus.CLOSED);
	}

	@Test
	void anInvalidReplyComesBackWithTheErrorNextToTheFieldAndTheTextKept() throws Exception {
		UUID id = UUID.fromString(chat(EMERGENCY));
		RequestPostProcessor frontDesk = staff(StaffRole.FRONT_DESK);
		mvc.perform(post("/console/handoffs/{id}/take-over", id).with(frontDesk).with(csrf()));
		String tooLong = "Call us please. " + "x".repeat(2000);

		mvc.perform(post("/console/handoffs/{id}/reply", id).param("text", tooLong).with(frontDesk).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"text-error\"")))
			.andExpect(content().string(containsString(tooLong)));
		mvc.perform(post("/console/handoffs/{id}/reply", id).param("text", "   ").with(frontDesk).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"text-error\"")));
		assertThat(data.jdbc()
			.queryForObject("select count(*) from conversation_message where sender = 'STAFF'", Integer.class))
			.isZero();
	}

	@Test
	void anUnknownConversationIsAConsoleNotFoundPage() throws Exception {
		RequestPostProcessor nurse = staff(StaffRole.NURSE);
		mvc.perform(get("/console/handoffs/{id}", UUID.randomUUID()).with(nurse)).andExpect(status().isNotFound());
		mvc.perform(get("/console/handoffs/{id}/transcript", UUID.randomUUID()).with(nurse))
			.andExpect(status().isNotFound());
		mvc.perform(post("/console/handoffs/{id}/take-over", UUID.randomUUID()).with(nurse).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void theEventStreamSaysWhenAHandoffArrives() throws Exception {
		MvcResult stream = mvc.perform(get("/console/handoffs/events").with(staff(StaffRole.DENTIST)))
			.andExpect(request().asyncStarted())
			.andReturn();
		assertThat(stream.getResponse().getContentAsString()).contains("event:ready");

		String session = chat(EMERGENCY);

		String expected = "\"conversation_id\":\"" + session + "\"";
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		// pushed after the commit, one event per change: the new message, then the
		// handoff
		while (!stream.getResponse().getContentAsString().contains("\"change\":\"handoff\"")
				&& System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(stream.getResponse().getContentAsString()).contains("event:conversation")
			.contains(expected)
			.contains("\"change\":\"handoff\"")
			.doesNotContain("swollen");
		stream.getRequest().getAsyncContext().complete();
	}

	@Test
	void anAccountsStreamsEndWhenItIsDeactivatedOrItsPasswordChanges() throws Exception {
		StaffMember leaving = accounts.create("Leaving Dentist", "leaving-" + UUID.randomUUID() + "@test.example",
				StaffRole.DENTIST, ConsoleStaff.PASSWORD);
		StaffMember staying = accounts.create("Staying Dentist", "staying-" + UUID.randomUUID() + "@test.example",
				StaffRole.DENTIST, ConsoleStaff.PASSWORD);
		int before = handoffStream.connections();
		mvc.perform(get("/console/handoffs/events").with(ConsoleStaff.as(leaving, clock)))
			.andExpect(request().asyncStarted());
		MvcResult stays = mvc.perform(get("/console/handoffs/events").with(ConsoleStaff.as(staying, clock)))
			.andExpect(request().asyncStarted())
			.andReturn();
		assertThat(handoffStream.connections()).isEqualTo(before + 2);

		accounts.update(leaving.id(), leaving.name(), leaving.role(), false);

		assertThat(handoffStream.connections()).isEqualTo(before + 1);
		handoffStream.on(new StaffEvents.PasswordChanged(staying.id()));
		assertThat(handoffStream.connections()).isEqualTo(before);
		assertThat(stays.getResponse().getContentAsString()).contains("event:ready");
	}

	@Test
	void theEventStreamNeedsASignedInSession() throws Exception {
		mvc.perform(get("/console/handoffs/events")).andExpect(status().is3xxRedirection());
	}

	/** The waiting table's row of a conversation. */
	private static String row(String page, String conversation) {
		String waiting = page.substring(page.indexOf("id=\"handoffs-waiting\""));
		int link = waiting.indexOf("/console/handoffs/" + conversation);
		assertThat(link).as("row of " + conversation).isPositive();
		return waiting.substring(waiting.lastIndexOf("<tr", link), waiting.indexOf("</tr>", link));
	}

	private String chat(String text) throws Exception {
		return field(body(mvc
			.perform(post("/api/v1/chat/messages").contentType(MediaType.APPLICATION_JSON)
				.content("{\"message\":\"" + text.replace("\"", "\\\"") + "\"}"))
			.andExpect(status().isOk())), "session_id");
	}

	private RequestPostProcessor staff(StaffRole role) {
		return ConsoleStaff.signedIn(accounts, (Clock) clock, role);
	}

}
