package io.smiledesk.understanding;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTests {

	@Test
	void splitsLowerCaseWordsAndKeepsApostrophesOnlyInside() {
		assertThat(Texts.words("'Hello,' I DON'T know... Ana's 3pm slot''")).containsExactly("hello", "i", "don't",
				"know", "ana's", "3pm", "slot");
	}

	@Test
	void dropsWordsMadeOfApostrophes() {
		assertThat(Texts.words("'' ' ok")).containsExactly("ok");
		assertThat(Texts.words("")).isEmpty();
	}

}
