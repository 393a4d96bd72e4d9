package io.smiledesk.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import io.smiledesk.patient.Channel;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientType;
import io.smiledesk.patient.Patients;
import io.smiledesk.patient.TreatmentRecord;
import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffRole;
import io.smiledesk.test.ConsoleStaff;
import io.smiledesk.test.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.smiledesk.test.Json.problemJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Managers edit the recall types (the API and the console say the same), the next visit
 * completed is due by the new interval, and a type that does not make sense is refused
 * with its field, changing nothing.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RecallTypesIntegrationTests extends CampaignFlows {

	@Autowired
	StaffAccounts accounts;

	@Test
	void aManagerShortensAnIntervalAndTheNextCompletedCleaningIsDueByIt() throws Exception {
		clock.set(MORNING);
		mvc.perform(get("/api/v1/admin/recall-types").with(staff("FRONT_DESK")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.recall_types.length()").value(3))
			.andExpect(jsonPath("$.recall_types[?(@.code == 'prophylaxis')].interval").value("P6M1D"));

		mvc.perform(change("prophylaxis", """
				{"name":"check-up and cleaning","services":["annual cleaning"],"interval":"P3M"}""")
			.with(staff("OFFICE_MANAGER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.interval").value("P3M"))
			.andExpect(jsonPath("$.services[0]").value("Annual Cleaning"));
		// the others are still in force, now stored
		mvc.perform(get("/api/v1/admin/recall-types").with(staff("FRONT_DESK")))
			.andExpect(jsonPath("$.recall_types.length()").value(3))
			.andExpect(jsonPath("$.recall_types[?(@.code == 'periodontal_maintenance')].interval").value("P4M"));
		assertThat(data.count("recall_type")).isEqualTo(3);

		String booked = mvc.perform(book("Ada Park", "ada@example.com", null).content("""
				{"name":"Ada Park","email":"ada@example.com","service_name":"Annual Cleaning",
				 "appointment_date":"2025-08-12T14:00:00Z","provider_id":"sam-oneill"}"""))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID appointment = UUID.fromString(com.jayway.jsonpath.JsonPath.read(booked, "$.appointment_id"));
		clock.set(Instant.parse("2025-08-12T15:00:00Z"));
		mvc.perform(post("/api/v1/admin/appointments/" + appointment + "/complete").with(staff("FRONT_DESK"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isOk());
		assertThat(data.jdbc().queryForObject("select next_follow_up_date from patient", LocalDate.class))
			.isEqualTo(LocalDate.of(2025, 11, 12));
		String audited = "audit_entry where action = 'campaign.recall-type-changed' and resource_id = 'prophylaxis'";
		for (int wait = 0; wait < 100 && data.count(audited) == 0; wait++) {
			Thread.sleep(50);
		}
		assertThat(data.count(audited)).isEqualTo(1);
	}

	@Test
	void aRecallTypeThatMakesNoSenseIsRefusedWithItsFieldAndNothingChanges() throws Exception {
		String[][] cases = {
				{ "prophylaxis", "{\"name\":\"x\",\"services\":[\"Hair Cut\"],\"interval\":\"P6M\"}", "services" },
				{ "prophylaxis", "{\"name\":\"x\",\"services\":[\"Annual Cleaning\"],\"interval\":\"six months\"}",
						"interval" },
				{ "prophylaxis", "{\"name\":\"x\",\"services\":[\"Annual Cleaning\"],\"interval\":\"P0D\"}",
						"interval" },
				{ "prophylaxis", "{\"name\":\"x\",\"services\":[\"Annual Cleaning\"],\"interval\":\"P-6M\"}",
						"interval" },
				{ "prophylaxis", "{\"name\":\"x\",\"services\":[\"Annual Cleaning\"],\"interval\":\"P10Y\"}",
						"interval" },
				{ "prophylaxis",
						"{\"name\":\"x\",\"services\":[\"Annual Cleaning\"],\"interval\":\"P6M\",\"audience\":\"adults\"}",
						"audience" },
				{ "Bad Code", "{\"name\":\"x\",\"services\":[\"Annual Cleaning\"],\"interval\":\"P6M\"}", "code" },
				{ "prophylaxis", "{\"name\":\" \",\"services\":[\"Annual Cleaning\"],\"interval\":\"P6M\"}", "name" },
				{ "prophylaxis", "{\"name\":\"x\",\"services\":[],\"interval\":\"P6M\"}", "services" } };
		for (String[] each : cases) {
			mvc.perform(change(each[0], each[1]).with(staff("ADMIN")))
				.andExpect(status().isBadRequest())
				.andExpect(problemJson())
				.andExpect(jsonPath("$.errors[0].field").value(each[2]));
		}
		mvc.perform(change("prophylaxis", "{not json").with(staff("ADMIN"))).andExpect(status().isBadRequest());
		mvc.perform(change("prophylaxis", "{\"name\":\"x\",\"services\":[\"Annual Cleaning\"],\"interval\":\"P6M\"}")
			.with(staff("FRONT_DESK"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/admin/recall-types").with(staff("DENTIST"))).andExpect(status().isForbidden());
		assertThat(data.count("recall_type")).isZero();
	}

	@Test
	void theConsoleShowsTheTypesToTheFrontOfficeAndManagersEditThemThere() throws Exception {
		String page = mvc.perform(get("/console/campaigns/recall-types").with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("data-code=\"prophylaxis\"", "P6M1D", "Children under 14")
			.doesNotContain("id=\"recall-type-form\"");
		mvc.perform(post("/console/campaigns/recall-types").with(csrf())
			.with(as(StaffRole.FRONT_DESK))
			.param("code", "prophylaxis")
			.param("name", "cleaning")
			.param("services", "Annual Cleaning")
			.param("interval", "P3M")).andExpect(status().isForbidden());

		mvc.perform(get("/console/campaigns/recall-types").with(as(StaffRole.OFFICE_MANAGER)))
			.andExpect(content().string(containsString("id=\"recall-type-form\"")));
		mvc.perform(post("/console/campaigns/recall-types").with(csrf())
			.with(as(StaffRole.OFFICE_MANAGER))
			.param("code", "whitening_touch_up")
			.param("name", "whitening touch-up")
			.param("services", "Teeth Whitening")
			.param("interval", "P12M")).andExpect(redirectedUrl("/console/campaigns/recall-types"));
		assertThat(data.jdbc()
			.queryForObject("select recall_interval from recall_type where code = 'whitening_touch_up'", String.class))
			.isEqualTo("P12M");
		assertThat(data.count("recall_type")).isEqualTo(4);

		// the reason comes back beside the field, with what was typed
		mvc.perform(post("/console/campaigns/recall-types").with(csrf())
			.with(as(StaffRole.ADMIN))
			.param("code", "prophylaxis")
			.param("name", "check-up")
			.param("services", "Annual Cleaning")
			.param("interval", "every six months"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("must be an ISO-8601 period")))
			.andExpect(content().string(containsString("every six months")));
		mvc.perform(post("/console/campaigns/recall-types").with(csrf())
			.with(as(StaffRole.ADMIN))
			.param("code", "prophylaxis")
			.param("name", "check-up")
			.param("interval", "P6M"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("at least one of the clinic")));
		assertThat(data.jdbc()
			.queryForObject("select recall_interval from recall_type where code = 'prophylaxis'", String.class))
			.isEqualTo("P6M1D");
		mvc.perform(get("/console/campaigns/recall-types").with(as(StaffRole.NURSE)))
			.andExpect(status().isForbidden())
			.andExpect(content().string(not(containsString("data-code"))));
	}

	@Test
	void aTypeNamingNoServiceTheClinicOffersIsSkippedWithAWarning(CapturedOutput output) throws Exception {
		// the configured periodontal maintenance names a service the demo clinic does not
		// offer
		mvc.perform(get("/api/v1/admin/recall-types").with(staff("FRONT_DESK")))
			.andExpect(jsonPath("$.recall_types[?(@.code == 'periodontal_maintenance')].offered").value(false))
			.andExpect(jsonPath("$.recall_types[?(@.code == 'prophylaxis')].offered").value(true));
		assertThat(mvc.perform(get("/console/campaigns/recall-types").with(as(StaffRole.FRONT_DESK)))
			.andReturn()
			.getResponse()
			.getContentAsString())
			.contains("id=\"recall-types-skipped\"", "Recalls skip periodontal_maintenance", "not offered");

		// a code of its own, so this context has not warned about it yet
		for (String[] type : new String[][] { { "prophylaxis", "Annual Cleaning", "P6M1D" },
				{ "gum_care", "Gum Surgery", "P4M" } }) {
			data.jdbc().update("""
					insert into recall_type (clinic_id, code, name, services, recall_interval, audience, updated_at)
					values (1, ?, ?, ?, ?, null, current_timestamp)""", type[0], type[0], type[1], type[2]);
		}
		clock.set(MORNING.minus(Duration.ofDays(200)));
		PatientId patient = patients
			.register(new Patients.NewPatient("Gus Gumm", patients.contact(null, "+12015550177"), null,
					PatientType.EXISTING, Channel.SMS))
			.id();
		patients.recordTreatment(patient, new TreatmentRecord(null, "Gum Surgery", LocalDate.of(2025, 3, 1), null,
				LocalDate.of(2025, 7, 1), null));
		clock.set(MORNING);
		runNow().andExpect(jsonPath("$.campaigns_created").value(1));
		// the recall books the clinic's cleaning, and the log says why the type did not
		// apply
		assertThat(data.jdbc().queryForObject("select due_service from campaign", String.class))
			.isEqualTo("Annual Cleaning");
		assertThat(output.getOut()).containsOnlyOnce("Recall type gum_care (gum_care) is skipped")
			.contains("the clinic offers none of its services [Gum Surgery]");
		mvc.perform(get("/api/v1/admin/recall-types").with(staff("FRONT_DESK")))
			.andExpect(jsonPath("$.recall_types[?(@.code == 'gum_care')].offered").value(false));

		// changed to a service the clinic offers, the type is in force again
		mvc.perform(change("gum_care", """
				{"name":"gum care","services":["Annual Cleaning"],"interval":"P4M"}""").with(staff("OFFICE_MANAGER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.offered").value(true));
		mvc.perform(get("/api/v1/admin/recall-types").with(staff("FRONT_DESK")))
			.andExpect(jsonPath("$.recall_types[?(@.code == 'gum_care')].offered").value(true));
	}

	MockHttpServletRequestBuilder change(String code, String body) {
		return put("/api/v1/admin/recall-types/" + code).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	org.springframework.test.web.servlet.request.RequestPostProcessor as(StaffRole role) {
		return ConsoleStaff.signedIn(accounts, clock, role);
	}

}
