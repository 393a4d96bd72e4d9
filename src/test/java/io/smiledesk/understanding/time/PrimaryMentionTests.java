package io.smiledesk.understanding.time;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which time a message means, and which it refuses (at Tuesday 10 March 2026, 09:30). */
class PrimaryMentionTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					not Monday, Tuesday | 2026-03-10 day
					Friday, no wait, Saturday | 2026-03-14 day
					wednesday won't work, what about thursday | 2026-03-12 day
					I can't do monday, tuesday? | 2026-03-10 day
					noon is too early, after 2? | 2026-03-10T14:00/ hour
					Friday... actually Saturday | 2026-03-14 day
					Tuesday or Wednesday | 2026-03-10 day
					Monday, Tuesday or Wednesday | 2026-03-16 day
					My kid lost a tooth at school today, can we come in tomorrow after school? | 2026-03-11T15:00/2026-03-12 hour
					could i book wednesday morning? chipped a tooth last night | 2026-03-11T04:00/2026-03-11T12:00 hour
					Wednesday after 3pm would be ideal since she has camp in the morning | 2026-03-11T15:00/ hour
					Need a night guard fitting, tomorrow at 10am if you can | 2026-03-11T10:00 hour
					next week on tuesday | 2026-03-17 day
					next week, maybe thursday | 2026-03-19 day
					is monday not possible? | 2026-03-16 day
					so would friday be impossible? | 2026-03-13 day
					can I come now | 2026-03-10T09:30 minute
					I need a crown consult this friday. I can only do afternoons | 2026-03-13T12:00/2026-03-13T19:00 hour
					oh right, st patrick's day. thursday then | 2026-03-12 day
					my filling is on fri march 20, can we do the following monday at 9 instead? | 2026-03-23T09:00 hour
					""")
	void choosesTheTimeMeant(String text, String reading) {
		// given several times; when the primary is chosen; then the one meant
		assertThat(Readings.primary(text)).isEqualTo(reading);
	}

	@Test
	void readsTheNewDayOfAMoveWhenTheToBelongsToIt() {
		// given "from Wednesday to Friday" where "al" is read with the new day; when
		// chosen; then the new day, in each language
		assertThat(Readings.primary("necesito cambiar mi cita del miércoles al viernes", "es"))
			.isEqualTo("2026-03-13 day");
		assertThat(Readings.primary("je voudrais déplacer mon rendez-vous de mercredi à vendredi", "fr"))
			.isEqualTo("2026-03-13 day");
		assertThat(Readings.primary("can you move me from wednesday to friday")).isEqualTo("2026-03-13 day");
	}

	@Test
	void marksRefusedTimesAndWhereTheyAre() {
		// given a refusal; when read; then the refused mention is marked, with its words
		List<TimeMention> mentions = Readings.mentions("Ana Silva ana@example.com, not monday, tuesday after 2");
		assertThat(mentions).extracting(TimeMention::text).containsExactly("monday", "tuesday after 2");
		assertThat(mentions).extracting(TimeMention::refused).containsExactly(true, false);
		TimeMention tuesday = mentions.get(1);
		assertThat("Ana Silva ana@example.com, not monday, tuesday after 2".substring(tuesday.start(), tuesday.end()))
			.isEqualTo("tuesday after 2");
	}

	@Test
	void givesNothingWhenEveryTimeIsRefused() {
		// given only a refused time; when the primary is chosen; then none
		assertThat(Readings.primary("not monday")).isEqualTo("none");
		assertThat(Readings.primary("monday is not possible")).isEqualTo("none");
		assertThat(Readings.primary("monday, I'm away")).isEqualTo("none");
	}

}
