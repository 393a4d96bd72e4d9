package io.smiledesk.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When reminders fall due, in the clinic's time zone: day offsets keep the wall-clock
 * time across both changes of clocks, hour offsets are elapsed time.
 */
class ReminderPlanTests {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static Instant local(String dateTime) {
		return LocalDateTime.parse(dateTime).atZone(NEW_YORK).toInstant();
	}

	@Test
	void dayOffsetsKeepTheClinicTimeAcrossTheSpringChange() {
		// clocks go forward on Sunday 9 March 2025
		Instant visit = local("2025-03-11T10:00");
		ReminderRule week = new ReminderRule("7d", Duration.ofDays(7), true, true);
		ReminderRule twoDays = new ReminderRule("2d", Duration.ofDays(2), true, true);
		ReminderRule twoHours = new ReminderRule("2h", Duration.ofHours(2), false, true);
		assertThat(week.dueFor(visit, NEW_YORK)).isEqualTo(local("2025-03-04T10:00"))
			.isEqualTo(Instant.parse("2025-03-04T15:00:00Z"));
		assertThat(twoDays.dueFor(visit, NEW_YORK)).isEqualTo(Instant.parse("2025-03-09T14:00:00Z"));
		assertThat(twoHours.dueFor(visit, NEW_YORK)).isEqualTo(Instant.parse("2025-03-11T12:00:00Z"));
		// 7 days on the clinic's calendar are 167 hours that week, not 168
		assertThat(Duration.between(week.dueFor(visit, NEW_YORK), visit)).isEqualTo(Duration.ofHours(167));
	}

	@Test
	void dayOffsetsKeepTheClinicTimeAcrossTheAutumnChange() {
		// clocks go back on Sunday 2 November 2025
		Instant visit = local("2025-11-04T09:30");
		assertThat(new ReminderRule("7d", Duration.ofDays(7), true, true).dueFor(visit, NEW_YORK))
			.isEqualTo(local("2025-10-28T09:30"))
			.isEqualTo(Instant.parse("2025-10-28T13:30:00Z"));
		assertThat(new ReminderRule("2d", Duration.ofDays(2), true, true).dueFor(visit, NEW_YORK))
			.isEqualTo(Instant.parse("2025-11-02T14:30:00Z"));
		// an hour offset on the night of the change is elapsed time: 01:30 comes twice
		Instant early = local("2025-11-02T03:00");
		assertThat(new ReminderRule("2h", Duration.ofHours(2), false, true).dueFor(early, NEW_YORK))
			.isEqualTo(Instant.parse("2025-11-02T06:00:00Z"));
	}

	@Test
	void theDueReminderNearestTheVisitGoesAndEarlierOnesArePassedOver() {
		Instant visit = local("2025-08-12T10:00");
		Instant booked = local("2025-07-01T10:00");
		// the job was down for a week: the 7-day and 2-day reminders are both due
		ReminderPlan.Decision decision = ReminderPlan.decide(ReminderSettings.DEFAULTS, visit, booked,
				local("2025-08-10T11:00"), NEW_YORK, Set.of());
		assertThat(decision.send()).hasValueSatisfying(due -> assertThat(due.rule().code()).isEqualTo("2d"));
		assertThat(decision.skipped()).extracting(skip -> skip.due().rule().code(), ReminderPlan.Skip::reason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("7d", "a later reminder went instead"));
	}

	@Test
	void nothingBeforeItsTimeNothingTwiceAndNothingOnceTheVisitHasBegun() {
		Instant visit = local("2025-08-12T10:00");
		Instant booked = local("2025-07-01T10:00");
		assertThat(ReminderPlan
			.decide(ReminderSettings.DEFAULTS, visit, booked, local("2025-08-05T09:59"), NEW_YORK, Set.of())
			.send()).isEmpty();
		assertThat(ReminderPlan
			.decide(ReminderSettings.DEFAULTS, visit, booked, local("2025-08-05T10:00"), NEW_YORK, Set.of())
			.send()).hasValueSatisfying(due -> assertThat(due.rule().code()).isEqualTo("7d"));
		assertThat(ReminderPlan
			.decide(ReminderSettings.DEFAULTS, visit, booked, local("2025-08-06T10:00"), NEW_YORK, Set.of("7d"))
			.send()).isEmpty();
		ReminderPlan.Decision late = ReminderPlan.decide(ReminderSettings.DEFAULTS, visit, booked,
				local("2025-08-12T10:00"), NEW_YORK, Set.of("7d", "2d"));
		assertThat(late.send()).isEmpty();
		assertThat(late.skipped()).extracting(ReminderPlan.Skip::reason).containsExactly("the visit has begun");
	}

	@Test
	void aVisitBookedShortlyBeforeAReminderWasDueSkipsIt() {
		Instant visit = local("2025-08-12T10:00");
		// booked on the Sunday evening, 14 hours before nothing: the 2-day reminder was
		// due at 10:00 that morning
		ReminderPlan.Decision decision = ReminderPlan.decide(ReminderSettings.DEFAULTS, visit,
				local("2025-08-10T18:00"), local("2025-08-10T18:05"), NEW_YORK, Set.of());
		assertThat(decision.send()).isEmpty();
		assertThat(decision.skipped()).extracting(skip -> skip.due().rule().code())
			.containsExactlyInAnyOrder("7d", "2d");
		// booked 13 hours before the 2-hour reminder is due: outside the 12-hour window
		assertThat(ReminderPlan
			.decide(ReminderSettings.DEFAULTS, visit, local("2025-08-11T19:00"), local("2025-08-12T08:00"), NEW_YORK,
					Set.of("7d", "2d"))
			.send()).hasValueSatisfying(due -> assertThat(due.rule().code()).isEqualTo("2h"));
	}

	@Test
	void aDisabledRuleSendsNothing() {
		ReminderSettings settings = new ReminderSettings(
				List.of(new ReminderRule("2d", Duration.ofDays(2), true, false)), ReminderSettings.DEFAULTS.channels(),
				Duration.ZERO, false);
		assertThat(ReminderPlan
			.decide(settings, local("2025-08-12T10:00"), local("2025-07-01T10:00"), local("2025-08-11T10:00"), NEW_YORK,
					Set.of())
			.send()).isEmpty();
	}

	@Test
	void settingsThatCannotWorkAreRefusedNamingThePart() {
		assertThatThrownBy(() -> new ReminderRule("Week!", Duration.ofDays(7), true, true)).isInstanceOfSatisfying(
				InvalidReminderSettings.class,
				ex -> assertThat(ex.part()).isEqualTo(InvalidReminderSettings.Part.RULE));
		assertThatThrownBy(() -> new ReminderRule("late", Duration.ofMinutes(-5), true, true))
			.isInstanceOf(InvalidReminderSettings.class);
		assertThatThrownBy(() -> new ReminderSettings(
				List.of(new ReminderRule("a", Duration.ofDays(1), true, true),
						new ReminderRule("a", Duration.ofDays(2), true, true)),
				List.of(ReminderChannel.SMS), Duration.ZERO, false))
			.isInstanceOfSatisfying(InvalidReminderSettings.class,
					ex -> assertThat(ex.part()).isEqualTo(InvalidReminderSettings.Part.RULES));
		assertThatThrownBy(() -> new ReminderSettings(List.of(), List.of(ReminderChannel.SMS, ReminderChannel.SMS),
				Duration.ZERO, false))
			.isInstanceOfSatisfying(InvalidReminderSettings.class,
					ex -> assertThat(ex.part()).isEqualTo(InvalidReminderSettings.Part.CHANNELS));
		assertThatThrownBy(
				() -> new ReminderSettings(List.of(), List.of(ReminderChannel.SMS), Duration.ofDays(8), false))
			.isInstanceOfSatisfying(InvalidReminderSettings.class,
					ex -> assertThat(ex.part()).isEqualTo(InvalidReminderSettings.Part.BOOKED_WITHIN));
	}

}
