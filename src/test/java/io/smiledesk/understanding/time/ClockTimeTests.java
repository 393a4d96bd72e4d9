package io.smiledesk.understanding.time;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clock times: the clinic's meridiem, minutes, spelled and SMS forms (at Tuesday 09:30).
 */
class ClockTimeTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			3pm | 2026-03-10T15:00 hour
			3 p.m. | 2026-03-10T15:00 hour
			at 3 | 2026-03-10T15:00 hour
			at 7 | 2026-03-10T19:00 hour
			at 8 | 2026-03-11T08:00 hour
			at 12 | 2026-03-10T12:00 hour
			3:30 | 2026-03-10T15:30 minute
			3:00 | 2026-03-10T15:00 minute
			3.30pm | 2026-03-10T15:30 minute
			15:00 | 2026-03-10T15:00 minute
			08:30 | 2026-03-11T08:30 minute
			1500 hrs | 2026-03-10T15:00 hour
			3 o'clock | 2026-03-10T15:00 hour
			noon | 2026-03-10T12:00 hour
			noonish | 2026-03-10T12:00 hour
			midnight | 2026-03-11 hour
			around 4 | 2026-03-10T16:00 hour
			about 4pm | 2026-03-10T16:00 hour
			3p | 2026-03-10T15:00 hour
			10a | 2026-03-10T10:00 hour
			3pm-ish | 2026-03-10T15:00 hour
			@ 3 | 2026-03-10T15:00 hour
			""")
	void readsAClockTimeTodayWhileItIsAheadElseTomorrow(String text, String reading) {
		// given Tuesday 09:30; when a clock time is read; then today's if still ahead
		assertThat(Readings.primary(text)).isEqualTo(reading);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			half past 3 | 2026-03-10T15:30 minute
			quarter past 3 | 2026-03-10T15:15 minute
			quarter to 4 | 2026-03-10T15:45 minute
			ten past 9 | 2026-03-11T09:10 minute
			twenty minutes to eight | 2026-03-10T19:40 minute
			at two thirty | 2026-03-10T14:30 minute
			five thirty | 2026-03-10T17:30 minute
			three pm | 2026-03-10T15:00 hour
			eleven o'clock | 2026-03-10T11:00 hour
			20 to 5 | 2026-03-10T16:40 minute
			is 4pm open? | 2026-03-10T16:00 hour
			""")
	void readsClockTimesInWords(String text, String reading) {
		// given a time said with words; when read; then minutes when they are said
		assertThat(Readings.primary(text)).isEqualTo(reading);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			at 7 in the morning | 2026-03-11T07:00 hour
			8 tonight | 2026-03-10T20:00 hour
			at 10 in the evening | 2026-03-10T22:00 hour
			at 9 at night | 2026-03-10T21:00 hour
			3 in the afternoon | 2026-03-10T15:00 hour
			tomorrow at 2 in the morning | 2026-03-11T02:00 hour
			""")
	void letsThePartOfTheDayDecideTheMeridiem(String text, String reading) {
		// given a clock time with a part of the day; when read; then within that part
		assertThat(Readings.primary(text)).isEqualTo(reading);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			I need 3 fillings
			my son is 8
			it takes 45 minutes
			it costs $120
			tooth 14 hurts
			1234
			no, on second thought leave it as it is
			I work 9 to 5
			is the office at 210 Maple Avenue suite 3?
			I've had this crown for 10 years now
			it's been hurting for a while now
			""")
	void readsNoBareNumberAsATime(String text) {
		// given numbers that count, price or name things; when read; then no time
		assertThat(Readings.primary(text)).isEqualTo("none");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			I'd like to book one Thursday morning | 2026-03-12T04:00/2026-03-12T12:00 hour
			can I get one friday afternoon | 2026-03-13T12:00/2026-03-13T19:00 hour
			at one thursday afternoon | 2026-03-12T13:00 hour
			9 thursday morning | 2026-03-12T09:00 hour
			""")
	void readsABareNumberBeforeADaysPartOfDayOnlyWhenItFitsThePart(String text, String reading) {
		// given "one" before a day's morning; when read; then the morning, not 1pm
		assertThat(Readings.primary(text)).isEqualTo(reading);
	}

}
