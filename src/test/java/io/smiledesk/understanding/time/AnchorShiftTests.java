package io.smiledesk.understanding.time;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Shifts from the time being talked about: Thursday 12 March 2026, 10:00. */
class AnchorShiftTests {

	static final TimeContext ANCHORED = TimeContext.of(Readings.TUESDAY, "en")
		.withAnchor(LocalDateTime.of(2026, 3, 12, 10, 0).atZone(Readings.NEW_YORK));

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			an hour later | 2026-03-12T11:00 minute
			half an hour earlier | 2026-03-12T09:30 minute
			30 min later | 2026-03-12T10:30 minute
			later in the day | 2026-03-12T10:00/2026-03-13 minute
			earlier in the day | /2026-03-12T10:00 minute
			same day | 2026-03-12 day
			a day later | 2026-03-13 day
			the day before | 2026-03-11 day
			a week later | 2026-03-19 day
			same time next week | 2026-03-19T10:00 hour
			same time on friday | 2026-03-13T10:00 hour
			make it the week after | 2026-03-19 day
			the following saturday | 2026-03-14 day
			the friday that week | 2026-03-13 day
			could I move it to the wednesday that week, first thing? | 2026-03-11T04:00/2026-03-11T12:00 hour
			""")
	void shiftsFromTheAnchor(String text, String reading) {
		// given an appointment on Thursday at 10; when a shift is read; then from it
		assertThat(Readings.primary(text, ANCHORED)).isEqualTo(reading);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			an hour later | 2026-03-10T10:30 minute
			later in the day | 2026-03-10T09:30/2026-03-11 minute
			a day later | 2026-03-11 day
			earlier in the day | none
			same day | none
			same time | none
			the day before | none
			a little later | none
			""")
	void shiftsFromNowOrNotAtAllWithoutAnAnchor(String text, String reading) {
		// given no anchor; when a shift is read; then later shifts from now, others
		// nothing
		assertThat(Readings.primary(text)).isEqualTo(reading);
	}

	@Test
	void readsTheFollowingWeekdayFromTheDayTalkedAbout() {
		// given Saturday 14 March being talked about; when "the Saturday after" is
		// said; then the one after it, in each language, and without an anchor the next
		// one
		TimeContext saturday = TimeContext.of(Readings.TUESDAY, "es")
			.withAnchor(LocalDateTime.of(2026, 3, 14, 9, 0).atZone(Readings.NEW_YORK));
		assertThat(Readings.primary("y el sabado siguiente?", saturday)).isEqualTo("2026-03-21 day");
		assertThat(
				Readings.primary("le samedi suivant", new TimeContext(saturday.reference(), "fr", saturday.anchor())))
			.isEqualTo("2026-03-21 day");
		assertThat(Readings.primary("el sábado siguiente", "es")).isEqualTo("2026-03-14 day");
		assertThat(Readings.primary("la semana siguiente", "es")).isEqualTo("2026-03-16 week");
		assertThat(Readings.primary("the week after")).isEqualTo("none");
	}

	@Test
	void readsTheDayAfterTheDayNamedBefore() {
		// given a day named in the message; when "the day after" follows; then after that
		// day
		assertThat(Readings.primary("not tomorrow, the day after")).isEqualTo("2026-03-12 day");
		assertThat(Readings.primary("Tuesday, or the following Friday")).isEqualTo("2026-03-10 day");
		assertThat(Readings.mentions("Tuesday, or the following Friday").get(1).literal().start().toLocalDate())
			.hasToString("2026-03-13");
	}

}
