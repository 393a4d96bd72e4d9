package io.smiledesk.console;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffRole;
import io.smiledesk.system.FieldCipher;
import io.smiledesk.test.ConsoleStaff;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Finding patients and reading their record in the console. */
@IntegrationTest
class PatientsIntegrationTests {

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
	FieldCipher cipher;

	AppointmentView ana;

	AppointmentView ben;

	@BeforeEach
	void reset() {
		data.reset();
		ana = Bookings.book(booking, "Ana Silva", "ana@example.com", clock.instant().plusSeconds(30 * 60), "filling",
				"dr-maria-lopez");
		ben = Bookings.book(booking, "Ben Ode", "ben@example.com", Instant.parse("2025-08-06T15:00:00Z"),
				"annual_cleaning", "sam-oneill");
	}

	@Test
	void searchesByNameOrEmailAsAPageOrAnHtmxFragment() throws Exception {
		mvc.perform(get("/console/patients").param("q", "silv").with(as(StaffRole.NURSE)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html"), containsString("Ana Silva"),
					containsString("data-patient-id=\"" + ana.patientId() + "\""), not(containsString("Ben Ode")))));
		mvc.perform(get("/console/patients").param("q", "ben@example.com")
			.header("HX-Request", "true")
			.with(as(StaffRole.DENTIST)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(not(containsString("<html")), containsString("id=\"patient-results\""),
					containsString("Ben Ode"), not(containsString("Ana Silva")))));
		mvc.perform(get("/console/patients").param("q", "x".repeat(201)).with(as(StaffRole.NURSE)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(
					allOf(containsString("id=\"q-error\""), containsString("Keep the search under 200 characters."))));
	}

	@Test
	void theProfileShowsContactVisitsTreatmentsAndConversations() throws Exception {
		clock.set(ana.start().plusSeconds(20 * 60));
		booking.complete(ana.id(), null, null);
		AppointmentView next = Bookings.book(booking, "Ana Silva", "ana@example.com",
				Instant.parse("2025-08-12T14:00:00Z"), "annual_cleaning", "sam-oneill");
		UUID conversation = UUID.randomUUID();
		Timestamp at = Timestamp.from(clock.instant());
		data.jdbc()
			.update("insert into conversation (id, channel, status, patient_id, state, message_count, created_at, "
					+ "updated_at, version) values (?, 'WEB', 'HANDOFF_REQUIRED', ?, ?, 3, ?, ?, 0)", conversation,
					ana.patientId(), cipher.encrypt("{}"), at, at);

		mvc.perform(get("/console/patients/{id}", ana.patientId()).with(as(StaffRole.NURSE)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Ana Silva"), containsString("ana@example.com"),
					containsString("data-visit-id=\"" + next.id() + "\""),
					containsString("data-visit-id=\"" + ana.id() + "\""), containsString("completed"),
					containsString("id=\"treatments\""), containsString("2025-08-04"),
					containsString("href=\"/console/handoffs/" + conversation + "\""), not(containsString("Ben Ode")),
					not(containsString("/console/calendar/new?patientId")))));
		mvc.perform(get("/console/patients/{id}", ana.patientId()).with(as(StaffRole.FRONT_DESK)))
			.andExpect(content().string(containsString("/console/calendar/new?patientId=" + ana.patientId())));
	}

	@Test
	void anUnknownOrMalformedPatientIdIsAConsoleErrorPage() throws Exception {
		mvc.perform(get("/console/patients/{id}", UUID.randomUUID()).with(as(StaffRole.NURSE)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("text/html"));
		mvc.perform(get("/console/patients/not-a-uuid").with(as(StaffRole.NURSE)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("text/html"));
	}

	@Test
	void signedOutVisitorsAreSentToSignIn() throws Exception {
		mvc.perform(get("/console/patients/{id}", ben.patientId())).andExpect(status().is3xxRedirection());
	}

	private RequestPostProcessor as(StaffRole role) {
		return ConsoleStaff.signedIn(accounts, clock, role);
	}

}
