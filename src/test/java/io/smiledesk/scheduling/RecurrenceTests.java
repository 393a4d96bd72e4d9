package io.smiledesk.scheduling;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import io.smiledesk.scheduling.Recurrence.Unit;
import io.smiledesk.system.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecurrenceTests {

	static final LocalDateTime JAN_31 = LocalDateTime.parse("2025-01-31T09:30");

	@Test
	void monthlyFromTheThirtyFirstLandsOnTheLastDayOfShortMonthsWithoutDrifting() {
		assertThat(new Recurrence(Unit.MONTHS, 1, 4).occurrences(JAN_31)).containsExactly(JAN_31,
				LocalDateTime.parse("2025-02-28T09:30"), LocalDateTime.parse("2025-03-31T09:30"),
				LocalDateTime.parse("2025-04-30T09:30"));
	}

	@Test
	void leapYearsKeepTheTwentyNinthOfFebruary() {
		assertThat(new Recurrence(Unit.MONTHS, 12, 3).occurrences(LocalDateTime.parse("2028-02-29T10:00")))
			.containsExactly(LocalDateTime.parse("2028-02-29T10:00"), LocalDateTime.parse("2029-02-28T10:00"),
					LocalDateTime.parse("2030-02-28T10:00"));
		assertThat(new Recurrence(Unit.MONTHS, 6, 3).occurrences(LocalDateTime.parse("2027-08-31T10:00")))
			.containsExactly(LocalDateTime.parse("2027-08-31T10:00"), LocalDateTime.parse("2028-02-29T10:00"),
					LocalDateTime.parse("2028-08-31T10:00"));
	}

	@Test
	void weeklyStepsKeepTheWeekdayAndTheLocalTime() {
		assertThat(new Recurrence(Unit.WEEKS, 2, 3).occurrences(LocalDateTime.parse("2025-12-23T16:45")))
			.containsExactly(LocalDateTime.parse("2025-12-23T16:45"), LocalDateTime.parse("2026-01-06T16:45"),
					LocalDateTime.parse("2026-01-20T16:45"));
	}

	@Test
	void readsIsoPeriodsAsWeeksOrMonths() {
		LocalDateTime first = LocalDateTime.parse("2025-08-19T10:00");
		assertThat(Recurrence.parse("P6M", null, null, 2, null, first)).isEqualTo(new Recurrence(Unit.MONTHS, 6, 2));
		assertThat(Recurrence.parse("P1Y", null, null, 2, null, first)).isEqualTo(new Recurrence(Unit.MONTHS, 12, 2));
		assertThat(Recurrence.parse("P2W", null, null, 6, null, first)).isEqualTo(new Recurrence(Unit.WEEKS, 2, 6));
		assertThat(Recurrence.parse("P14D", null, null, 6, null, first)).isEqualTo(new Recurrence(Unit.WEEKS, 2, 6));
		assertThat(Recurrence.parse(null, "Months", 3, 4, null, first)).isEqualTo(new Recurrence(Unit.MONTHS, 3, 4));
		assertThatThrownBy(() -> Recurrence.parse("P1M2D", null, null, 2, null, first))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> Recurrence.parse("P0M", null, null, 2, null, first))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> Recurrence.parse("P-1M", null, null, 2, null, first))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void anEndDateCountsTheOccurrencesOnOrBeforeIt() {
		assertThat(Recurrence.parse(null, "weeks", 1, null, LocalDate.parse("2025-09-02"),
				LocalDateTime.parse("2025-08-19T10:00")))
			.isEqualTo(new Recurrence(Unit.WEEKS, 1, 3));
		assertThat(Recurrence.parse(null, "months", 1, null, LocalDate.parse("2025-03-30"), JAN_31).count())
			.isEqualTo(2);
		assertThat(Recurrence.parse(null, "months", 1, null, LocalDate.parse("2025-01-31"), JAN_31).count())
			.isEqualTo(1);
	}

	@Test
	void refusesCountsAndIntervalsOutsideTheCaps() {
		assertThatThrownBy(() -> new Recurrence(Unit.WEEKS, 0, 3)).isInstanceOf(InvalidInputException.class)
			.extracting(ex -> ((InvalidInputException) ex).field())
			.isEqualTo("recurrence.interval");
		assertThatThrownBy(() -> new Recurrence(Unit.WEEKS, 1, Recurrence.MAX_COUNT + 1))
			.extracting(ex -> ((InvalidInputException) ex).field())
			.isEqualTo("recurrence.count");
		assertThat(new Recurrence(Unit.WEEKS, 1, Recurrence.MAX_COUNT).occurrences(JAN_31)).hasSize(52);
		assertThatThrownBy(() -> new Recurrence(Unit.MONTHS, 12, 7).occurrences(JAN_31))
			.extracting(ex -> ((InvalidInputException) ex).field())
			.isEqualTo("recurrence.count");
		assertThat(new Recurrence(Unit.MONTHS, 12, 6).occurrences(JAN_31)).hasSize(6);
	}

}
