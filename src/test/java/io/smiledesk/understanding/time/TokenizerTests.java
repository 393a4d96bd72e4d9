package io.smiledesk.understanding.time;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizerTests {

	private static List<String> texts(String message, String language) {
		return Lexicon.of(language).tokenizer().tokenize(message).stream().map(Token::text).toList();
	}

	@Test
	void cutsLettersFromDigitsUnlessTheLexiconKnowsTheWord() {
		// given SMS writing; when tokenized; then "3pm" is two tokens, "2morrow" one
		assertThat(texts("cn i come 2morrow @ 3pm", "en")).containsExactly("cn", "i", "come", "2morrow", "@", "3",
				"pm");
		assertThat(texts("15h30", "fr")).containsExactly("15", "h", "30");
	}

	@Test
	void keepsDottedAbbreviationsAndApostrophesWhole() {
		// given "a.m." and contractions; when tokenized; then one word each, "we'd" is
		// not "wed"
		assertThat(texts("10 a.m. we'd", "en")).containsExactly("10", "am", "we'd");
	}

	@Test
	void cutsFrenchElisionsAndDropsAccents() {
		// given French; when tokenized; then "l'" apart and no accents
		assertThat(texts("l'après-midi aujourd'hui", "fr")).containsExactly("l", "apres", "-", "midi", "aujourd'hui");
	}

	@Test
	void masksEmailAddressesAndKeepsOffsets() {
		// given an email; when tokenized; then one masked token at its place
		List<Token> tokens = Lexicon.of("en").tokenizer().tokenize("mail ana.2@x.com tue");
		assertThat(tokens.get(1).masked()).isTrue();
		assertThat(tokens.get(2).start()).isEqualTo(17);
	}

	@Test
	void findsOneTypoApart() {
		// given two words; when compared; then one change, drop, addition or swap apart
		assertThat(Lexicon.oneTypo("thrusday", "thursday")).isTrue();
		assertThat(Lexicon.oneTypo("tomorow", "tomorrow")).isTrue();
		assertThat(Lexicon.oneTypo("mondya", "monday")).isTrue();
		assertThat(Lexicon.oneTypo("months", "monday")).isFalse();
	}

}
