package io.smiledesk.waitlist;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffRole;
import io.smiledesk.test.ConsoleStaff;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.smiledesk.waitlist.WaitlistFixtures.MORNING;
import static io.smiledesk.waitlist.WaitlistFixtures.TUESDAY_TEN;
import static io.smiledesk.waitlist.WaitlistFixtures.mornings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's waitlist page: the front office sees who waits and the offers made for
 * each freed time, puts patients on the list (bad input shown on its field, nothing
 * written) and takes them off; clinicians are refused.
 */
@IntegrationTest
class WaitlistConsoleIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Patients patients;

	@Autowired
	Booking booking;

	@Autowired
	Waitlist waitlist;

	WaitlistFixtures fixtures;

	@BeforeEach
	void reset() {
		data.reset();
		clock.set(MORNING);
		fixtures = new WaitlistFixtures(patients, booking, waitlist, data);
	}

	@Test
	void showsTheWaitingEntriesAndEachFreedTimeWithItsOffers() throws Exception {
		PatientId ben = fixtures.patient("Ben Waiting", "+12015550102");
		fixtures.wait(ben, "Annual Cleaning", mornings(), null);
		fixtures.cancel(fixtures.cleaning("Ann Able", "+12015550101", TUESDAY_TEN));

		String page = body(get("/console/waitlist").param("from", "2025-08-04").param("to", "2025-08-08"),
				StaffRole.FRONT_DESK);

		assertThat(page).contains("id=\"waitlist-entries\"", "Ben Waiting", "Annual Cleaning",
				"Mon 4 Aug – Fri 8 Aug 2025", "morning", "a new visit", "href=\"/console/waitlist\"");
		// the freed Tuesday 10:00 (New York) and the pending offer sent for it
		assertThat(page).contains("Tue 5 Aug 10:00", "Freed by a cancellation on 4 Aug 09:30",
				"data-status=\"PENDING\"", "being offered");
		// days without that time: no freed times
		assertThat(body(get("/console/waitlist").param("from", "2025-08-06").param("to", "2025-08-08"),
				StaffRole.OFFICE_MANAGER))
			.contains("No time came free in these days.")
			.doesNotContain("data-status=\"PENDING\"");
	}

	@Test
	void aRangeThatCannotBeShownIsExplained() throws Exception {
		for (String[] range : new String[][] { { "2025-08-08", "2025-08-04" }, { "2025-01-01", "2025-08-04" },
				{ "soon", "2025-08-04" } }) {
			mvc.perform(get("/console/waitlist").param("from", range[0])
				.param("to", range[1])
				.with(as(StaffRole.FRONT_DESK)))
				.andExpect(status().isBadRequest())
				.andExpect(result -> assertThat(result.getResponse().getContentAsString())
					.contains("id=\"waitlist-range-problem\""));
		}
	}

	@Test
	void theFormPutsAPatientOnTheList() throws Exception {
		mvc.perform(join("Cara New", "cara@example.com", "Annual Cleaning", "2025-08-04", "2025-08-08")
			.param("partsOfDay", "MORNING", "EVENING")
			.param("expiresOn", "2025-08-07")
			.with(as(StaffRole.FRONT_DESK))).andExpect(redirectedUrl("/console/waitlist"));

		assertThat(data.jdbc()
			.queryForMap("select service_id, earliest, latest, parts_of_day, source, status, expires_at"
					+ " from waitlist_entry"))
			.containsEntry("service_id", "annual_cleaning")
			.containsEntry("parts_of_day", "MORNING,EVENING")
			.containsEntry("source", "STAFF")
			.containsEntry("status", "WAITING");
		// the end of the 7th, clinic time
		assertThat(data.jdbc()
			.queryForObject("select expires_at from waitlist_entry", java.time.OffsetDateTime.class)
			.toInstant()).isEqualTo(java.time.Instant.parse("2025-08-08T04:00:00Z"));
		assertThat(body(get("/console/waitlist"), StaffRole.FRONT_DESK)).contains("Cara New");

		// the same wish again: the same entry, and staff are told
		mvc.perform(join("Cara New", "cara@example.com", "annual cleaning", "2025-08-04", "2025-08-08")
			.with(as(StaffRole.OFFICE_MANAGER)))
			.andExpect(redirectedUrl("/console/waitlist"))
			.andExpect(result -> assertThat(result.getFlashMap().get("notice")).isEqualTo("waitlist.notice.already"));
		assertThat(data.count("waitlist_entry")).isEqualTo(1);
	}

	@Test
	void badInputIsShownOnItsFieldAndNothingIsWritten() throws Exception {
		int patientsBefore = data.count("patient");
		refused(join("", "dan@example.com", "Annual Cleaning", "2025-08-04", "2025-08-08"), "name");
		refused(join("Dan", "", "Annual Cleaning", "2025-08-04", "2025-08-08"), "email");
		refused(join("Dan", "not an email", "Annual Cleaning", "2025-08-04", "2025-08-08"), "email");
		refused(join("Dan", "dan@example.com", "", "2025-08-04", "2025-08-08"), "service");
		refused(join("Dan", "dan@example.com", "Gold Teeth", "2025-08-04", "2025-08-08"), "service");
		refused(join("Dan", "dan@example.com", "Annual Cleaning", "someday", "2025-08-08"), "earliest");
		refused(join("Dan", "dan@example.com", "Annual Cleaning", "2025-08-04", ""), "latest");
		refused(join("Dan", "dan@example.com", "Annual Cleaning", "2025-08-08", "2025-08-04"), "latest");
		refused(join("Dan", "dan@example.com", "Annual Cleaning", "2025-07-01", "2025-07-08"), "latest");
		refused(join("Dan", "dan@example.com", "Annual Cleaning", "2025-08-04", "2025-08-08").param("partsOfDay",
				"NIGHT"), "partsOfDay");
		refused(join("Dan", "dan@example.com", "Annual Cleaning", "2025-08-04", "2025-08-08").param("expiresOn",
				"2025-08-01"), "expiresOn");
		// not the patient's appointment: the new patient is not kept either
		refused(join("Dan", "dan@example.com", "Annual Cleaning", "2025-08-04", "2025-08-08").param("appointmentId",
				UUID.randomUUID().toString()), "appointmentId");
		refused(join("Dan", "dan@example.com", "Annual Cleaning", "2025-08-04", "2025-08-08").param("appointmentId",
				"tomorrow"), "appointmentId");

		assertThat(data.count("waitlist_entry")).isZero();
		assertThat(data.count("patient")).isEqualTo(patientsBefore);
	}

	@Test
	void withdrawingAnEntryLapsesItsOpenOffer() throws Exception {
		UUID entry = fixtures.wait(fixtures.patient("Ben Waiting", "+12015550102"), "Annual Cleaning", mornings(),
				null);
		fixtures.cancel(fixtures.cleaning("Ann Able", "+12015550101", TUESDAY_TEN));
		UUID offer = fixtures.offerOf(entry);
		assertThat(fixtures.offerStatus(entry)).isEqualTo("PENDING");

		mvc.perform(post("/console/waitlist/{id}/withdraw", entry).with(csrf()).with(as(StaffRole.FRONT_DESK)))
			.andExpect(redirectedUrl("/console/waitlist"));

		assertThat(data.jdbc().queryForObject("select status from waitlist_entry where id = ?", String.class, entry))
			.isEqualTo("WITHDRAWN");
		assertThat(fixtures.offerStatus(entry)).isEqualTo("EXPIRED");
		// a late yes books nothing
		assertThat(waitlist.accept(offer)).isInstanceOf(Response.Expired.class);
		assertThat(body(get("/console/waitlist"), StaffRole.FRONT_DESK)).doesNotContain("data-entry=\"" + entry);

		mvc.perform(
				post("/console/waitlist/{id}/withdraw", UUID.randomUUID()).with(csrf()).with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isNotFound());
	}

	@Test
	void cliniciansAreRefusedAndDoNotSeeTheLink() throws Exception {
		mvc.perform(get("/console/waitlist").with(as(StaffRole.DENTIST))).andExpect(status().isForbidden());
		mvc.perform(join("Eve", "eve@example.com", "Annual Cleaning", "2025-08-04", "2025-08-08")
			.with(as(StaffRole.HYGIENIST))).andExpect(status().isForbidden());
		UUID entry = fixtures.wait(fixtures.patient("Ben Waiting", "+12015550102"), "Annual Cleaning", mornings(),
				null);
		mvc.perform(post("/console/waitlist/{id}/withdraw", entry).with(csrf()).with(as(StaffRole.NURSE)))
			.andExpect(status().isForbidden());

		assertThat(data.count("waitlist_entry")).isEqualTo(1);
		assertThat(data.jdbc().queryForObject("select status from waitlist_entry", String.class)).isEqualTo("WAITING");
		assertThat(body(get("/console/inbox"), StaffRole.DENTIST)).doesNotContain("href=\"/console/waitlist\"");
		mvc.perform(get("/console/waitlist")).andExpect(status().is3xxRedirection());
	}

	MockHttpServletRequestBuilder join(String name, String email, String service, String earliest, String latest) {
		return post("/console/waitlist").with(csrf())
			.param("name", name)
			.param("email", email)
			.param("phone", "")
			.param("service", service)
			.param("earliest", earliest)
			.param("latest", latest);
	}

	void refused(MockHttpServletRequestBuilder request, String field) throws Exception {
		String page = mvc.perform(request.with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).as(field).contains("id=\"" + field + "-error\"");
	}

	String body(MockHttpServletRequestBuilder request, StaffRole role) throws Exception {
		return mvc.perform(request.with(as(role)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	RequestPostProcessor as(StaffRole role) {
		return ConsoleStaff.signedIn(accounts, clock, role);
	}

}
