package io.smiledesk.assistant;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AppointmentReferenceTests {

	@Test
	void theDayBeforeOrAfterTheAppointmentNamesIt() {
		// given "my tuesday appointment ... to friday"; then Tuesday names the
		// appointment
		String text = "move my tuesday appointment to friday the 15th in the morning pls";
		AppointmentReference.Day day = AppointmentReference.in(text).orElseThrow();

		assertThat(day.weekday()).isEqualTo(DayOfWeek.TUESDAY);
		assertThat(AppointmentReference.without(text, day)).doesNotContainIgnoringCase("tuesday")
			.contains("friday the 15th in the morning");
		assertThat(AppointmentReference.in("I have an appointment on the 14th at 11 that I need to change"))
			.hasValueSatisfying(named -> assertThat(named.matches(LocalDate.of(2025, 8, 14))).isTrue());
		assertThat(AppointmentReference.in("quiero cambiar mi cita del jueves"))
			.hasValueSatisfying(named -> assertThat(named.weekday()).isEqualTo(DayOfWeek.THURSDAY));
	}

	@Test
	void aDayWantedIsNoReference() {
		assertThat(AppointmentReference.in("can I move my cleaning to friday")).isEmpty();
		assertThat(AppointmentReference.in("I'd like an appointment next tuesday")).isEmpty();
		assertThat(AppointmentReference.in(null)).isEmpty();
	}

}
