package io.smiledesk.understanding.time;

import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which date and time of day the words of a mention fix, for the assistant's refinements.
 */
class PartsTests {

	private static TimeMention only(String text) {
		return Readings.mentions(text).get(0);
	}

	@Test
	void aDayAloneFixesTheDayAndNoTimeOfDay() {
		// given "Tuesday"; when read; then a day and no time of day
		TimeMention tuesday = only("Tuesday");
		assertThat(tuesday.date()).isEqualTo(new DatePart.Day(LocalDate.of(2026, 3, 10)));
		assertThat(tuesday.timeOfDay()).isEqualTo(TimeOfDay.NONE);
	}

	@Test
	void aPartOfTheDayAloneFixesNoDate() {
		// given "could it be the morning instead?"; when read; then no date, so the day
		// is kept
		TimeMention morning = only("could it be the morning instead?");
		assertThat(morning.date()).isEqualTo(DatePart.NONE);
		assertThat(morning.timeOfDay())
			.isEqualTo(new TimeOfDay.PartOfDay("morning", LocalTime.of(4, 0), LocalTime.of(12, 0)));
	}

	@Test
	void aClockTimeAndARangeAndOpenEndsAreTimesOfDay() {
		// given times of day; when read; then their kind of time of day
		assertThat(only("at 3").timeOfDay()).isEqualTo(new TimeOfDay.Clock(LocalTime.of(15, 0), Grain.HOUR));
		assertThat(only("between 2 and 4").timeOfDay())
			.isEqualTo(new TimeOfDay.ClockRange(LocalTime.of(14, 0), LocalTime.of(16, 0)));
		assertThat(only("tomorrow after 3").timeOfDay()).isEqualTo(new TimeOfDay.After(LocalTime.of(15, 0)));
		assertThat(only("tomorrow after 3").date()).isEqualTo(new DatePart.Day(LocalDate.of(2026, 3, 11)));
		assertThat(only("before noon").timeOfDay()).isEqualTo(new TimeOfDay.Before(LocalTime.NOON));
	}

	@Test
	void aWeekIsASpanOfDays() {
		// given "next week"; when read; then its seven days
		assertThat(only("next week").date())
			.isEqualTo(new DatePart.Days(LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 23)));
	}

}
