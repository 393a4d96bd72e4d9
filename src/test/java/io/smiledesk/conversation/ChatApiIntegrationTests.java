package io.smiledesk.conversation;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.smiledesk.test.Json.body;
import static io.smiledesk.test.Json.field;
import static io.smiledesk.test.Json.problemJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ChatApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	io.smiledesk.test.MutableClock clock;

	private final UUID staffId = UUID.randomUUID();

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void aFirstMessageStartsASessionAndTheHistoryHasBothSides() throws Exception {
		String reply = body(send(null, "Hello there").andExpect(status().isOk())
			.andExpect(jsonPath("$.session_id").isNotEmpty())
			.andExpect(jsonPath("$.reply").isNotEmpty())
			.andExpect(jsonPath("$.status").value("ACTIVE")));
		String session = field(reply, "session_id");

		mvc.perform(get("/api/v1/chat/sessions/{id}/messages", session))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.messages[0].sender").value("patient"))
			.andExpect(jsonPath("$.messages[0].direction").value("IN"))
			.andExpect(jsonPath("$.messages[0].text").value("Hello there"))
			.andExpect(jsonPath("$.messages[1].sender").value("bot"))
			.andExpect(jsonPath("$.messages[1].metadata").doesNotExist());
	}

	@Test
	void aBookingReplyLinksToTheAppointmentsCalendarFileOnThisServer() throws Exception {
		String session = field(
				body(send(null, "Book me a cleaning on Wednesday at 2pm please. Tom Becker, tom.becker@example.com")
					.andExpect(jsonPath("$.state.stage").value("confirm"))),
				"session_id");

		String booked = body(send(session, "yes").andExpect(jsonPath("$.appointment.action").value("booked")));

		String link = field(booked, "calendar_url");
		assertThat(link).startsWith(
				"http://localhost/api/v1/appointments/" + field(booked, "appointment_id") + "/calendar.ics?token=");
		mvc.perform(get(link.substring("http://localhost".length())))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("SUMMARY:Annual Cleaning")));
	}

	@Test
	void theNextCleaningIsBookedSixMonthsAheadPastThePatientsHorizon() throws Exception {
		clock.set(java.time.Instant.parse("2025-08-04T14:00:00Z"));
		String offered = body(send(null, "Can you book my next cleaning in 6 months? Ana Silva, ana.silva@example.com")
			.andExpect(jsonPath("$.state.stage").value("slot")));
		String first = com.jayway.jsonpath.JsonPath.read(offered, "$.options[0].value");
		assertThat(first).startsWith("2026-02-0");
		String session = field(offered, "session_id");
		send(session, "1").andExpect(jsonPath("$.state.stage").value("confirm"));
		send(session, "yes").andExpect(jsonPath("$.appointment.action").value("booked"));
	}

	@Test
	void messagesAreEncryptedAtRest() throws Exception {
		send(null, "my email is secret.person@example.com").andExpect(status().isOk());
		assertThat(data.jdbc().queryForList("select text from conversation_message", String.class))
			.allSatisfy(text -> assertThat(text).startsWith("enc:v1:").doesNotContain("secret.person"));
		assertThat(data.jdbc().queryForObject("select state from conversation", String.class)).startsWith("enc:v1:");
	}

	@Test
	void aLongMessageIsReadFromItsBeginningAndThePatientIsTold() throws Exception {
		String story = "I'd like to book a cleaning next Tuesday, my name is Ana Silva, ana@example.com. "
				+ "Some background about my teeth. ".repeat(250);

		send(null, story).andExpect(status().isOk())
			.andExpect(jsonPath("$.reply").value(org.hamcrest.Matchers.containsString("first 2,000 characters")))
			.andExpect(jsonPath("$.state.task").value("book"))
			.andExpect(jsonPath("$.state.service.id").value("annual_cleaning"));
		assertThat(story.length()).isBetween(2_001, 10_000);
	}

	@Test
	void badInputIsAProblemAndWritesNothing() throws Exception {
		mvc.perform(post("/api/v1/chat/messages").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(problemJson());
		mvc.perform(post("/api/v1/chat/messages").contentType(MediaType.APPLICATION_JSON)
			.content("{\"message\":\"" + "a".repeat(10_001) + "\"}"))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("10000")));
		mvc.perform(post("/api/v1/chat/messages").contentType(MediaType.APPLICATION_JSON)
			.content("{\"session_id\":\"not-a-uuid\",\"message\":\"hi\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("session_id"));
		mvc.perform(post("/api/v1/chat/messages").contentType(MediaType.APPLICATION_JSON)
			.content("{\"session_id\":\"" + UUID.randomUUID() + "\",\"message\":\"hi\"}"))
			.andExpect(status().isNotFound())
			.andExpect(problemJson());
		mvc.perform(get("/api/v1/chat/sessions/{id}/messages", UUID.randomUUID())).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/chat/sessions/{id}/messages", "nope")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/chat/sessions/{id}/messages", UUID.randomUUID()).param("size", "1000"))
			.andExpect(status().isBadRequest());
		assertThat(data.count("conversation")).isZero();
		assertThat(data.count("conversation_message")).isZero();
	}

	@Test
	void anEmergencyGoesToTheQueueAsUrgentAndStaffCanTakeItFromThere() throws Exception {
		String session = field(body(send(null, "I have facial swelling and a fever since last night")
			.andExpect(jsonPath("$.status").value("HANDOFF_REQUIRED"))
			.andExpect(jsonPath("$.intent").value("emergency"))), "session_id");

		mvc.perform(get("/api/v1/admin/conversations").with(staff()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(session))
			.andExpect(jsonPath("$[0].urgency").value("URGENT"))
			.andExpect(jsonPath("$[0].handoff_reason").isNotEmpty())
			.andExpect(jsonPath("$[0].handoff_summary").isNotEmpty());

		mvc.perform(post("/api/v1/admin/conversations/{id}/messages", session).with(staff())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"Hello\"}")).andExpect(status().isConflict()).andExpect(problemJson());

		mvc.perform(post("/api/v1/admin/conversations/{id}/take-over", session).with(staff()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("HUMAN_ACTIVE"))
			.andExpect(jsonPath("$.assigned_to").value(staffId.toString()));

		send(session, "are you there?").andExpect(jsonPath("$.reply").doesNotExist())
			.andExpect(jsonPath("$.status").value("HUMAN_ACTIVE"));

		mvc.perform(post("/api/v1/admin/conversations/{id}/messages", session).with(staff())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"Hi, this is Jo from the front desk. Please call us now.\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.sender").value("STAFF"));

		mvc.perform(get("/api/v1/chat/sessions/{id}/messages", session))
			.andExpect(jsonPath("$.total").value(4))
			.andExpect(jsonPath("$.messages[3].sender").value("staff"))
			.andExpect(jsonPath("$.messages[3].text").value("Hi, this is Jo from the front desk. Please call us now."));

		mvc.perform(post("/api/v1/admin/conversations/{id}/hand-back", session).with(staff()))
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.urgency").doesNotExist());
		send(session, "thanks").andExpect(jsonPath("$.reply").isNotEmpty());

		mvc.perform(post("/api/v1/admin/conversations/{id}/close", session).with(staff()))
			.andExpect(jsonPath("$.status").value("CLOSED"));
		mvc.perform(post("/api/v1/admin/conversations/{id}/take-over", session).with(staff()))
			.andExpect(status().isConflict());

		assertThat(data.jdbc()
			.queryForList("select action from audit_pending union all select action from audit_entry", String.class))
			.contains("conversation.handoff-requested", "conversation.taken-over", "conversation.staff-replied",
					"conversation.handed-back", "conversation.closed");
	}

	@Test
	void staffEndpointsNeedAStaffLogin() throws Exception {
		mvc.perform(get("/api/v1/admin/conversations")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/admin/conversations").with(jwt().jwt(token -> token.subject(staffId.toString()))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/admin/conversations/{id}", UUID.randomUUID()).with(staff()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/admin/conversations").param("status", "nonsense").with(staff()))
			.andExpect(status().isBadRequest());
	}

	private RequestPostProcessor staff() {
		return jwt().jwt(token -> token.subject(staffId.toString()))
			.authorities(new SimpleGrantedAuthority("ROLE_FRONT_DESK"));
	}

	private org.springframework.test.web.servlet.ResultActions send(String session, String message) throws Exception {
		return mvc.perform(post("/api/v1/chat/messages").contentType(MediaType.APPLICATION_JSON)
			.content(session == null ? "{\"message\":\"" + message + "\"}"
					: "{\"session_id\":\"" + session + "\",\"message\":\"" + message + "\"}"));
	}

}
