package io.smiledesk.assistant;

import io.smiledesk.conversation.ChatReply;
import io.smiledesk.conversation.ConversationChannel;
import io.smiledesk.conversation.ConversationStatus;
import io.smiledesk.conversation.PatientMessages;
import io.smiledesk.insurance.CarrierList;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Do you take my insurer?" through the chat, answered from the carriers list staff keep
 * in the insurance module (the demo's: the in-network carriers its insurance page names).
 */
@IntegrationTest
class InsurerQuestionsIntegrationTests {

	@Autowired
	PatientMessages patientMessages;

	@Autowired
	CarrierList carriers;

	@Autowired
	TestData data;

	@BeforeEach
	void carriers() {
		data.reset();
		carriers.add("Delta Dental", null);
		carriers.add("Aetna", "60054");
	}

	@Test
	void aListedCarrierIsTakenAndOneNotListedGoesToStaffInEnglishAndSpanish() {
		ChatReply delta = ask("do you take Delta Dental?");
		ChatReply humana = ask("Do you accept Humana?");
		ChatReply aetna = ask("Hola, ¿ustedes aceptan el seguro dental de Aetna?");
		ChatReply sanitas = ask("Hola, ¿ustedes aceptan el seguro Sanitas?");

		assertThat(delta.reply()).startsWith("Yes, Delta Dental is on our list").contains("Insurance accepted");
		assertThat(delta.status()).isNotEqualTo(ConversationStatus.HANDOFF_REQUIRED);
		assertThat(humana.reply()).startsWith("Humana isn't on our list of insurance carriers; I've asked the team");
		assertThat(humana.status()).isEqualTo(ConversationStatus.HANDOFF_REQUIRED);
		assertThat(aetna.reply()).startsWith("Sí, Aetna está en nuestra lista de aseguradoras");
		assertThat(aetna.status()).isNotEqualTo(ConversationStatus.HANDOFF_REQUIRED);
		assertThat(sanitas.reply()).startsWith("Sanitas no está en nuestra lista de aseguradoras");
		assertThat(sanitas.status()).isEqualTo(ConversationStatus.HANDOFF_REQUIRED);
	}

	@Test
	void aCarrierAddedByStaffIsTakenFromThenOn() {
		assertThat(ask("is Guardian accepted?").status()).isEqualTo(ConversationStatus.HANDOFF_REQUIRED);

		carriers.add("Guardian", "64246");

		assertThat(ask("is Guardian accepted?").reply()).startsWith("Yes, Guardian is on our list");
	}

	private ChatReply ask(String question) {
		return ChatReply.of(patientMessages.receive(null, question, ConversationChannel.WEB));
	}

}
