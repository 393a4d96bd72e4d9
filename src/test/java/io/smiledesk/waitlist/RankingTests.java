package io.smiledesk.waitlist;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RankingTests {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final Instant NOW = Instant.parse("2025-08-04T13:30:00Z");

	/** Tuesday 5 August, 10:00 in New York. */
	static final Instant START = Instant.parse("2025-08-05T14:00:00Z");

	final Ranking ranking = new Ranking(NEW_YORK, Duration.ofHours(2));

	@Test
	void longestWaitingComesFirst() {
		Ranking.Candidate newer = candidate(NOW.minus(Duration.ofDays(1)), null);
		Ranking.Candidate older = candidate(NOW.minus(Duration.ofDays(9)), null);
		assertThat(ranking.rank(START, NOW, List.of(newer, older), any -> true)).containsExactly(older, newer);
	}

	@Test
	void whoeverWasOfferedATimeRecentlyWaitsBehindTheRest() {
		Ranking.Candidate offeredJustNow = candidate(NOW.minus(Duration.ofDays(9)), NOW.minus(Duration.ofMinutes(30)));
		Ranking.Candidate offeredLongAgo = candidate(NOW.minus(Duration.ofDays(5)), NOW.minus(Duration.ofHours(5)));
		Ranking.Candidate never = candidate(NOW.minus(Duration.ofDays(1)), null);
		assertThat(ranking.rank(START, NOW, List.of(offeredJustNow, never, offeredLongAgo), any -> true))
			.containsExactly(offeredLongAgo, never, offeredJustNow);
	}

	@Test
	void onlyEntriesWhoseWindowHoldsTheTime() {
		Ranking.Candidate afternoons = new Ranking.Candidate(UUID.randomUUID(), "s", LocalDate.of(2025, 8, 4),
				LocalDate.of(2025, 8, 8), EnumSet.of(PartOfDay.AFTERNOON), NOW.plus(Duration.ofDays(9)), NOW, null,
				false, null);
		Ranking.Candidate tooLate = new Ranking.Candidate(UUID.randomUUID(), "s", LocalDate.of(2025, 8, 6),
				LocalDate.of(2025, 8, 8), EnumSet.allOf(PartOfDay.class), NOW.plus(Duration.ofDays(9)), NOW, null,
				false, null);
		Ranking.Candidate lapsed = new Ranking.Candidate(UUID.randomUUID(), "s", LocalDate.of(2025, 8, 4),
				LocalDate.of(2025, 8, 8), EnumSet.allOf(PartOfDay.class), NOW, NOW, null, false, null);
		Ranking.Candidate fits = candidate(NOW, null);
		assertThat(ranking.rank(START, NOW, List.of(afternoons, tooLate, lapsed, fits), any -> true))
			.containsExactly(fits);
	}

	@Test
	void aMoveMustBeEarlierThanTheAppointmentItMoves() {
		Ranking.Candidate later = moving(START.minus(Duration.ofHours(1)));
		Ranking.Candidate earlier = moving(START.plus(Duration.ofDays(2)));
		Ranking.Candidate closed = moving(null);
		assertThat(ranking.rank(START, NOW, List.of(later, earlier, closed), any -> true)).containsExactly(earlier);
	}

	@Test
	void entriesWhoseServiceDoesNotFitAreLeftOut() {
		Ranking.Candidate whitening = candidate(NOW.minus(Duration.ofDays(3)), null);
		Ranking.Candidate cleaning = candidate(NOW.minus(Duration.ofDays(1)), null);
		assertThat(ranking.rank(START, NOW, List.of(whitening, cleaning), candidate -> candidate == cleaning))
			.containsExactly(cleaning);
	}

	@Test
	void partsOfDayFollowTheClinicsClock() {
		assertThat(PartOfDay.of(java.time.LocalTime.of(11, 59))).isEqualTo(PartOfDay.MORNING);
		assertThat(PartOfDay.of(java.time.LocalTime.NOON)).isEqualTo(PartOfDay.AFTERNOON);
		assertThat(PartOfDay.of(java.time.LocalTime.of(17, 0))).isEqualTo(PartOfDay.EVENING);
		// 10:00 in New York is 14:00 UTC: a morning entry matches it
		Ranking.Candidate mornings = new Ranking.Candidate(UUID.randomUUID(), "s", LocalDate.of(2025, 8, 4),
				LocalDate.of(2025, 8, 8), Set.of(PartOfDay.MORNING), NOW.plus(Duration.ofDays(9)), NOW, null, false,
				null);
		assertThat(ranking.rank(START, NOW, List.of(mornings), any -> true)).containsExactly(mornings);
	}

	@Test
	void repliesAreReadAsYesNoOrSomethingElse() {
		assertThat(OfferReplies.read("Yes please!")).isEqualTo(OfferReplies.Answer.YES);
		assertThat(OfferReplies.read("1")).isEqualTo(OfferReplies.Answer.YES);
		assertThat(OfferReplies.read("ok")).isEqualTo(OfferReplies.Answer.YES);
		assertThat(OfferReplies.read("No thanks")).isEqualTo(OfferReplies.Answer.NO);
		assertThat(OfferReplies.read("2")).isEqualTo(OfferReplies.Answer.NO);
		assertThat(OfferReplies.read("not this time")).isEqualTo(OfferReplies.Answer.NO);
		assertThat(OfferReplies.read("what time is it again?")).isEqualTo(OfferReplies.Answer.OTHER);
		assertThat(OfferReplies.read("yesterday I called")).isEqualTo(OfferReplies.Answer.OTHER);
	}

	static Ranking.Candidate candidate(Instant created, Instant lastOffered) {
		return new Ranking.Candidate(UUID.randomUUID(), "annual_cleaning", LocalDate.of(2025, 8, 4),
				LocalDate.of(2025, 8, 8), EnumSet.allOf(PartOfDay.class), NOW.plus(Duration.ofDays(9)), created,
				lastOffered, false, null);
	}

	static Ranking.Candidate moving(Instant appointmentStart) {
		return new Ranking.Candidate(UUID.randomUUID(), "annual_cleaning", LocalDate.of(2025, 8, 4),
				LocalDate.of(2025, 8, 8), EnumSet.allOf(PartOfDay.class), NOW.plus(Duration.ofDays(9)), NOW, null, true,
				appointmentStart);
	}

}
