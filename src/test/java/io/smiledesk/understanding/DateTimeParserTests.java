package io.smiledesk.understanding;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DateTimeParserTests {

	static final LocalDateTime MONDAY_9AM = LocalDateTime.of(2025, 8, 4, 9, 0);

	@Test
	void readsTheIssuesExamples() {
		assertThat(parse("tomorrow morning")).isEqualTo(between("2025-08-05T08:00", "2025-08-05T12:00"));
		assertThat(parse("next Tue at 3")).isEqualTo(at("2025-08-12T15:00"));
		assertThat(parse("the 14th")).isEqualTo(between("2025-08-14T08:00", "2025-08-14T18:00"));
		assertThat(parse("in two weeks")).isEqualTo(between("2025-08-18T08:00", "2025-08-18T18:00"));
		assertThat(parse("after 5pm")).isEqualTo(between("2025-08-04T17:00", "2025-08-04T20:00"));
		assertThat(parse("between 2 and 4")).isEqualTo(between("2025-08-04T14:00", "2025-08-04T16:00"));
	}

	@Test
	void aTimeAlreadyPastTodayMeansTomorrowAndTodayStartsNow() {
		assertThat(parse("at 8am")).isEqualTo(at("2025-08-05T08:00"));
		assertThat(parse("at 10")).isEqualTo(at("2025-08-04T10:00"));
		assertThat(parse("this morning")).isEqualTo(between("2025-08-04T09:00", "2025-08-04T12:00"));
	}

	@Test
	void numbersThatAreNotTimesAreLeftAlone() {
		assertThat(parse("I need two crowns")).isEmpty();
		assertThat(parse("my number is 973-555-0101")).isEmpty();
		assertThat(parse("I'm 34 years old")).isEmpty();
		assertThat(parse("how much is $120 whitening")).isEmpty();
	}

	@Test
	void givesNothingForATimeAlreadyPastOrRefused() {
		// given Monday 09:00; when the time meant is over, or refused; then nothing
		assertThat(parse("yesterday")).isEmpty();
		assertThat(parse("last friday at 3")).isEmpty();
		assertThat(parse("not tomorrow")).isEmpty();
	}

	@Test
	void turnsTheTimeMeantIntoTheClinicsWindow() {
		// given refusals and alternatives; when parsed; then the window of the time meant
		assertThat(parse("not monday, tuesday")).isEqualTo(between("2025-08-05T08:00", "2025-08-05T18:00"));
		assertThat(parse("tuesday or wednesday after 4")).isEqualTo(between("2025-08-05T08:00", "2025-08-05T18:00"));
		assertThat(parse("anytime after wednesday")).isEqualTo(between("2025-08-07T08:00", "2025-08-20T18:00"));
		assertThat(parse("by thursday")).isEqualTo(between("2025-08-04T09:00", "2025-08-07T18:00"));
	}

	@Test
	void readsSpanishAndFrenchInTheClinicsZone() {
		// given the language and zone of the message; when parsed; then the same windows
		assertThat(DateTimeParser.parse("mañana por la tarde", MONDAY_9AM, java.time.ZoneId.of("Europe/Madrid"), "es"))
			.isEqualTo(between("2025-08-05T12:00", "2025-08-05T17:00"));
		assertThat(DateTimeParser.parse("mardi à 15h", MONDAY_9AM, java.time.ZoneId.of("Europe/Paris"), "fr"))
			.isEqualTo(at("2025-08-05T15:00"));
	}

	static java.util.Optional<TimeExpression> parse(String text) {
		return DateTimeParser.parse(text, MONDAY_9AM);
	}

	static java.util.Optional<TimeExpression> at(String start) {
		return java.util.Optional.of(new TimeExpression.At(LocalDateTime.parse(start)));
	}

	static java.util.Optional<TimeExpression> between(String from, String to) {
		return java.util.Optional.of(new TimeExpression.Between(LocalDateTime.parse(from), LocalDateTime.parse(to)));
	}

}
