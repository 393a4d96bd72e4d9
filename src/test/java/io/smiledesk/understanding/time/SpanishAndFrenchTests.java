package io.smiledesk.understanding.time;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The same grammar with the Spanish and French lexicons (at Tuesday 10 March 2026). */
class SpanishAndFrenchTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			el próximo lunes por la mañana | 2026-03-16T04:00/2026-03-16T12:00 hour
			el lunes que viene | 2026-03-16 day
			pasado mañana a las 3 | 2026-03-12T15:00 hour
			mañana por la mañana | 2026-03-11T04:00/2026-03-11T12:00 hour
			a las 10 de la mañana | 2026-03-10T10:00 hour
			a las 3 y media | 2026-03-10T15:30 minute
			a las 4 menos cuarto | 2026-03-10T15:45 minute
			la semana que viene | 2026-03-16 week
			dentro de 3 días | 2026-03-13 day
			hace 3 días | 2026-03-07 day
			el 24 | 2026-03-24 day
			el lunes 16 | 2026-03-16 day
			del 3 al 5 de marzo | 2027-03-03/2027-03-06 day
			entre las 2 y las 4 | 2026-03-10T14:00/2026-03-10T16:00 hour
			después de las 5 | 2026-03-10T17:00/ hour
			antes de las 11 | /2026-03-10T11:00 hour
			este fin de semana | 2026-03-14/2026-03-16 day
			a finales de mes | 2026-03-21/2026-04-01 day
			Navidad | 2026-12-25 day
			no el lunes, el martes | 2026-03-10 day
			tengo 2 hijos de 5 y 7 años | none
			""")
	void readsSpanish(String text, String reading) {
		// given a Spanish message; when read with the Spanish lexicon; then the
		// contract's reading
		assertThat(Readings.primary(text, "es")).isEqualTo(reading);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			mardi prochain à 15h | 2026-03-17T15:00 hour
			lundi prochain | 2026-03-16 day
			demain matin | 2026-03-11T04:00/2026-03-11T12:00 hour
			le 3 mars à 10h30 | 2027-03-03T10:30 minute
			du 3 au 5 mars | 2027-03-03/2027-03-06 day
			à 3 heures de l'après-midi | 2026-03-10T15:00 hour
			l'après-midi | 2026-03-10T12:00/2026-03-10T19:00 hour
			ce soir | 2026-03-10T18:00/2026-03-11 hour
			dans deux semaines | 2026-03-24 day
			il y a 3 jours | 2026-03-07 day
			entre 14h et 16h | 2026-03-10T14:00/2026-03-10T16:00 hour
			à 4h moins le quart | 2026-03-10T15:45 minute
			après 17h | 2026-03-10T17:00/ hour
			ce week-end | 2026-03-14/2026-03-16 day
			la semaine prochaine | 2026-03-16 week
			ce mois-ci | 2026-03-01 month
			le lendemain de Noël | 2026-12-26 day
			pas lundi, mardi | 2026-03-10 day
			vendredi, non attendez, samedi | 2026-03-14 day
			mon numéro est le 06 12 34 56 78 | none
			""")
	void readsFrench(String text, String reading) {
		// given a French message; when read with the French lexicon; then the contract's
		// reading
		assertThat(Readings.primary(text, "fr")).isEqualTo(reading);
	}

}
