package io.smiledesk.understanding.time;

import java.time.LocalDateTime;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** New York springs forward on 8 March 2026 and falls back on 1 November 2026. */
class DaylightSavingTests {

	private final TimeReader reader = new TimeReader();

	private ZonedDateTime read(String text, LocalDateTime reference) {
		TimeContext context = TimeContext.of(reference.atZone(Readings.NEW_YORK), "en");
		return reader.primary(text, context).orElseThrow().literal().start();
	}

	@Test
	void movesATimeInTheSpringGapForwardByTheGap() {
		// given Saturday 7 March; when "tomorrow at 2:30am" is read; then 03:30 EDT
		ZonedDateTime at = read("tomorrow at 2:30am", LocalDateTime.of(2026, 3, 7, 10, 0));
		assertThat(at).hasToString("2026-03-08T03:30-04:00[America/New_York]");
	}

	@Test
	void addsHoursOnTheTimeLine() {
		// given 01:30 EST on the day clocks spring forward; when "in 2 hours"; then 04:30
		// EDT
		ZonedDateTime at = read("in 2 hours", LocalDateTime.of(2026, 3, 8, 1, 30));
		assertThat(at).hasToString("2026-03-08T04:30-04:00[America/New_York]");
	}

	@Test
	void takesTheEarlierOffsetOfAnAmbiguousTime() {
		// given Saturday 31 October; when "tomorrow at 1:30am"; then the first 01:30, EDT
		ZonedDateTime at = read("tomorrow at 1:30am", LocalDateTime.of(2026, 10, 31, 10, 0));
		assertThat(at).hasToString("2026-11-01T01:30-04:00[America/New_York]");
	}

	@Test
	void keepsTheOffsetOfAMomentComputedOnTheTimeLine() {
		// given 01:30 EDT as clocks fall back; when "in an hour"; then 01:30 EST, an hour
		// later
		ZonedDateTime reference = ZonedDateTime.of(LocalDateTime.of(2026, 11, 1, 1, 30), Readings.NEW_YORK);
		ZonedDateTime at = reader.primary("in an hour", TimeContext.of(reference, "en"))
			.orElseThrow()
			.literal()
			.start();
		assertThat(at).hasToString("2026-11-01T01:30-05:00[America/New_York]");
		assertThat(at.toInstant()).isEqualTo(reference.toInstant().plusSeconds(3600));
	}

	@Test
	void keepsADayWholeAcrossTheChange() {
		// given Saturday 7 March; when "tomorrow"; then the 23-hour Sunday from midnight
		TimeContext context = TimeContext.of(LocalDateTime.of(2026, 3, 7, 10, 0).atZone(Readings.NEW_YORK), "en");
		Literal literal = reader.primary("tomorrow", context).orElseThrow().literal();
		assertThat(literal.start()).hasToString("2026-03-08T00:00-05:00[America/New_York]");
		assertThat(literal.end()).hasToString("2026-03-09T00:00-04:00[America/New_York]");
	}

}
