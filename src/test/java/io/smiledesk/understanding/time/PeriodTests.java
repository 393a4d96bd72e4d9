package io.smiledesk.understanding.time;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Weeks, weekends, months and years, and their parts (at Tuesday 10 March 2026). */
class PeriodTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			this week | 2026-03-09 week
			next week | 2026-03-16 week
			last week | 2026-03-02 week
			the week after next | 2026-03-23 week
			the week of March 9 | 2026-03-09 week
			this weekend | 2026-03-14/2026-03-16 day
			next weekend | 2026-03-21/2026-03-23 day
			next month | 2026-04-01 month
			in March | 2026-03-01 month
			next March | 2027-03-01 month
			next year | 2027-01-01 year
			2027 | 2027-01-01 year
			march next year | 2027-03-01 month
			""")
	void readsPeriodsAsOneUnit(String text, String reading) {
		// given a period; when read; then a value of its grain, or a span of days
		assertThat(Readings.primary(text)).isEqualTo(reading);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			early next week | 2026-03-16/2026-03-19 day
			midweek | 2026-03-10/2026-03-13 day
			end of the week | 2026-03-12/2026-03-14 day
			later this week | 2026-03-11/2026-03-16 day
			early March | 2026-03-01/2026-03-11 day
			mid March | 2026-03-11/2026-03-21 day
			end of the month | 2026-03-21/2026-04-01 day
			the first week of March | 2026-03-01/2026-03-08 day
			the last week of March | 2026-03-25/2026-04-01 day
			the first Monday of March | 2026-03-02 day
			the last Friday of the month | 2026-03-27 day
			the third Wednesday of next month | 2026-04-15 day
			the last weekend of march | 2026-03-28/2026-03-30 day
			the first two weeks of november | 2026-11-01/2026-11-15 day
			the first 10 days of april | 2026-04-01/2026-04-11 day
			""")
	void readsBeginningsMiddlesAndEnds(String text, String reading) {
		// given a part of a period; when read; then the contract's days
		assertThat(Readings.primary(text)).isEqualTo(reading);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			morning | 2026-03-10T04:00/2026-03-10T12:00 hour
			tonight | 2026-03-10T18:00/2026-03-11 hour
			tomorrow morning | 2026-03-11T04:00/2026-03-11T12:00 hour
			friday afternoon | 2026-03-13T12:00/2026-03-13T19:00 hour
			early tomorrow morning | 2026-03-11T04:00/2026-03-11T09:00 hour
			lunchtime | 2026-03-10T12:00/2026-03-10T14:00 hour
			after work | 2026-03-10T17:00/2026-03-11 hour
			first thing tomorrow | 2026-03-11T04:00/2026-03-11T12:00 hour
			last night | 2026-03-09T18:00/2026-03-10 hour
			tomorrow a.m. | 2026-03-11T04:00/2026-03-11T12:00 hour
			""")
	void readsPartsOfTheDay(String text, String reading) {
		// given a part of the day; when read; then its hours, today's if not ended
		assertThat(Readings.primary(text)).isEqualTo(reading);
	}

}
