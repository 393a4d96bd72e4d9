package io.smiledesk.conversation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import io.smiledesk.clinic.BookingRules;
import io.smiledesk.clinic.ClinicProfile;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ClosureDays;
import io.smiledesk.clinic.TimeRange;
import io.smiledesk.clinic.WeeklyHours;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceLevelTests {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	// Monday to Friday 08:00-12:00 and 13:00-17:00; a closure on Friday 8 August 2025
	final ClinicSnapshot clinic = clinic(List
		.of(new ClosureDays(UUID.randomUUID(), LocalDate.of(2025, 8, 8), LocalDate.of(2025, 8, 8), "Staff training")));

	@Test
	void anUrgentHandoffIsDueInTwoMinutesWhenever() {
		Instant sunday = Instant.parse("2025-08-03T03:00:00Z");
		assertThat(ServiceLevel.due(sunday, Urgency.URGENT, clinic)).isEqualTo(Instant.parse("2025-08-03T03:02:00Z"));
	}

	@Test
	void anotherIsDueAQuarterOfAnHourOfOpeningTimeLater() {
		// Monday 09:00 EDT
		assertThat(ServiceLevel.due(Instant.parse("2025-08-04T13:00:00Z"), Urgency.NORMAL, clinic))
			.isEqualTo(Instant.parse("2025-08-04T13:15:00Z"));
	}

	@Test
	void theClockStopsOverLunchAndOvernight() {
		// 11:50 EDT: 10 minutes before lunch, 5 after it
		assertThat(ServiceLevel.due(Instant.parse("2025-08-04T15:50:00Z"), Urgency.NORMAL, clinic))
			.isEqualTo(Instant.parse("2025-08-04T17:05:00Z"));
		// 22:00 EDT Monday: due at 08:15 Tuesday
		assertThat(ServiceLevel.due(Instant.parse("2025-08-05T02:00:00Z"), Urgency.NORMAL, clinic))
			.isEqualTo(Instant.parse("2025-08-05T12:15:00Z"));
	}

	@Test
	void aClosedDayAndTheWeekendAreSkipped() {
		// Thursday 16:55 EDT: 5 minutes, then Friday is closed, the weekend too, 10
		// minutes on Monday
		assertThat(ServiceLevel.due(Instant.parse("2025-08-07T20:55:00Z"), Urgency.NORMAL, clinic))
			.isEqualTo(Instant.parse("2025-08-11T12:10:00Z"));
	}

	static ClinicSnapshot clinic(List<ClosureDays> closures) {
		List<TimeRange> day = List.of(TimeRange.of("08:00", "12:00"), TimeRange.of("13:00", "17:00"));
		WeeklyHours hours = new WeeklyHours(Map.of(DayOfWeek.MONDAY, day, DayOfWeek.TUESDAY, day, DayOfWeek.WEDNESDAY,
				day, DayOfWeek.THURSDAY, day, DayOfWeek.FRIDAY, day));
		ClinicProfile profile = new ClinicProfile("Test Dental",
				new ClinicProfile.Address("1 Main St", "Newark", "NJ", "07102", "US"), "+19735550100", null, null, null,
				NEW_YORK, "USD");
		return new ClinicSnapshot(profile, new BookingRules(60, 90, 15, 24, 5), hours, closures, List.of(), List.of(),
				List.of());
	}

}
