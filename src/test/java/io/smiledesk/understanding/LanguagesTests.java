package io.smiledesk.understanding;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LanguagesTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			mardi prochain à 15h | fr
			demain matin | fr
			lundi | fr
			le 3 mars à 10h30 | fr
			el próximo lunes por la mañana | es
			pasado mañana a las 3 | es
			el lunes | es
			del 3 al 5 de marzo | es
			tomorrow at 3pm | en
			next tuesday afternoon please | en
			can I come in on the 3rd of march | en
			""")
	void recognisesShortMessagesByTheirTimeWords(String text, String language) {
		// given a short message that is mostly a time; when guessed; then its language
		assertThat(Languages.guess(text)).isEqualTo(language);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Estoy embarazada de cuatro meses. ¿Es seguro hacerme un blanqueamiento? | es
			busco un dentista que hable español, ¿atienden los sábados? | es
			Finalement, plutôt le matin, c'est possible ? | fr
			the first one is fine | en
			need 2 move my appt. ana silva ana@example.com | en
			Tengo la cara muy hinchada y me duele la muela | es
			Soy alérgica a la anestesia. ¿Me pueden hacer un empaste? | es
			no | en
			Al Smith here, thanks | en
			y | en
			""")
	void recognisesSentencesByTheirCommonWords(String text, String language) {
		assertThat(Languages.guess(text)).isEqualTo(language);
	}

}
