package io.smiledesk.understanding.time;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Days, weekdays and dates, future first (at Tuesday 10 March 2026). */
class DayAndDateTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			tomorrow | 2026-03-11 day
			the day after tomorrow | 2026-03-12 day
			yesterday | 2026-03-09 day
			tuesday | 2026-03-10 day
			friday | 2026-03-13 day
			this friday | 2026-03-13 day
			this coming friday | 2026-03-13 day
			next friday | 2026-03-20 day
			next tuesday | 2026-03-17 day
			friday next week | 2026-03-20 day
			next week friday | 2026-03-20 day
			friday after next | 2026-03-27 day
			last friday | 2026-03-06 day
			this past friday | 2026-03-06 day
			monday week | 2026-03-23 day
			""")
	void readsWeekdaysWithThisNextAndLast(String text, String reading) {
		// given a weekday with its modifier; when read; then the contract's day
		assertThat(Readings.primary(text)).isEqualTo(reading);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
						2/15 | 2027-02-15 day
						2/15/27 | 2027-02-15 day
						02-15-2027 | 2027-02-15 day
						Feb. 15, 2027 | 2027-02-15 day
						the 15th of February | 2027-02-15 day
						February the 15th | 2027-02-15 day
						2027-02-15 | 2027-02-15 day
						2027-02-15T10:00 | 2027-02-15T10:00 minute
						march 3 | 2027-03-03 day
						march 12 | 2026-03-12 day
						the 24th | 2026-03-24 day
						is the 24th available? | 2026-03-24 day
						on the 3rd | 2026-04-03 day
						Tuesday the 19th | 2026-05-19 day
						4/25 at 4:00pm | 2026-04-25T16:00 minute
						10am on the 3rd | 2026-04-03T10:00 hour
						the twenty-fourth | 2026-03-24 day
									thursday the 28 at 11 am | 2026-05-28T11:00 hour
			""")
	void readsDatesFutureFirst(String text, String reading) {
		// given a date without a year; when read; then the next one on or after today
		assertThat(Readings.primary(text)).isEqualTo(reading);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			thanksgiving | 2026-11-26 day
			the day after thanksgiving | 2026-11-27 day
			memorial day | 2026-05-25 day
			easter | 2026-04-05 day
			the Monday after Easter | 2026-04-06 day
			new year's eve | 2026-12-31 day
			christmas 2027 | 2027-12-25 day
			before christmas | /2026-12-25 day
			the week of thanksgiving | 2026-11-23 week
			thanksgiving week | 2026-11-23 week
			the week after Easter | 2026-04-06 week
			""")
	void readsHolidays(String text, String reading) {
		// given a US holiday; when read; then its next date
		assertThat(Readings.primary(text)).isEqualTo(reading);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			tmrw | 2026-03-11 day
			2morrow | 2026-03-11 day
			tommorow | 2026-03-11 day
			wensday | 2026-03-11 day
			wendesday | 2026-03-11 day
			thursady morning | 2026-03-12T04:00/2026-03-12T12:00 hour
			chirstmas eve | 2026-12-24 day
			nxt tues | 2026-03-17 day
			aft tomorrow | 2026-03-11T12:00/2026-03-11T19:00 hour
			""")
	void readsSmsSpellingsAndTypos(String text, String reading) {
		// given a misspelled day; when read; then the day meant
		assertThat(Readings.primary(text)).isEqualTo(reading);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			my last cleaning was oct 2 | 2025-10-02 day
			I chipped it on christmas eating nuts | 2025-12-25 day
			I broke a tooth, can you see me Tuesday? | 2026-03-10 day
			I chipped a tooth on Christmas, can you see me on Christmas Eve? | 2026-12-24 day
			I lost a filling on the 5th | 2026-03-05 day
			I had a cleaning on May 28th | 2025-05-28 day
			Dr. Patel saw me on Oct 3rd | 2025-10-03 day
			""")
	void readsADateToldOfInThePastAsTheOneGoneBy(String text, String reading) {
		// given a yearless date in a clause about the past; when read; then last year's,
		// while a visit asked for in the same message stays ahead
		assertThat(Readings.primary(text)).isEqualTo(reading);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			my daughter May needs a cleaning
			my name is June
			June Summers would like a cleaning
			""")
	void readsNoMonthThatNamesAPerson(String text) {
		// given a month word that is a name; when read; then no time
		assertThat(Readings.primary(text)).isEqualTo("none");
	}

	@Test
	void readsAMonthBeforeADayNumberAfterAWordForAPersonAsADate() {
		// given "my daughter" then "April 3"; when read; then the date
		assertThat(Readings.primary("for my daughter April 3 please")).isEqualTo("2026-04-03 day");
		assertThat(Readings.primary("April 3 for my daughter")).isEqualTo("2026-04-03 day");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			born 3/4/1990
			DOB 03/04/1990
			my birthday is march 3
			I was born on July 4th 1985
			""")
	void readsNoDateOfBirthAsATimeWanted(String text) {
		// given a date of birth; when read; then no time
		assertThat(Readings.primary(text)).isEqualTo("none");
	}

}
