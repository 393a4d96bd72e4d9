package io.smiledesk.channel;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProactivePolicyTests {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	final ProactivePolicy policy = new ProactivePolicy(
			new ChannelProperties.Proactive(LocalTime.of(21, 0), LocalTime.of(8, 0), 1, 3), NEW_YORK);

	@Test
	void anOptedOutAddressIsNeverWrittenTo() {
		assertThat(policy.decide(Instant.parse("2025-08-04T15:00:00Z"), true, List.of()))
			.isInstanceOf(ProactivePolicy.Decision.Refuse.class);
	}

	@Test
	void withinTheDayAndUnderTheCapsItSends() {
		assertThat(policy.decide(Instant.parse("2025-08-04T12:00:00Z"), false, List.of()))
			.isInstanceOf(ProactivePolicy.Decision.Send.class);
		assertThat(policy.decide(Instant.parse("2025-08-05T00:59:00Z"), false, List.of()))
			.isInstanceOf(ProactivePolicy.Decision.Send.class);
	}

	@Test
	void quietHoursWaitForTheClinicsMorning() {
		// 21:00 EDT and 07:59 EDT are quiet; both wait for 08:00 EDT (12:00Z)
		assertThat(policy.decide(Instant.parse("2025-08-05T01:00:00Z"), false, List.of()))
			.isEqualTo(new ProactivePolicy.Decision.Defer(Instant.parse("2025-08-05T12:00:00Z"), "quiet-hours"));
		assertThat(policy.decide(Instant.parse("2025-08-05T11:59:00Z"), false, List.of()))
			.isEqualTo(new ProactivePolicy.Decision.Defer(Instant.parse("2025-08-05T12:00:00Z"), "quiet-hours"));
	}

	@Test
	void theMorningIsLocalAcrossBothDaylightSavingChanges() {
		// the night the clocks go forward: 08:00 EDT is 12:00Z, the night before it was
		// 13:00Z
		assertThat(policy.decide(Instant.parse("2025-03-09T03:00:00Z"), false, List.of()))
			.isEqualTo(new ProactivePolicy.Decision.Defer(Instant.parse("2025-03-09T12:00:00Z"), "quiet-hours"));
		// the night they go back: 08:00 EST is 13:00Z
		assertThat(policy.decide(Instant.parse("2025-11-02T03:00:00Z"), false, List.of()))
			.isEqualTo(new ProactivePolicy.Decision.Defer(Instant.parse("2025-11-02T13:00:00Z"), "quiet-hours"));
	}

	@Test
	void oneADayCountsTheClinicsLocalDay() {
		// sent at 20:30 EDT on the 4th; at 21:30Z on the 5th (17:30 EDT) it is another
		// day
		Instant evening = Instant.parse("2025-08-05T00:30:00Z");
		assertThat(policy.decide(Instant.parse("2025-08-05T00:45:00Z"), false, List.of(evening)))
			.isEqualTo(new ProactivePolicy.Decision.Defer(Instant.parse("2025-08-05T12:00:00Z"), "daily-cap"));
		assertThat(policy.decide(Instant.parse("2025-08-05T21:30:00Z"), false, List.of(evening)))
			.isInstanceOf(ProactivePolicy.Decision.Send.class);
	}

	@Test
	void threeAWeekWaitsUntilTheOldestIsAWeekOld() {
		List<Instant> sent = List.of(Instant.parse("2025-08-01T14:00:00Z"), Instant.parse("2025-08-02T14:00:00Z"),
				Instant.parse("2025-08-03T14:00:00Z"));
		assertThat(policy.decide(Instant.parse("2025-08-04T14:00:00Z"), false, sent))
			.isEqualTo(new ProactivePolicy.Decision.Defer(Instant.parse("2025-08-08T14:00:00Z"), "weekly-cap"));
		assertThat(policy.decide(Instant.parse("2025-08-08T14:00:01Z"), false, sent))
			.isInstanceOf(ProactivePolicy.Decision.Send.class);
	}

}
