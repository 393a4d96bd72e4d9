package io.smiledesk.understanding.time;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Offsets from now, ranges and open ends (at Tuesday 10 March 2026, 09:30). */
class RelativeAndRangeTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			in 2 hours | 2026-03-10T11:30 minute
			in half an hour | 2026-03-10T10:00 minute
			in an hour and a half | 2026-03-10T11:00 minute
			in two and a half hours | 2026-03-10T12:00 minute
			three and a half hours from now | 2026-03-10T13:00 minute
			in 3 days | 2026-03-13 day
			in two weeks | 2026-03-24 day
			in a month | 2026-04-10 day
			in a couple of days | 2026-03-12 day
			in a few days | 2026-03-13 day
			a week from tomorrow | 2026-03-18 day
			two weeks from Monday | 2026-03-30 day
			3 days from now | 2026-03-13 day
			a week today | 2026-03-17 day
			3 days ago | 2026-03-07 day
			this time tomorrow | 2026-03-11T09:30 minute
			over the next 2 weeks | 2026-03-10/2026-03-24 day
			within the next 3 days | 2026-03-10/2026-03-13 day
			the next 3 days | 2026-03-11/2026-03-14 day
			within an hour | 2026-03-10T09:30/2026-03-10T10:30 minute
			does whitening last 6 months? | none
			""")
	void readsOffsetsFromNow(String text, String reading) {
		// given an offset; when read; then minutes for hours, days for the rest
		assertThat(Readings.primary(text)).isEqualTo(reading);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			between 2 and 4 | 2026-03-10T14:00/2026-03-10T16:00 hour
			from 9 to 11 | 2026-03-10T09:00/2026-03-10T11:00 hour
			9-11am | 2026-03-10T09:00/2026-03-10T11:00 hour
			2-4pm | 2026-03-10T14:00/2026-03-10T16:00 hour
			10-2pm | 2026-03-10T10:00/2026-03-10T14:00 hour
			11-1 | 2026-03-10T11:00/2026-03-10T13:00 hour
			tomorrow 9-11 | 2026-03-11T09:00/2026-03-11T11:00 hour
			tuesday between 2 and 4 | 2026-03-10T14:00/2026-03-10T16:00 hour
			after 10 but before 2 | 2026-03-10T10:00/2026-03-10T14:00 hour
			July 13-15 | 2026-07-13/2026-07-16 day
			the 15-20th | 2026-03-15/2026-03-21 day
			from the 3rd to the 5th | 2026-04-03/2026-04-06 day
			between Monday and Wednesday | 2026-03-16/2026-03-19 day
			Mon-Wed | 2026-03-16/2026-03-19 day
			from monday 10am to wednesday 3pm | 2026-03-16T10:00/2026-03-18T15:00 hour
			""")
	void readsRangesWithTheirEndIncluded(String text, String reading) {
		// given a range; when read; then to is exclusive (the day after the last day)
		assertThat(Readings.primary(text)).isEqualTo(reading);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			after 5pm | 2026-03-10T17:00/ hour
			from 3 on | 2026-03-10T15:00/ hour
			not before 3 | 2026-03-10T15:00/ hour
			before noon | /2026-03-10T12:00 hour
			until 3 | /2026-03-10T15:00 hour
			no later than 5 | /2026-03-10T17:00 hour
			tomorrow after 3 | 2026-03-11T15:00/ hour
			friday before 11 | /2026-03-13T11:00 hour
			anytime after Tuesday | 2026-03-11/ day
			by Friday | /2026-03-14 day
			after lunch | 2026-03-10T14:00/ hour
			could i come by in a couple of days? | 2026-03-12 day
			its hurt since last tuesday | 2026-03-03/ day
			it's been sore since valentines day | 2026-02-14/ day
			the tooth has been hurting since 3 days ago | 2026-03-07/ day
			not before the 16th, I'm away till then | 2026-03-16/ day
			""")
	void readsOpenEnds(String text, String reading) {
		// given an open range; when read; then only one end
		assertThat(Readings.primary(text)).isEqualTo(reading);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			I'd rather wait until October | 2026-10-01 month
			I'll hold off until next month | 2026-04-01 month
			done by friday | /2026-03-14 day
			""")
	void readsWaitingUntilADayAsThatDayNotADeadline(String text, String reading) {
		// given "wait until"; when read; then the time wanted, while "by" stays a
		// deadline
		assertThat(Readings.primary(text)).isEqualTo(reading);
	}

}
