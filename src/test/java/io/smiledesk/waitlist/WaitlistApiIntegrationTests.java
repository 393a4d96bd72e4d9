package io.smiledesk.waitlist;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.smiledesk.test.Json.problemJson;
import static io.smiledesk.waitlist.WaitlistFixtures.MORNING;
import static io.smiledesk.waitlist.WaitlistFixtures.TUESDAY_TEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The staff API: joining, listing, offers per freed time, and bad input refused with
 * nothing written.
 */
@IntegrationTest
class WaitlistApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Autowired
	Patients patients;

	@Autowired
	Booking booking;

	@Autowired
	Waitlist waitlist;

	@BeforeEach
	void reset() {
		data.reset();
		clock.set(MORNING);
	}

	@Test
	void staffPutAPatientOnTheListAndSeeTheOffers() throws Exception {
		String body = join("""
				{"name":"Ben First","phone":"+12015550102","service_name":"Annual Cleaning",
				 "earliest":"2025-08-04","latest":"2025-08-08","parts_of_day":["morning"]}""")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.entry_id").exists())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String entry = com.jayway.jsonpath.JsonPath.read(body, "$.entry_id");
		// the same wish again: the same entry
		join("""
				{"name":"Ben First","phone":"+12015550102","service_name":"annual cleaning",
				 "earliest":"2025-08-04","latest":"2025-08-08"}""").andExpect(status().isCreated())
			.andExpect(jsonPath("$.entry_id").value(entry))
			.andExpect(jsonPath("$.already_waiting").value(true));
		assertThat(data.count("waitlist_entry")).isEqualTo(1);
		mvc.perform(get("/api/v1/admin/waitlist").with(staff("FRONT_DESK")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.entries.length()").value(1))
			.andExpect(jsonPath("$.entries[0].entry_id").value(entry))
			.andExpect(jsonPath("$.entries[0].service_id").value("annual_cleaning"))
			.andExpect(jsonPath("$.entries[0].parts_of_day[0]").value("morning"))
			.andExpect(jsonPath("$.entries[0].status").value("WAITING"))
			.andExpect(jsonPath("$.entries[0].source").value("staff"));

		WaitlistFixtures fixtures = new WaitlistFixtures(patients, booking, waitlist, data);
		fixtures.cancel(fixtures.cleaning("Ann Able", "+12015550101", TUESDAY_TEN));
		mvc.perform(get("/api/v1/admin/waitlist/offers?from=2025-08-04T00:00:00Z&to=2025-08-05T00:00:00Z")
			.with(staff("OFFICE_MANAGER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.offers.length()").value(1))
			.andExpect(jsonPath("$.offers[0].offer_id").exists())
			.andExpect(jsonPath("$.offers[0].slot_id").exists())
			.andExpect(jsonPath("$.offers[0].entry_id").value(entry))
			.andExpect(jsonPath("$.offers[0].slot_start").value("2025-08-05T14:00:00Z"))
			.andExpect(jsonPath("$.offers[0].status").value("PENDING"))
			.andExpect(jsonPath("$.offers[0].sent_at").value("2025-08-04T13:30:00Z"));
		mvc.perform(get("/api/v1/admin/waitlist/offers?from=2025-08-05T00:00:00Z&to=2025-08-06T00:00:00Z")
			.with(staff("FRONT_DESK"))).andExpect(jsonPath("$.offers.length()").value(0));
		mvc.perform(get("/api/v1/admin/waitlist/offers?from=2025-08-06T00:00:00Z&to=2025-08-05T00:00:00Z")
			.with(staff("FRONT_DESK")))
			.andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field").value("to"));

		// taken off the list: its open offer lapses
		mvc.perform(delete("/api/v1/admin/waitlist/{id}", entry).with(staff("FRONT_DESK")))
			.andExpect(status().isNoContent());
		assertThat(data.jdbc().queryForObject("select status from waitlist_entry", String.class))
			.isEqualTo("WITHDRAWN");
		assertThat(data.jdbc().queryForObject("select status from waitlist_offer", String.class)).isEqualTo("EXPIRED");
		mvc.perform(delete("/api/v1/admin/waitlist/{id}", UUID.randomUUID()).with(staff("FRONT_DESK")))
			.andExpect(status().isNotFound())
			.andExpect(problemJson());
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
		int patientsBefore = data.count("patient");
		join("""
				{"phone":"+12015550102","service_name":"Annual Cleaning","earliest":"2025-08-04","latest":"2025-08-08"}""")
			.andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		join("""
				{"name":"Ben","service_name":"Annual Cleaning","earliest":"2025-08-04","latest":"2025-08-08"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("email"));
		join("""
				{"name":"Ben","phone":"+12015550102","service_name":"Annual Cleaning",
				 "earliest":"2025-08-08","latest":"2025-08-04"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("latest"));
		join("""
				{"name":"Ben","phone":"+12015550102","service_name":"Annual Cleaning",
				 "earliest":"2025-07-01","latest":"2025-07-08"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("latest"));
		join("""
				{"name":"Ben","phone":"+12015550102","service_name":"Annual Cleaning",
				 "earliest":"2025-08-04","latest":"2025-08-08","parts_of_day":["night"]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("parts_of_day"));
		join("""
				{"name":"Ben","phone":"+12015550102","service_name":"Annual Cleaning",
				 "earliest":"2025-08-04"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("latest"));
		join("""
				{"name":"Ben","phone":"+12015550102","service_name":"Gold Teeth",
				 "earliest":"2025-08-04","latest":"2025-08-08"}""").andExpect(status().isNotFound())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field").value("service_name"));
		// an appointment that is not the patient's: refused, and the new patient is not
		// kept either
		join("{\"name\":\"Ben\",\"phone\":\"+12015550102\",\"service_name\":\"Annual Cleaning\","
				+ "\"earliest\":\"2025-08-04\",\"latest\":\"2025-08-08\",\"appointment_id\":\"" + UUID.randomUUID()
				+ "\"}")
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.errors[0].field").value("appointment_id"));
		assertThat(data.count("waitlist_entry")).isZero();
		assertThat(data.count("patient")).isEqualTo(patientsBefore);
		mvc.perform(get("/api/v1/admin/waitlist/offers?from=2025-01-01T00:00:00Z&to=2025-08-05T00:00:00Z")
			.with(staff("FRONT_DESK"))).andExpect(status().isBadRequest());
		clock.advance(Duration.ZERO);
	}

	@Test
	void onlyTheFrontOfficeManagesTheWaitlist() throws Exception {
		mvc.perform(get("/api/v1/admin/waitlist").with(staff("DENTIST"))).andExpect(status().isForbidden());
		mvc.perform(
				post("/api/v1/admin/waitlist").with(staff("HYGIENIST"))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"Ben\",\"phone\":\"+12015550102\",\"service_name\":\"Annual Cleaning\","
							+ "\"earliest\":\"2025-08-04\",\"latest\":\"2025-08-08\"}"))
			.andExpect(status().isForbidden());
		assertThat(data.count("waitlist_entry")).isZero();
		mvc.perform(get("/api/v1/admin/waitlist/offers")).andExpect(status().isUnauthorized());
	}

	ResultActions join(String json) throws Exception {
		return mvc.perform(post("/api/v1/admin/waitlist").with(staff("FRONT_DESK"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	static RequestPostProcessor staff(String role) {
		return jwt().jwt(token -> token.subject(UUID.randomUUID().toString()))
			.authorities(new SimpleGrantedAuthority("ROLE_" + role));
	}

}
