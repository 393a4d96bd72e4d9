package io.smiledesk.console;

import java.time.Instant;
import java.util.Map;
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

import static io.smiledesk.console.TodayIntegrationTests.card;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The week calendar, the manual booking form with live availability, and moving an
 * appointment: all through {@code Availability} and {@code Booking}, as the API does.
 */
@IntegrationTest
class CalendarIntegrationTests {

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

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void theWeekShowsSevenDaysOfCardsForAllProvidersOrOne() throws Exception {
		AppointmentView monday = Bookings.book(booking, "Ana Silva", "ana@example.com",
				Instant.parse("2025-08-04T14:00:00Z"), "filling", "dr-maria-lopez");
		AppointmentView wednesday = Bookings.book(booking, "Ben Ode", "ben@example.com",
				Instant.parse("2025-08-06T15:00:00Z"), "annual_cleaning", "sam-oneill");

		mvc.perform(get("/console/calendar").param("week", "2025-08-06").with(as(StaffRole.HYGIENIST)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html"), containsString("Week of 4 August 2025"),
					card(monday), card(wednesday), containsString("data-column=\"2025-08-04\""),
					containsString("data-column=\"2025-08-10\""), containsString("week=2025-07-28"),
					containsString("week=2025-08-11"), not(containsString("href=\"/console/calendar/new\"")))));
		mvc.perform(get("/console/calendar").param("week", "2025-08-06")
			.param("provider", "sam-oneill")
			.header("HX-Request", "true")
			.with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(not(containsString("<html")), containsString("id=\"week-body\""),
					card(wednesday), not(card(monday)), containsString("href=\"/console/calendar/new\""))));
	}

	@Test
	void aBadWeekOrProviderIsABadRequestWithTheMessageNextToTheField() throws Exception {
		mvc.perform(get("/console/calendar").param("week", "next tuesday").with(as(StaffRole.NURSE)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("id=\"week-error\""),
					containsString("Enter a date as YYYY-MM-DD."), containsString("value=\"next tuesday\""))));
		mvc.perform(get("/console/calendar").param("provider", "dr-nobody").with(as(StaffRole.NURSE)))
			.andExpect(status().isBadRequest())
			.andExpect(content()
				.string(allOf(containsString("id=\"provider-error\""), containsString("There is no such provider."))));
	}

	@Test
	void onlyTheFrontOfficeBooksAndMoves() throws Exception {
		AppointmentView booked = Bookings.book(booking, "Ana Silva", "ana@example.com",
				Instant.parse("2025-08-05T14:00:00Z"), "filling", "dr-aisha-patel");
		mvc.perform(get("/console/calendar/new").with(as(StaffRole.NURSE))).andExpect(status().isForbidden());
		mvc.perform(get("/console/calendar/slots").with(as(StaffRole.DENTIST))).andExpect(status().isForbidden());
		mvc.perform(get("/console/calendar/patients").with(as(StaffRole.HYGIENIST))).andExpect(status().isForbidden());
		mvc.perform(post("/console/calendar/new").param("name", "Eve Ross")
			.param("email", "eve@example.com")
			.param("service", "filling")
			.param("date", "2025-08-05")
			.param("slot", "2025-08-05T15:00:00Z|dr-aisha-patel")
			.with(csrf())
			.with(as(StaffRole.DENTIST))).andExpect(status().isForbidden());
		mvc.perform(get("/console/calendar/{id}/reschedule", booked.id()).with(as(StaffRole.NURSE)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/console/calendar/{id}/reschedule", booked.id()).param("date", "2025-08-05")
			.param("slot", "2025-08-05T15:00:00Z|dr-aisha-patel")
			.with(csrf())
			.with(as(StaffRole.HYGIENIST))).andExpect(status().isForbidden());
		assertThat(data.count("appointment")).isEqualTo(1);
		assertThat(appointments.find(booked.id()).orElseThrow().start()).isEqualTo(booked.start());
	}

	@Test
	void theFormOffersTheFreeTimesStaffMayBook() throws Exception {
		Bookings.book(booking, "Ana Silva", "ana@example.com", Instant.parse("2025-08-04T13:00:00Z"), "filling",
				"dr-maria-lopez");

		mvc.perform(get("/console/calendar/new").param("date", "2025-08-04").with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html"), containsString("id=\"booking-form\""),
					containsString("Choose a service and a date to see the free times."))));
		mvc.perform(get("/console/calendar/slots").param("service", "filling")
			.param("provider", "dr-maria-lopez")
			.param("date", "2025-08-04")
			.header("HX-Request", "true")
			.with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(not(containsString("<html")), containsString("id=\"slot-options\""),
					// 08:00 is too soon for a patient, not for the front desk
					containsString("value=\"2025-08-04T12:00:00Z|dr-maria-lopez\""),
					// 09:00 is taken
					not(containsString("value=\"2025-08-04T13:00:00Z|dr-maria-lopez\"")),
					not(containsString("|sam-oneill\"")))));
	}

	@Test
	void booksAnExistingPatientFoundByTheTypeahead() throws Exception {
		AppointmentView earlier = Bookings.book(booking, "Ana Silva", "ana@example.com",
				Instant.parse("2025-08-04T13:00:00Z"), "filling", "dr-maria-lopez");

		mvc.perform(get("/console/calendar/patients").param("q", "silva")
			.header("HX-Request", "true")
			.with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"patient-options\""),
					containsString("value=\"" + earlier.patientId() + "\""), containsString("Ana Silva"))));
		mvc.perform(get("/console/calendar/patients").param("q", "nobody-like-this")
			.header("HX-Request", "true")
			.with(as(StaffRole.FRONT_DESK))).andExpect(content().string(containsString("No patient found")));

		mvc.perform(post("/console/calendar/new").param("patientId", earlier.patientId().toString())
			.param("service", "teeth_whitening")
			.param("provider", "")
			.param("date", "2025-08-05")
			.param("slot", "2025-08-05T14:00:00Z|dr-aisha-patel")
			.param("notes", "Shade check")
			.with(csrf())
			.with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/console?date=2025-08-05"))
			.andExpect(flash().attributeExists("booked"));

		Map<String, Object> row = data.jdbc()
			.queryForMap("select * from appointment where service_id = 'teeth_whitening'");
		assertThat(row.get("created_from") != null ? row.get("created_from") : row.get("CREATED_FROM"))
			.isEqualTo("MANUAL_ADMIN");
		assertThat(String.valueOf(row.get("patient_id") != null ? row.get("patient_id") : row.get("PATIENT_ID")))
			.isEqualTo(earlier.patientId().toString());
		assertThat(data.count("patient")).isEqualTo(1);
	}

	@Test
	void booksANewPatientAndShowsTheCardOnTheDay() throws Exception {
		mvc.perform(post("/console/calendar/new").param("patientId", "")
			.param("name", "Eve Ross")
			.param("email", "eve@example.com")
			.param("phone", "")
			.param("service", "filling")
			.param("date", "2025-08-04")
			.param("slot", "2025-08-04T12:30:00Z|dr-maria-lopez")
			.with(csrf())
			.with(as(StaffRole.OFFICE_MANAGER)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/console?date=2025-08-04"));

		AppointmentView created = appointments
			.between(Instant.parse("2025-08-04T00:00:00Z"), Instant.parse("2025-08-05T00:00:00Z"),
					java.util.Optional.empty(), java.util.Optional.empty(), java.util.Set.of())
			.get(0);
		mvc.perform(get("/console").with(as(StaffRole.NURSE)))
			.andExpect(content().string(allOf(card(created), containsString("Eve Ross"))));
	}

	@Test
	void anInvalidFormComesBackWithMessagesNextToTheFieldsAndTheTypedInput() throws Exception {
		mvc.perform(post("/console/calendar/new").param("name", "")
			.param("email", "not-an-email")
			.param("service", "")
			.param("date", "2025-02-30")
			.param("notes", "Typed notes stay")
			.with(csrf())
			.with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("Please correct the fields marked below."),
					containsString("id=\"name-error\""), containsString("Enter the new patient&#39;s name"),
					containsString("id=\"email-error\""), containsString("This is not a valid email address."),
					containsString("value=\"not-an-email\""), containsString("id=\"service-error\""),
					containsString("Choose a service."), containsString("id=\"date-error\""),
					containsString("value=\"2025-02-30\""), containsString("id=\"slot-error\""),
					containsString("Choose a free time."), containsString("Typed notes stay"))));
		mvc.perform(post("/console/calendar/new").param("patientId", UUID.randomUUID().toString())
			.param("service", "filling")
			.param("date", "2025-08-04")
			.param("slot", "2025-08-04T12:30:00Z|dr-nobody")
			.with(csrf())
			.with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("That patient no longer exists"),
					containsString("That time is not one of the offered times"))));
		assertThat(data.count("appointment")).isZero();
		assertThat(data.count("patient")).isZero();
	}

	@Test
	void aTimeTakenMeanwhileShowsTheReasonAndFreshTimes() throws Exception {
		Bookings.book(booking, "Ana Silva", "ana@example.com", Instant.parse("2025-08-04T14:00:00Z"), "filling",
				"dr-maria-lopez");

		mvc.perform(post("/console/calendar/new").param("name", "Eve Ross")
			.param("phone", "973-555-0150")
			.param("service", "filling")
			.param("provider", "dr-maria-lopez")
			.param("date", "2025-08-04")
			.param("slot", "2025-08-04T14:00:00Z|dr-maria-lopez")
			.with(csrf())
			.with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isConflict())
			.andExpect(content()
				.string(allOf(containsString("That time is already taken."), containsString("value=\"Eve Ross\""),
						not(containsString("value=\"2025-08-04T14:00:00Z|dr-maria-lopez\"")),
						containsString("value=\"2025-08-04T15:00:00Z|dr-maria-lopez\""))));
		assertThat(data.count("appointment")).isEqualTo(1);
	}

	@Test
	void movesAnAppointmentOrShowsWhyNot() throws Exception {
		AppointmentView booked = Bookings.book(booking, "Ana Silva", "ana@example.com",
				Instant.parse("2025-08-04T12:30:00Z"), "filling", "dr-maria-lopez");

		mvc.perform(get("/console/calendar/{id}/reschedule", booked.id()).with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"reschedule-form\""),
					containsString("value=\"2025-08-04T15:00:00Z|dr-maria-lopez\""))));
		mvc.perform(get("/console/calendar/{id}/reschedule", UUID.randomUUID()).with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/console/calendar/{id}/reschedule", booked.id()).param("date", "2025-08-04")
			.param("slot", "")
			.with(csrf())
			.with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose a free time.")));

		mvc.perform(post("/console/calendar/{id}/reschedule", booked.id()).param("provider", "dr-maria-lopez")
			.param("date", "2025-08-04")
			.param("slot", "2025-08-04T15:00:00Z|dr-maria-lopez")
			.with(csrf())
			.with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/console?date=2025-08-04"));
		assertThat(appointments.find(booked.id()).orElseThrow().start())
			.isEqualTo(Instant.parse("2025-08-04T15:00:00Z"));

		booking.cancel(booked.id(), null, Booking.Actor.staff());
		mvc.perform(post("/console/calendar/{id}/reschedule", booked.id()).param("date", "2025-08-05")
			.param("slot", "2025-08-05T14:00:00Z|dr-aisha-patel")
			.with(csrf())
			.with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("The appointment is cancelled and cannot be rescheduled.")));
		assertThat(appointments.find(booked.id()).orElseThrow().status()).isEqualTo(AppointmentStatus.CANCELLED);
	}

	@Test
	void theRescheduleFormCountsTheAppointmentsOwnTimeAsFree() throws Exception {
		AppointmentView booked = Bookings.book(booking, "Ana Silva", "ana@example.com",
				Instant.parse("2025-08-04T12:30:00Z"), "filling", "dr-maria-lopez");
		String fifteenMinutesLater = "value=\"2025-08-04T12:45:00Z|dr-maria-lopez\"";

		mvc.perform(get("/console/calendar/{id}/reschedule", booked.id()).with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("name=\"moving\" value=\"" + booked.id() + "\""),
					containsString(fifteenMinutesLater))));
		mvc.perform(get("/console/calendar/slots").param("service", "filling")
			.param("provider", "dr-maria-lopez")
			.param("date", "2025-08-04")
			.param("moving", booked.id().toString())
			.header("HX-Request", "true")
			.with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(fifteenMinutesLater)));
		// the booking form, or a moving id that is not a UUID, sees the time as taken
		mvc.perform(get("/console/calendar/slots").param("service", "filling")
			.param("provider", "dr-maria-lopez")
			.param("date", "2025-08-04")
			.param("moving", "not-an-id")
			.header("HX-Request", "true")
			.with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(fifteenMinutesLater))));

		mvc.perform(post("/console/calendar/{id}/reschedule", booked.id()).param("provider", "dr-maria-lopez")
			.param("date", "2025-08-04")
			.param("slot", "2025-08-04T12:45:00Z|dr-maria-lopez")
			.with(csrf())
			.with(as(StaffRole.FRONT_DESK))).andExpect(status().isFound());
		assertThat(appointments.find(booked.id()).orElseThrow().start())
			.isEqualTo(Instant.parse("2025-08-04T12:45:00Z"));
	}

	private RequestPostProcessor as(StaffRole role) {
		return ConsoleStaff.signedIn(accounts, clock, role);
	}

}
