package io.smiledesk.assistant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationLanguageTests {

	@Test
	void aRecognisedLanguageIsTakenFromTheMessage() {
		assertThat(ConversationLanguage.of(null, "es", "Hola, quiero una cita")).isEqualTo("es");
		assertThat(ConversationLanguage.of("en", "fr", "Bonjour, je voudrais un rendez-vous")).isEqualTo("fr");
	}

	@Test
	void aShortAnswerKeepsTheConversationsLanguage() {
		assertThat(ConversationLanguage.of("es", "en", "2")).isEqualTo("es");
		assertThat(ConversationLanguage.of("fr", "en", "jeudi après-midi, si possible")).isEqualTo("fr");
	}

	@Test
	void aNameOrTwoWordsInAnotherLanguageDoNotLeaveTheConversationsLanguage() {
		assertThat(ConversationLanguage.of("en", "pt", "Rafael Costa")).isEqualTo("en");
		assertThat(ConversationLanguage.of("en", "es", "Rafael Costa Ortiz")).isEqualTo("en");
		assertThat(ConversationLanguage.of("en", "de", "danke sehr")).isEqualTo("en");
		assertThat(ConversationLanguage.of("en", "de", "Ich möchte einen Termin bitte")).isEqualTo("de");
		assertThat(ConversationLanguage.of(null, "pt", "Rafael Costa")).as("a first message has no language kept")
			.isEqualTo("pt");
	}

	@Test
	void englishWordsBringTheConversationBackToEnglish() {
		assertThat(ConversationLanguage.of("es", "en", "sorry, can you write in English please?")).isEqualTo("en");
		assertThat(ConversationLanguage.of(null, "en", "ok")).isEqualTo("en");
	}

}
