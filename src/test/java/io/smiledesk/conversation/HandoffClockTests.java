package io.smiledesk.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import io.smiledesk.clinic.ClinicSnapshot;

import static org.assertj.core.api.Assertions.assertThat;

class HandoffClockTests {

	// Monday to Friday 08:00-12:00 and 13:00-17:00, New York
	final ClinicSnapshot clinic = ServiceLevelTests.clinic(List.of());

	// Monday 09:00 EDT
	final Instant requested = Instant.parse("2025-08-04T13:00:00Z");

	@Test
	void anUnclaimedHandoffIsOverdueFromItsServiceLevelOn() {
		assertThat(HandoffClock.overdue(requested, Urgency.NORMAL, false, at(14, 59), clinic)).isFalse();
		assertThat(HandoffClock.overdue(requested, Urgency.NORMAL, false, at(15, 0), clinic)).isTrue();
		assertThat(HandoffClock.overdue(requested, Urgency.URGENT, false, at(1, 59), clinic)).isFalse();
		assertThat(HandoffClock.overdue(requested, Urgency.URGENT, false, at(2, 0), clinic)).isTrue();
	}

	@Test
	void aClaimedHandoffIsNeverOverdue() {
		assertThat(HandoffClock.overdue(requested, Urgency.URGENT, true, at(60, 0), clinic)).isFalse();
		assertThat(HandoffClock.overdue(requested, Urgency.NORMAL, true, at(600, 0), clinic)).isFalse();
	}

	@Test
	void noUrgencyCountsAsNormalAndOpeningHoursApply() {
		// Monday 22:00 EDT: due 08:15 Tuesday, not 22:15
		Instant night = Instant.parse("2025-08-05T02:00:00Z");
		assertThat(HandoffClock.overdue(night, null, false, night.plus(Duration.ofMinutes(15)), clinic)).isFalse();
		assertThat(HandoffClock.overdue(night, null, false, Instant.parse("2025-08-05T12:15:00Z"), clinic)).isTrue();
	}

	@Test
	void aConversationWithoutARequestIsNotOverdue() {
		assertThat(HandoffClock.overdue(null, Urgency.URGENT, false, at(60, 0), clinic)).isFalse();
	}

	private Instant at(int minutes, int seconds) {
		return requested.plus(Duration.ofMinutes(minutes)).plusSeconds(seconds);
	}

}
