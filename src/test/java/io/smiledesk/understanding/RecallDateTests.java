package io.smiledesk.understanding;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Book my next cleaning in 6 months" at the end of a visit: the date reader already
 * gives the day six months out, which the booking flow then searches around.
 */
class RecallDateTests {

	static final LocalDateTime MONDAY_9AM = LocalDateTime.of(2025, 8, 4, 9, 0);

	@Test
	void aRecallInSoManyMonthsIsTheSameDayThatManyMonthsLater() {
		assertThat(DateTimeParser.parse("and book my next cleaning in 6 months", MONDAY_9AM))
			.contains(new TimeExpression.Between(LocalDateTime.parse("2026-02-04T08:00"),
					LocalDateTime.parse("2026-02-04T18:00")));
		assertThat(DateTimeParser.parse("book my next check-up in three months", MONDAY_9AM))
			.contains(new TimeExpression.Between(LocalDateTime.parse("2025-11-04T08:00"),
					LocalDateTime.parse("2025-11-04T18:00")));
	}

}
