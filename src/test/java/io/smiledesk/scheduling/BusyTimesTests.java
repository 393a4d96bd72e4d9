package io.smiledesk.scheduling;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BusyTimesTests {

	private static final Instant T = Instant.parse("2025-08-06T14:00:00Z");

	@Test
	void touchingIntervalsDoNotOverlap() {
		BusyTimes busy = BusyTimes.builder().add("P:ana", at(0), at(60)).build();

		assertThat(busy.isFree("P:ana", T.minusSeconds(3600), T)).isTrue();
		assertThat(busy.isFree("P:ana", T.plusSeconds(3600), T.plusSeconds(7200))).isTrue();
		assertThat(busy.isFree("P:ana", T.plusSeconds(3540), T.plusSeconds(3660))).isFalse();
		assertThat(busy.isFree("P:ana", T.minusSeconds(60), T.plusSeconds(60))).isFalse();
	}

	@Test
	void findsALongIntervalBehindShortLaterOnes() {
		// a long interval that started first still covers a window after several short
		// ones
		BusyTimes busy = BusyTimes.builder()
			.add("O:1", at(0), at(240))
			.add("O:1", at(10), at(20))
			.add("O:1", at(30), at(40))
			.build();

		assertThat(busy.isFree("O:1", T.plusSeconds(200 * 60), T.plusSeconds(210 * 60))).isFalse();
		assertThat(busy.isFree("O:1", T.plusSeconds(240 * 60), T.plusSeconds(250 * 60))).isTrue();
		assertThat(busy.isFree("O:2", T, T.plusSeconds(60))).isTrue();
	}

	private static long at(int minutes) {
		return T.getEpochSecond() + minutes * 60L;
	}

}
