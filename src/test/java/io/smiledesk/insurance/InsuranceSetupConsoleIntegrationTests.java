package io.smiledesk.insurance;

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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.smiledesk.test.Json.body;
import static io.smiledesk.test.Json.booking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's insurance set-up: the front desk adds and corrects carriers and plans and
 * records a patient's coverage; refusals of the form or of the domain come back on the
 * field they are about and write nothing; a dentist reads, and is refused the forms.
 */
@IntegrationTest
class InsuranceSetupConsoleIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Autowired
	StaffAccounts accounts;

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void theFrontDeskAddsACarrierAndCorrectsIt() throws Exception {
		assertThat(page("/console/insurance/carriers", StaffRole.FRONT_DESK)).contains("No carriers yet.",
				"Add a carrier");

		form("/console/insurance/carriers", StaffRole.FRONT_DESK, "name=Delta Dental&payerId=CDCA1")
			.andExpect(status().isFound());
		String carrier = carrierId("Delta Dental");
		assertThat(page("/console/insurance/carriers", StaffRole.FRONT_DESK)).contains("Delta Dental",
				"Payer id CDCA1");
		assertThat(audited("insurance.carrier-added", carrier)).isEqualTo("Delta Dental");

		form("/console/insurance/carriers/" + carrier, StaffRole.FRONT_DESK, "name=Delta Dental of California&payerId=")
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/console/insurance/carriers/" + carrier));
		assertThat(data.jdbc()
			.queryForMap("select name, payer_id from insurance_carrier where id = ?", UUID.fromString(carrier)))
			.containsEntry("NAME", "Delta Dental of California")
			.containsEntry("PAYER_ID", null);
		assertThat(audited("insurance.carrier-changed", carrier)).isEqualTo("Delta Dental of California");
	}

	@Test
	void aCarrierNamedTwiceOrLeftBlankIsRefusedOnItsNameAndNothingChanges() throws Exception {
		form("/console/insurance/carriers", StaffRole.FRONT_DESK, "name=Delta Dental").andExpect(status().isFound());
		form("/console/insurance/carriers", StaffRole.FRONT_DESK, "name=Aetna").andExpect(status().isFound());

		String twice = form("/console/insurance/carriers", StaffRole.FRONT_DESK, "name=delta dental")
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(twice).contains("id=\"name-error\"", "A carrier named delta dental exists already.");
		form("/console/insurance/carriers", StaffRole.FRONT_DESK, "name=&payerId=X").andExpect(status().isBadRequest());
		assertThat(data.count("insurance_carrier")).isEqualTo(2);

		String renamed = form("/console/insurance/carriers/" + carrierId("Aetna"), StaffRole.FRONT_DESK,
				"name=Delta Dental")
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(renamed).contains("id=\"name-error\"", "A carrier named Delta Dental exists already.");
		assertThat(data.jdbc().queryForList("select name from insurance_carrier order by name", String.class))
			.containsExactly("Aetna", "Delta Dental");
		form("/console/insurance/carriers/" + UUID.randomUUID(), StaffRole.FRONT_DESK, "name=Nobody")
			.andExpect(status().isNotFound());
	}

	@Test
	void theFrontDeskAddsAPlanAndChangesItsTerms() throws Exception {
		String carrier = carrier("Delta Dental");
		assertThat(page("/console/insurance/carriers/" + carrier + "/plans/new", StaffRole.FRONT_DESK))
			.contains("Add a plan", "Annual maximum");

		form("/console/insurance/carriers/" + carrier + "/plans", StaffRole.FRONT_DESK, plan("PPO", "1500", "50", "80"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/console/insurance/carriers/" + carrier));
		String plan = data.jdbc().queryForObject("select id from insurance_plan", UUID.class).toString();
		assertThat(page("/console/insurance/carriers/" + carrier, StaffRole.DENTIST))
			.contains("PPO", "Annual maximum 1500.00 USD, deductible 50.00 USD; preventive 100%, basic 80%")
			.doesNotContain("Add a plan");
		assertThat(audited("insurance.plan-added", plan)).startsWith("PPO, carrier ");

		assertThat(page("/console/insurance/plans/" + plan, StaffRole.FRONT_DESK)).contains("value=\"1500.00\"");
		form("/console/insurance/plans/" + plan, StaffRole.FRONT_DESK, plan("PPO Plus", "2000", "25", "90"))
			.andExpect(status().isFound());
		assertThat(
				data.jdbc().queryForMap("select name, annual_maximum, deductible, basic_percent from insurance_plan"))
			.containsEntry("NAME", "PPO Plus")
			.containsEntry("BASIC_PERCENT", 90);
		assertThat(data.jdbc().queryForObject("select annual_maximum from insurance_plan", java.math.BigDecimal.class))
			.isEqualByComparingTo("2000");
		assertThat(audited("insurance.plan-changed", plan)).startsWith("PPO Plus, carrier ");
	}

	@Test
	void aPlanWithTermsOutOfBoundsIsRefusedOnTheFieldAndNothingIsWritten() throws Exception {
		String carrier = carrier("Delta Dental");
		String path = "/console/insurance/carriers/" + carrier + "/plans";

		assertThat(refused(path, plan("PPO", "1500", "50", "120"))).contains("id=\"basic-error\"");
		// the domain's own refusal: more decimals than the currency has
		assertThat(refused(path, plan("PPO", "1500", "50.125", "80"))).contains("id=\"deductible-error\"",
				"has more decimals than USD allows");
		assertThat(refused(path, plan("PPO", "lots", "50", "80"))).contains("id=\"annualMaximum-error\"",
				"Give an amount like 1500.00.");
		assertThat(refused(path, plan("PPO", "-1", "50", "80"))).contains("id=\"annualMaximum-error\"",
				"must not be negative");
		assertThat(data.count("insurance_plan")).isZero();

		form(path, StaffRole.FRONT_DESK, plan("PPO", "1500", "50", "80")).andExpect(status().isFound());
		String plan = data.jdbc().queryForObject("select id from insurance_plan", UUID.class).toString();
		assertThat(refused("/console/insurance/plans/" + plan, plan("", "1500", "50", "80")))
			.contains("id=\"name-error\"");
		assertThat(data.jdbc().queryForObject("select name from insurance_plan", String.class)).isEqualTo("PPO");
	}

	@Test
	void aPlansBenefitYearStartMonthIsOptionalOnTheFormAndOnlyAMonthIsTaken() throws Exception {
		String carrier = carrier("Delta Dental");
		String path = "/console/insurance/carriers/" + carrier + "/plans";
		assertThat(page(path + "/new", StaffRole.FRONT_DESK)).contains("name=\"benefitYearStartMonth\"");

		assertThat(refused(path, plan("PPO", "1500", "50", "80") + "&benefitYearStartMonth=13"))
			.contains("id=\"benefitYearStartMonth-error\"");
		assertThat(refused(path, plan("PPO", "1500", "50", "80") + "&benefitYearStartMonth=july"))
			.contains("id=\"benefitYearStartMonth-error\"", "Give a month as a number, 1 to 12.");
		assertThat(data.count("insurance_plan")).isZero();

		form(path, StaffRole.FRONT_DESK, plan("PPO", "1500", "50", "80") + "&benefitYearStartMonth=7")
			.andExpect(status().isFound());
		String plan = data.jdbc().queryForObject("select id from insurance_plan", UUID.class).toString();
		assertThat(startMonth()).isEqualTo(7);
		assertThat(page("/console/insurance/plans/" + plan, StaffRole.FRONT_DESK)).containsPattern(
				"name=\"benefitYearStartMonth\"[^>]*value=\"7\"|value=\"7\"[^>]*name=\"benefitYearStartMonth\"");
		// left empty: the plan keeps its month
		form("/console/insurance/plans/" + plan, StaffRole.FRONT_DESK,
				plan("PPO", "1500", "50", "80") + "&benefitYearStartMonth=")
			.andExpect(status().isFound());
		assertThat(startMonth()).isEqualTo(7);
		assertThat(refused("/console/insurance/plans/" + plan,
				plan("PPO", "1500", "50", "80") + "&benefitYearStartMonth=0"))
			.contains("id=\"benefitYearStartMonth-error\"");
		assertThat(startMonth()).isEqualTo(7);
		// a new plan without one starts its year in January
		form(path, StaffRole.FRONT_DESK, plan("HMO", "1000", "0", "80")).andExpect(status().isFound());
		assertThat(data.jdbc()
			.queryForObject("select benefit_year_start_month from insurance_plan where name = 'HMO'", Integer.class))
			.isEqualTo(1);
	}

	int startMonth() {
		return data.jdbc()
			.queryForObject("select benefit_year_start_month from insurance_plan where name = 'PPO'", Integer.class);
	}

	@Test
	void theFrontDeskRecordsAPatientsCoverage() throws Exception {
		String patient = patient();
		String plan = plan(carrier("Delta Dental"));
		assertThat(page("/console/patients/" + patient + "/insurance", StaffRole.FRONT_DESK))
			.contains("No coverage on record.", "Record a coverage", "Delta Dental · PPO (G-77)");

		form("/console/patients/" + patient + "/insurance", StaffRole.FRONT_DESK, coverage(plan, "2025-01-01", ""))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/console/patients/" + patient + "/insurance"));

		assertThat(page("/console/patients/" + patient + "/insurance", StaffRole.DENTIST))
			.contains("Primary · Delta Dental", "M-100")
			.doesNotContain("Record a coverage");
		assertThat(data.count("insurance_coverage")).isEqualTo(1);
		assertThat(audited("insurance.coverage-added", patient)).isNotNull();
	}

	@Test
	void aCoverageTheDomainRefusesComesBackOnItsFieldAndNothingIsWritten() throws Exception {
		String patient = patient();
		String plan = plan(carrier("Delta Dental"));
		String path = "/console/patients/" + patient + "/insurance";

		assertThat(refused(path, coverage(plan, "2025-06-01", "2025-01-01"))).contains("id=\"endsOn-error\"",
				"must not be before effective_on");
		assertThat(refused(path, coverage(UUID.randomUUID().toString(), "2025-01-01", "")))
			.contains("id=\"planId-error\"", "No plan with this id.");
		assertThat(refused(path, coverage(plan, "someday", ""))).contains("id=\"effectiveOn-error\"", "Give a date.");
		assertThat(data.count("insurance_coverage")).isZero();
		assertThat(data.count("insurance_subscriber")).isZero();

		form(path, StaffRole.FRONT_DESK, coverage(plan, "2025-01-01", "")).andExpect(status().isFound());
		String overlapping = form(path, StaffRole.FRONT_DESK, coverage(plan, "2025-03-01", ""))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(overlapping).contains("id=\"priority-error\"", "already has a primary coverage");
		assertThat(data.count("insurance_coverage")).isEqualTo(1);
		form("/console/patients/" + UUID.randomUUID() + "/insurance", StaffRole.FRONT_DESK,
				coverage(plan, "2025-01-01", ""))
			.andExpect(status().isNotFound());
	}

	@Test
	void aDentistReadsButIsRefusedEveryInsuranceForm() throws Exception {
		String carrier = carrier("Delta Dental");
		String plan = plan(carrier);
		String patient = patient();
		assertThat(page("/console/insurance/carriers", StaffRole.DENTIST)).contains("Delta Dental")
			.doesNotContain("Add a carrier");

		form("/console/insurance/carriers", StaffRole.DENTIST, "name=Aetna").andExpect(status().isForbidden());
		form("/console/insurance/carriers/" + carrier, StaffRole.HYGIENIST, "name=Aetna")
			.andExpect(status().isForbidden());
		form("/console/insurance/carriers/" + carrier + "/plans", StaffRole.NURSE, plan("HMO", "1000", "0", "80"))
			.andExpect(status().isForbidden());
		form("/console/insurance/plans/" + plan, StaffRole.DENTIST, plan("HMO", "1000", "0", "80"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/console/insurance/plans/" + plan).with(as(StaffRole.DENTIST)))
			.andExpect(status().isForbidden());
		form("/console/patients/" + patient + "/insurance", StaffRole.DENTIST, coverage(plan, "2025-01-01", ""))
			.andExpect(status().isForbidden());

		assertThat(data.jdbc().queryForList("select name from insurance_carrier", String.class))
			.containsExactly("Delta Dental");
		assertThat(data.jdbc().queryForList("select name from insurance_plan", String.class)).containsExactly("PPO");
		assertThat(data.count("insurance_coverage")).isZero();
	}

	String refused(String path, String body) throws Exception {
		return form(path, StaffRole.FRONT_DESK, body).andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	static String plan(String name, String maximum, String deductible, String basic) {
		return "name=" + name + "&groupNumber=G-77&annualMaximum=" + maximum + "&deductible=" + deductible
				+ "&preventive=100&basic=" + basic + "&major=50&orthodontic=0";
	}

	static String coverage(String plan, String from, String to) {
		return "planId=" + plan + "&memberId=M-100&subscriberName=Ana Silva&dateOfBirth=&priority=primary"
				+ "&relationship=self&effectiveOn=" + from + "&endsOn=" + to;
	}

	String carrier(String name) throws Exception {
		form("/console/insurance/carriers", StaffRole.OFFICE_MANAGER, "name=" + name).andExpect(status().isFound());
		return carrierId(name);
	}

	String plan(String carrier) throws Exception {
		form("/console/insurance/carriers/" + carrier + "/plans", StaffRole.OFFICE_MANAGER,
				plan("PPO", "1500", "50", "80"))
			.andExpect(status().isFound());
		return data.jdbc().queryForObject("select id from insurance_plan", UUID.class).toString();
	}

	String patient() throws Exception {
		body(mvc.perform(post("/api/v1/appointments/book").contentType(MediaType.APPLICATION_JSON)
			.content(booking("Ana Silva", "ana@example.com", null, "2025-08-20T14:00:00Z", "filling",
					"dr-maria-lopez"))));
		return data.jdbc().queryForObject("select id from patient", UUID.class).toString();
	}

	String carrierId(String name) {
		return data.jdbc()
			.queryForObject("select id from insurance_carrier where name = ?", UUID.class, name)
			.toString();
	}

	String audited(String action, String resourceId) {
		return data.jdbc()
			.queryForObject("select detail from (select action, resource_id, detail from audit_pending union all"
					+ " select action, resource_id, detail from audit_entry) entries where action = ?"
					+ " and resource_id = ? fetch first 1 rows only", String.class, action, resourceId);
	}

	String page(String path, StaffRole role) throws Exception {
		return mvc.perform(get(path).with(as(role)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	ResultActions form(String path, StaffRole role, String body) throws Exception {
		return mvc.perform(post(path).with(csrf())
			.with(as(role))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content(body));
	}

	org.springframework.test.web.servlet.request.RequestPostProcessor as(StaffRole role) {
		return ConsoleStaff.signedIn(accounts, clock, role);
	}

}
