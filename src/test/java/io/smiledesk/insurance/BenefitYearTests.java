package io.smiledesk.insurance;

import java.time.LocalDate;
import java.time.Month;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BenefitYearTests {

	@Test
	void aDayInMarchBelongsToTheYearThatBeganThePreviousJuly() {
		BenefitYear year = BenefitYear.containing(LocalDate.of(2026, 3, 15), Month.JULY);

		assertThat(year.start()).isEqualTo(LocalDate.of(2025, 7, 1));
		assertThat(year.end()).isEqualTo(LocalDate.of(2026, 7, 1));
	}

	@Test
	void aDayFromTheStartMonthOnBelongsToTheYearBeginningThatSummer() {
		assertThat(BenefitYear.containing(LocalDate.of(2026, 7, 1), Month.JULY).start())
			.isEqualTo(LocalDate.of(2026, 7, 1));
		assertThat(BenefitYear.containing(LocalDate.of(2026, 12, 31), Month.JULY).start())
			.isEqualTo(LocalDate.of(2026, 7, 1));
		assertThat(BenefitYear.containing(LocalDate.of(2026, 6, 30), Month.JULY).start())
			.isEqualTo(LocalDate.of(2025, 7, 1));
	}

	@Test
	void aYearStartingInJanuaryIsTheCalendarYear() {
		BenefitYear year = BenefitYear.containing(LocalDate.of(2025, 8, 20), Month.JANUARY);

		assertThat(year.start()).isEqualTo(LocalDate.of(2025, 1, 1));
		assertThat(year.end()).isEqualTo(LocalDate.of(2026, 1, 1));
		assertThat(BenefitYear.containing(LocalDate.of(2025, 1, 1), Month.JANUARY)).isEqualTo(year);
		assertThat(BenefitYear.containing(LocalDate.of(2025, 12, 31), Month.JANUARY)).isEqualTo(year);
	}

	@Test
	void containsItsFirstDayButNotTheFirstDayOfTheNextYear() {
		BenefitYear year = BenefitYear.containing(LocalDate.of(2026, 3, 15), Month.JULY);

		assertThat(year.contains(LocalDate.of(2025, 7, 1))).isTrue();
		assertThat(year.contains(LocalDate.of(2026, 6, 30))).isTrue();
		assertThat(year.contains(LocalDate.of(2025, 6, 30))).isFalse();
		assertThat(year.contains(LocalDate.of(2026, 7, 1))).isFalse();
	}

	@Test
	void aLeapDayFallsInTheYearStartingTheMarchBefore() {
		BenefitYear year = BenefitYear.containing(LocalDate.of(2028, 2, 29), Month.MARCH);

		assertThat(year.start()).isEqualTo(LocalDate.of(2027, 3, 1));
		assertThat(year.contains(LocalDate.of(2028, 2, 29))).isTrue();
	}

	@Test
	void refusesAYearNotStartingOnTheFirstOfAMonth() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BenefitYear(LocalDate.of(2025, 7, 2)));
	}

}
