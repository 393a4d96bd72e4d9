package io.smiledesk.insurance;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffRole;
import io.smiledesk.test.ConsoleStaff;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static io.smiledesk.test.Json.body;
import static io.smiledesk.test.Json.booking;
import static io.smiledesk.test.Json.problemJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Ending a patient's coverage with an end date (it stays on record): from the console and
 * the staff API, audited; unknown coverages, another patient's and days out of the
 * coverage's period are refused with nothing written; clinical roles are refused.
 */
@IntegrationTest
class CoverageEndIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Autowired
	StaffAccounts accounts;

	String patient;

	String coverage;

	@BeforeEach
	void coveredPatient() throws Exception {
		data.reset();
		form("/console/insurance/carriers", StaffRole.OFFICE_MANAGER, "name=Delta Dental")
			.andExpect(status().isFound());
		String carrier = data.jdbc().queryForObject("select id from insurance_carrier", UUID.class).toString();
		form("/console/insurance/carriers/" + carrier + "/plans", StaffRole.OFFICE_MANAGER,
				InsuranceSetupConsoleIntegrationTests.plan("PPO", "1500", "50", "80"))
			.andExpect(status().isFound());
		String plan = data.jdbc().queryForObject("select id from insurance_plan", UUID.class).toString();
		body(mvc.perform(post("/api/v1/appointments/book").contentType(MediaType.APPLICATION_JSON)
			.content(booking("Ana Silva", "ana@example.com", null, "2025-08-20T14:00:00Z", "filling",
					"dr-maria-lopez"))));
		patient = data.jdbc().queryForObject("select id from patient", UUID.class).toString();
		form("/console/patients/" + patient + "/insurance", StaffRole.FRONT_DESK,
				InsuranceSetupConsoleIntegrationTests.coverage(plan, "2025-01-01", ""))
			.andExpect(status().isFound());
		coverage = data.jdbc().queryForObject("select id from insurance_coverage", UUID.class).toString();
	}

	@Test
	void theFrontDeskEndsACoverageInTheConsoleAndItStaysOnRecord() throws Exception {
		form(endPath(patient, coverage), StaffRole.FRONT_DESK, "endsOn=2025-06-30")
			.andExpect(redirectedUrl("/console/patients/" + patient + "/insurance"));
		assertThat(endsOn()).isEqualTo(LocalDate.parse("2025-06-30"));
		assertThat(data.count("insurance_coverage")).isEqualTo(1);
		assertThat(audited(patient)).isEqualTo("coverage " + coverage + " ends on 2025-06-30");
	}

	@Test
	void aConsoleEndTheDomainRefusesIsA4xxAndNothingIsWritten() throws Exception {
		assertThat(form(endPath(patient, coverage), StaffRole.FRONT_DESK, "endsOn=2024-12-31")
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("id=\"coverage-end-error\"", "must not be before");
		form(endPath(patient, UUID.randomUUID().toString()), StaffRole.FRONT_DESK, "endsOn=2025-06-30")
			.andExpect(status().isNotFound());
		form(endPath(patient, coverage), StaffRole.FRONT_DESK, "endsOn=").andExpect(status().isBadRequest());
		assertThat(endsOn()).isNull();
	}

	@Test
	void clinicalRolesAreRefusedEndingACoverage() throws Exception {
		form(endPath(patient, coverage), StaffRole.DENTIST, "endsOn=2025-06-30").andExpect(status().isForbidden());
		form(endPath(patient, coverage), StaffRole.HYGIENIST, "endsOn=2025-06-30").andExpect(status().isForbidden());
		assertThat(endsOn()).isNull();
	}

	@Test
	@WithMockUser(username = "frontdesk-1", roles = "FRONT_DESK")
	void theStaffApiEndsACoverageAndRefusesAnotherPatientsOrAnUnknownOne() throws Exception {
		String api = "/api/v1/admin/insurance/patients/%s/coverages/%s/end";
		json(api.formatted(UUID.randomUUID(), coverage), "{\"ends_on\":\"2025-06-30\"}")
			.andExpect(status().isNotFound())
			.andExpect(problemJson());
		json(api.formatted(patient, UUID.randomUUID()), "{\"ends_on\":\"2025-06-30\"}").andExpect(status().isNotFound())
			.andExpect(problemJson());
		json(api.formatted(patient, coverage), "{\"ends_on\":\"2024-06-30\"}").andExpect(status().isBadRequest())
			.andExpect(problemJson());
		json(api.formatted(patient, coverage), "{}").andExpect(status().isBadRequest()).andExpect(problemJson());
		assertThat(endsOn()).isNull();

		json(api.formatted(patient, coverage), "{\"ends_on\":\"2025-06-30\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.ends_on").value("2025-06-30"));
		assertThat(endsOn()).isEqualTo(LocalDate.parse("2025-06-30"));
	}

	@Test
	@WithMockUser(username = "dentist-1", roles = "DENTIST")
	void theStaffApiRefusesADentist() throws Exception {
		json("/api/v1/admin/insurance/patients/" + patient + "/coverages/" + coverage + "/end",
				"{\"ends_on\":\"2025-06-30\"}")
			.andExpect(status().isForbidden());
		assertThat(endsOn()).isNull();
	}

	static String endPath(String patient, String coverage) {
		return "/console/patients/" + patient + "/insurance/" + coverage + "/end";
	}

	LocalDate endsOn() {
		return data.jdbc().queryForObject("select ends_on from insurance_coverage", LocalDate.class);
	}

	String audited(String patientId) {
		return data.jdbc()
			.queryForObject(
					"select detail from (select action, resource_id, detail from audit_pending union all"
							+ " select action, resource_id, detail from audit_entry) entries"
							+ " where action = 'insurance.coverage-ended' and resource_id = ?",
					String.class, patientId);
	}

	ResultActions json(String path, String body) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	ResultActions form(String path, StaffRole role, String body) throws Exception {
		return mvc.perform(post(path).with(csrf())
			.with(ConsoleStaff.signedIn(accounts, clock, role))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content(body));
	}

}
