package io.smiledesk.console;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.smiledesk.scheduling.AppointmentStatus;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Appointments;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffRole;
import io.smiledesk.test.ConsoleStaff;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Today page: the day per provider, the current-hour panel and its actions, which go
 * through {@code Booking} under the API's role rules.
 */
@IntegrationTest
class TodayIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	TestData data;

	@Autowired
	Booking booking;

	@Autowired
	Appointments appointments;

	/** 08:30 in New York on the test clock's Monday: in the current hour. */
	AppointmentView soon;

	/** 10:00: later today, outside the current hour. */
	AppointmentView later;

	@BeforeEach
	void bookTheDay() {
		data.reset();
		soon = Bookings.book(booking, "Ana Silva", "ana@example.com", clock.instant().plusSeconds(30 * 60), "filling",
				"dr-maria-lopez");
		later = Bookings.book(booking, "Ben Ode", "ben@example.com", clock.instant().plusSeconds(120 * 60),
				"annual_cleaning", "sam-oneill");
	}

	@Test
	void showsTheDayPerProviderAndThePatientsOfTheCurrentHour() throws Exception {
		mvc.perform(get("/console").with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html"), containsString("Monday 4 August 2025"),
					containsString("Dr. Maria Lopez"), containsString("Sam O&#39;Neill"), card(soon), card(later),
					containsString("Ana Silva"), containsString("Filling"), containsString("Annual Cleaning"),
					containsString("data-status=\"booked\""), row(soon), not(row(later)),
					containsString("Around now (07:00\u201309:00)"))));
	}

	@Test
	void otherDaysComeAsAFragmentForHtmxWithoutTheCurrentHour() throws Exception {
		AppointmentView tuesday = Bookings.book(booking, "Cy Young", "cy@example.com",
				Instant.parse("2025-08-05T14:00:00Z"), "filling", "dr-aisha-patel");

		mvc.perform(get("/console").param("date", "2025-08-05").header("HX-Request", "true").with(as(StaffRole.NURSE)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(not(containsString("<html")), containsString("id=\"today-body\""),
					containsString("Tuesday 5 August 2025"), card(tuesday), not(card(soon)),
					not(containsString("id=\"current-hour\"")), containsString("date=2025-08-04"),
					containsString("date=2025-08-06"))));
	}

	@Test
	void aBadDateIsABadRequestWithTheMessageNextToTheField() throws Exception {
		mvc.perform(get("/console").param("date", "2025-13-45").with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("id=\"date-error\""),
					containsString("Enter a date as YYYY-MM-DD."), containsString("value=\"2025-13-45\""))));
	}

	@Test
	void showsOnlyTheButtonsTheRoleMayUse() throws Exception {
		String complete = "/console/appointments/" + soon.id() + "/complete";
		String cancel = "/console/appointments/" + soon.id() + "/cancel";
		mvc.perform(get("/console").with(as(StaffRole.NURSE)))
			.andExpect(content().string(allOf(card(soon), row(soon), not(containsString(complete)),
					not(containsString(cancel)), not(containsString("/console/calendar/new")))));
		mvc.perform(get("/console").with(as(StaffRole.DENTIST)))
			.andExpect(content().string(allOf(containsString(complete), not(containsString(cancel)))));
		mvc.perform(get("/console").with(as(StaffRole.FRONT_DESK)))
			.andExpect(content().string(allOf(containsString(complete), containsString(cancel),
					containsString("/console/appointments/" + soon.id() + "/no-show"),
					containsString("/console/calendar/" + soon.id() + "/reschedule"),
					containsString("/console/calendar/new"))));
	}

	@Test
	void theServerRefusesWhatTheRoleMayNotDo() throws Exception {
		clock.set(soon.start().plusSeconds(15 * 60));
		mvc.perform(post("/console/appointments/{id}/complete", soon.id()).with(csrf()).with(as(StaffRole.NURSE)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/console/appointments/{id}/cancel", soon.id()).with(csrf()).with(as(StaffRole.DENTIST)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/console/appointments/{id}/no-show", soon.id()).with(csrf()).with(as(StaffRole.HYGIENIST)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/console/appointments/{id}/confirm", soon.id()).with(csrf()).with(as(StaffRole.NURSE)))
			.andExpect(status().isForbidden());
		assertThat(statusOf(soon)).isEqualTo(AppointmentStatus.BOOKED);
	}

	@Test
	void completesAVisitFromTheCurrentHourPanel() throws Exception {
		clock.set(soon.start().plusSeconds(15 * 60));

		mvc.perform(post("/console/appointments/{id}/complete", soon.id()).header("HX-Request", "true")
			.with(csrf())
			.with(as(StaffRole.DENTIST)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(not(containsString("<html")), containsString("id=\"current-hour\""),
					containsString("Visit completed"), containsString("hx-swap-oob=\"true\""),
					containsString("data-status=\"completed\""))));

		assertThat(statusOf(soon)).isEqualTo(AppointmentStatus.COMPLETED);
		assertThat(data.count("patient_treatment")).isEqualTo(1);
	}

	@Test
	void aTransitionTheDomainRefusesShowsItsReason() throws Exception {
		mvc.perform(post("/console/appointments/{id}/complete", later.id()).header("HX-Request", "true")
			.with(csrf())
			.with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("An appointment cannot be completed before it starts.")));
		// without htmx: the whole page, same reason
		mvc.perform(post("/console/appointments/{id}/no-show", soon.id()).with(csrf()).with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("<html"),
					containsString("A patient cannot miss an appointment that has not started yet."))));
		mvc.perform(post("/console/appointments/{id}/complete", UUID.randomUUID()).header("HX-Request", "true")
			.with(csrf())
			.with(as(StaffRole.FRONT_DESK))).andExpect(status().isNotFound());
		assertThat(statusOf(later)).isEqualTo(AppointmentStatus.BOOKED);
	}

	@Test
	void cancelsWithAReasonAndMarksNoShowsAndConfirmations() throws Exception {
		mvc.perform(post("/console/appointments/{id}/cancel", later.id()).param("reason", "x".repeat(501))
			.header("HX-Request", "true")
			.with(csrf())
			.with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Keep the reason under 500 characters.")));
		assertThat(statusOf(later)).isEqualTo(AppointmentStatus.BOOKED);

		clock.set(soon.start().plusSeconds(15 * 60));
		mvc.perform(post("/console/appointments/{id}/cancel", later.id()).param("reason", "Feeling unwell")
			.header("HX-Request", "true")
			.with(csrf())
			.with(as(StaffRole.FRONT_DESK))).andExpect(status().isOk()).andExpect(content().string(not(card(later))));
		assertThat(appointments.find(later.id()).orElseThrow().cancelReason()).isEqualTo("Feeling unwell");
		assertThat(statusOf(later)).isEqualTo(AppointmentStatus.CANCELLED);

		mvc.perform(post("/console/appointments/{id}/confirm", soon.id()).header("HX-Request", "true")
			.with(csrf())
			.with(as(StaffRole.OFFICE_MANAGER))).andExpect(status().isOk());
		assertThat(statusOf(soon)).isEqualTo(AppointmentStatus.CONFIRMED);
		mvc.perform(post("/console/appointments/{id}/no-show", soon.id()).with(csrf()).with(as(StaffRole.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Marked as a no-show.")));
		assertThat(statusOf(soon)).isEqualTo(AppointmentStatus.NO_SHOW);
	}

	private AppointmentStatus statusOf(AppointmentView appointment) {
		return appointments.find(appointment.id()).orElseThrow().status();
	}

	private RequestPostProcessor as(StaffRole role) {
		return ConsoleStaff.signedIn(accounts, clock, role);
	}

	static org.hamcrest.Matcher<String> card(AppointmentView appointment) {
		return containsString("data-appointment-id=\"" + appointment.id() + "\"");
	}

	static org.hamcrest.Matcher<String> row(AppointmentView appointment) {
		return containsString("data-row-appointment-id=\"" + appointment.id() + "\"");
	}

}
