package io.smiledesk.knowledge;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AskedAttributesTests {

	private static final Chunk WHITENING = passage("Teeth whitening",
			"An in-chair whitening session with a shade check before and after. It takes about an hour.");

	private static final Chunk FINANCING = passage("Financing",
			"We offer financing through CareCredit, with interest-free periods of 6 to 12 months.");

	private static final Chunk LANGUAGES = passage("Languages", "Dr. Maria Lopez speaks English and Spanish.");

	private static final Chunk INTERPRETERS = passage("Languages",
			"For other languages we can book a telephone interpreter at no cost to you.");

	@Test
	void aDetailThePassageStatesNothingOfIsUnstated() {
		assertThat(AskedAttributes.unstated("what's the youngest age you'll do whitening on", WHITENING)).isTrue();
		assertThat(
				AskedAttributes.unstated("what interest rate does carecredit charge after the free period", FINANCING))
			.isTrue();
		assertThat(AskedAttributes.unstated("does dr lopez speak portuguese as well", LANGUAGES)).isTrue();
		assertThat(AskedAttributes.unstated("do you charge to send my records to a new dentist", WHITENING)).isTrue();
	}

	@Test
	void aDetailThePassageStatesOrAQuestionAskingNoneIsLeftToTheModel() {
		assertThat(AskedAttributes.unstated("how long does a whitening take", WHITENING)).isFalse();
		assertThat(AskedAttributes.unstated("does dr lopez speak spanish", LANGUAGES)).isFalse();
		assertThat(AskedAttributes.unstated("how long is the interest-free period", FINANCING)).isFalse();
		assertThat(AskedAttributes.unstated("my mom only speaks vietnamese, can you help", LANGUAGES)).isFalse();
		assertThat(AskedAttributes.unstated("does anyone speak vietnamese", INTERPRETERS)).isFalse();
	}

	private static Chunk passage(String title, String text) {
		return new Chunk(title, UUID.randomUUID(), title, List.of(), text, null);
	}

}
