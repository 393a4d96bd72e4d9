package io.smiledesk.conversation;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationTests {

	private static final Instant NOW = Instant.parse("2025-08-04T12:00:00Z");

	private final Conversation conversation = new Conversation(ConversationChannel.WEB, "{}", NOW);

	@Test
	void aClosedConversationCannotBeTakenOverNorHandedBack() {
		conversation.close(NOW);

		assertThat(conversation.takeOver(UUID.randomUUID(), NOW)).isFalse();
		assertThat(conversation.handBack(NOW)).isFalse();
		assertThat(conversation.status()).isEqualTo(ConversationStatus.CLOSED);
	}

	@Test
	void anUrgentHandoffIsNotDowngradedByALaterOrdinaryOne() {
		conversation.requestHandoff(Urgency.URGENT, "emergency: swelling", "summary", NOW);
		conversation.requestHandoff(Urgency.NORMAL, "stuck: contact", "later summary", NOW);

		assertThat(conversation.urgency()).isEqualTo(Urgency.URGENT);
		assertThat(conversation.handoffReason()).startsWith("emergency");
		assertThat(conversation.handoffSummary()).isEqualTo("later summary");
	}

	@Test
	void takingOverThenHandingBackSettlesTheHandoff() {
		UUID staff = UUID.randomUUID();
		conversation.requestHandoff(Urgency.NORMAL, "stuck: contact", "summary", NOW);

		assertThat(conversation.takeOver(staff, NOW)).isTrue();
		assertThat(conversation.status()).isEqualTo(ConversationStatus.HUMAN_ACTIVE);
		assertThat(conversation.assignedTo()).isEqualTo(staff);
		assertThat(conversation.handBack(NOW)).isTrue();

		assertThat(conversation.status()).isEqualTo(ConversationStatus.ACTIVE);
		assertThat(conversation.handoffReason()).isNull();
		assertThat(conversation.assignedTo()).isNull();
	}

}
