package io.smiledesk.conversation;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffMember;
import io.smiledesk.staff.StaffRole;
import io.smiledesk.test.ConsoleStaff;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A handoff left waiting is escalated once, logged with its times, and closed when taken.
 */
@IntegrationTest
class HandoffEscalationIntegrationTests {

	@Autowired
	PatientMessages patientMessages;

	@Autowired
	Conversations conversations;

	@Autowired
	HandoffWatch watch;

	@Autowired
	MutableClock clock;

	@Autowired
	TestData data;

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts accounts;

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void anUrgentHandoffWaitingTwoMinutesIsEscalatedOnceAndAnsweredWhenTaken() throws Exception {
		UUID conversation = patientMessages
			.receive(null, "my face is swollen and I have a fever and can't swallow", ConversationChannel.WEB)
			.conversationId();
		assertThat(conversations.status(conversation)).isEqualTo(ConversationStatus.HANDOFF_REQUIRED);

		clock.advance(Duration.ofSeconds(119));
		assertThat(watch.check()).isZero();
		clock.advance(Duration.ofSeconds(1));
		assertThat(watch.check()).isEqualTo(1);
		assertThat(watch.check()).isZero();

		mvc.perform(get("/api/v1/admin/conversations/escalations").with(staff()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].conversation_id").value(conversation.toString()))
			.andExpect(jsonPath("$[0].urgency").value("URGENT"))
			.andExpect(jsonPath("$[0].reason_code").isNotEmpty())
			.andExpect(jsonPath("$[0].answered_at").doesNotExist());

		clock.advance(Duration.ofMinutes(1));
		conversations.takeOver(conversation, UUID.randomUUID());
		mvc.perform(get("/api/v1/admin/conversations/escalations").with(staff()))
			.andExpect(jsonPath("$[0].answered_at").value("2025-08-04T12:03:00Z"));
	}

	@Test
	void aNormalHandoffCountsOpeningTimeOnly() {
		// Monday 08:00 EDT, the demo clinic opens at 08:00
		UUID conversation = patientMessages.receive(null, "I want to speak to a human", ConversationChannel.WEB)
			.conversationId();
		assertThat(conversations.status(conversation)).isEqualTo(ConversationStatus.HANDOFF_REQUIRED);
		clock.advance(Duration.ofMinutes(14));
		assertThat(watch.check()).isZero();
		clock.advance(Duration.ofMinutes(1));
		assertThat(watch.check()).isEqualTo(1);
	}

	@Test
	void aClaimedHandoffIsNotEscalatedButARoutedOneStillIs() {
		StaffMember anna = accounts.create("Anna Claims", "anna-" + UUID.randomUUID() + "@test.example",
				StaffRole.FRONT_DESK, ConsoleStaff.PASSWORD);
		UUID claimed = patientMessages.receive(null, "I want to speak to a human", ConversationChannel.WEB)
			.conversationId();
		UUID waiting = patientMessages.receive(null, "I want to speak to a human", ConversationChannel.WEB)
			.conversationId();
		assertThat(conversations.status(waiting)).isEqualTo(ConversationStatus.HANDOFF_REQUIRED);

		clock.advance(Duration.ofMinutes(5));
		conversations.claim(claimed, anna.id());
		clock.advance(Duration.ofMinutes(20));

		// only the unclaimed one is overdue
		assertThat(watch.check()).isEqualTo(1);
		assertThat(data.count("handoff_escalation where conversation_id = '" + waiting + "'")).isEqualTo(1);
		assertThat(data.count("handoff_escalation where conversation_id = '" + claimed + "'")).isZero();
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor staff() {
		return jwt().jwt(token -> token.subject(UUID.randomUUID().toString()))
			.authorities(new SimpleGrantedAuthority("ROLE_NURSE"));
	}

}
