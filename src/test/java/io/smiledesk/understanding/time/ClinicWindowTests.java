package io.smiledesk.understanding.time;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Windows at a clinic open Monday to Friday 08:00-12:00 and 13:00-17:00, Saturday
 * 09:00-13:00, closed on Sunday and on Friday 13 March 2026.
 */
class ClinicWindowTests {

	static final ClinicWindow.OpeningHours HOURS = date -> {
		if (date.getDayOfWeek() == DayOfWeek.SUNDAY || date.equals(LocalDate.of(2026, 3, 13))) {
			return List.of();
		}
		if (date.getDayOfWeek() == DayOfWeek.SATURDAY) {
			return List.of(period(9, 13));
		}
		return List.of(period(8, 12), period(13, 17));
	};

	private static ClinicWindow.Period period(int from, int to) {
		return new ClinicWindow.Period(LocalTime.of(from, 0), LocalTime.of(to, 0));
	}

	private final TimeReader reader = new TimeReader();

	private String window(String text) {
		Literal literal = reader.primary(text, TimeContext.of(Readings.TUESDAY, "en")).orElseThrow().literal();
		Optional<ClinicWindow.Window> window = ClinicWindow.of(literal, HOURS, Readings.TUESDAY, Duration.ofDays(90));
		return window.map(found -> found.from().toLocalDateTime() + "/" + found.to().toLocalDateTime()).orElse("none");
	}

	@Test
	void clampsADayToItsOpeningHours() {
		// given a day; when windowed; then from its first opening to its last closing
		assertThat(window("tomorrow")).isEqualTo("2026-03-11T08:00/2026-03-11T17:00");
		assertThat(window("this weekend")).isEqualTo("2026-03-14T09:00/2026-03-14T13:00");
	}

	@Test
	void givesAPreciseTimeItsMinuteWhenTheClinicIsOpen() {
		// given clock times; when windowed; then one minute if open then, else none
		assertThat(window("tomorrow at 3pm")).isEqualTo("2026-03-11T15:00/2026-03-11T15:01");
		assertThat(window("tomorrow at 12:30")).isEqualTo("none");
	}

	@Test
	void hasNoWindowOnAClosedDayOrInThePast() {
		// given a closure, a Sunday and yesterday; when windowed; then none
		assertThat(window("friday")).isEqualTo("none");
		assertThat(window("sunday")).isEqualTo("none");
		assertThat(window("yesterday")).isEqualTo("none");
	}

	@Test
	void boundsOpenEnds() {
		// given open ranges; when windowed; then clock times within their day, days
		// within the horizon
		assertThat(window("tomorrow after 3")).isEqualTo("2026-03-11T15:00/2026-03-11T17:00");
		assertThat(window("before noon tomorrow")).isEqualTo("2026-03-11T08:00/2026-03-11T12:00");
		assertThat(window("by thursday")).isEqualTo("2026-03-10T08:00/2026-03-12T17:00");
	}

	@Test
	void clampsAPartOfTheDay() {
		// given tomorrow afternoon, 12:00-19:00; when windowed; then the afternoon
		// opening
		assertThat(window("tomorrow afternoon")).isEqualTo("2026-03-11T13:00/2026-03-11T17:00");
	}

}
