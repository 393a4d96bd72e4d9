package io.smiledesk.assistant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class WaitlistWordsTests {

	@ParameterizedTest
	@ValueSource(strings = { "put me on the waitlist", "Can you add me to the wait list for a cleaning?",
			"pls put me on ur cancellation list", "I'd like to be on the waiting list", "waitlist me",
			"text me if something opens up earlier", "let me know if there's a cancellation",
			"Apúntenme en la lista de espera", "ponme en la lista de espera por favor",
			"Inscrivez-moi sur la liste d'attente", "get me on the standby list" })
	void asksToJoin(String text) {
		assertThat(WaitlistWords.join(text)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "do you have a waitlist?", "how does the waiting list work", "cancel my cleaning",
			"let me know the price", "I can't make it, can you cancel", "is there a cancellation fee?" })
	void doesNotAskToJoin(String text) {
		assertThat(WaitlistWords.join(text)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "anything sooner?", "Nothing earlier?", "is there something sooner", "sooner than that?",
			"any earlier appointments", "can you fit me in sooner", "¿algo antes?", "rien de plus tôt ?" })
	void asksForSooner(String text) {
		assertThat(WaitlistWords.sooner(text)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "anything earlier in the day?", "no earlier than 10 please", "an hour earlier",
			"earlier that day", "the 2nd one", "sooner is better for the kids" })
	void doesNotAskForSooner(String text) {
		assertThat(WaitlistWords.sooner(text)).isFalse();
	}

}
