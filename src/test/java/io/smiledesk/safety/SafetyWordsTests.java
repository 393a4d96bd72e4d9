package io.smiledesk.safety;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafetyWordsTests {

	private final Words words = new Words(Set.of("cancel"));

	@Test
	void countsATranspositionAsOneEdit() {
		assertThat(Words.distance("warfarin", "warfrain")).isEqualTo(1);
		assertThat(Words.distance("swollen", "swolen")).isEqualTo(1);
		assertThat(Words.distance("fever", "fevre")).isEqualTo(1);
	}

	@Test
	void acceptsOneTypoOnlyInLongWords() {
		assertThat(words.matches("pregnent", "pregnant")).isTrue();
		assertThat(words.matches("fevre", "fever")).isFalse();
	}

	@Test
	void neverReadsAKnownWordAsATypo() {
		assertThat(words.matches("cancel", "cancer")).isFalse();
	}

	@Test
	void acceptsPlainInflections() {
		assertThat(words.matches("stents", "stent")).isTrue();
		assertThat(words.matches("breathing", "breathe")).isTrue();
		assertThat(words.matches("stopped", "stop")).isTrue();
		assertThat(words.matches("bleeds", "bleed")).isTrue();
	}

	@Test
	void refusesWhatOnlyLooksLikeAnInflection() {
		assertThat(words.matches("stepped", "stop")).isFalse();
		assertThat(words.matches("stoppered", "stop")).isFalse();
		assertThat(words.matches("stopping", "stops")).isFalse();
		assertThat(words.matches("st", "stop")).isFalse();
		assertThat(words.matches("breathes", "breathe")).isTrue();
		assertThat(words.matches("breathers", "breathe")).isFalse();
	}

	@Test
	void normalisesAccentsApostrophesAndHyphens() {
		assertThat(Token.normalise("Can’t  breathe — it's  ÉNORME, heart-shaped"))
			.isEqualTo("cant breathe its enorme , heart shaped");
	}

	@Test
	void splitsFrenchElisionsAndWritesOutLigatures() {
		assertThat(Token.normalise("J'ai mal à l’œil, qu'est-ce que c'est"))
			.isEqualTo("j ai mal a l oeil , qu est ce que c est");
		assertThat(Token.normalise("I'm sure it's Dr. O'Neill's")).isEqualTo("im sure its dr . oneills");
	}

}
