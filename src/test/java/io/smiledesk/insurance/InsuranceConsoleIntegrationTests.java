package io.smiledesk.insurance;

import java.time.Instant;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.smiledesk.test.Json.body;
import static io.smiledesk.test.Json.booking;
import static io.smiledesk.test.Json.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's insurance pages: the front desk sees a claim with its aging and marks it
 * sent; an illegal step is refused with the reason; a dentist reads claims and coverages
 * without the buttons.
 */
@IntegrationTest
class InsuranceConsoleIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Autowired
	StaffAccounts accounts;

	String patient;

	String claim;

	@BeforeEach
	void claimAVisit() throws Exception {
		data.reset();
		String appointment = field(body(api(post("/api/v1/appointments/book"),
				booking("Ana Silva", "ana@example.com", null, "2025-08-20T14:00:00Z", "filling", "dr-maria-lopez"))),
				"appointment_id");
		patient = data.jdbc().queryForObject("select patient_id from appointment", UUID.class).toString();
		String carrier = field(body(api(post("/api/v1/admin/insurance/carriers"), "{\"name\":\"Delta Dental\"}")),
				"id");
		String plan = field(body(api(post("/api/v1/admin/insurance/carriers/" + carrier + "/plans"),
				"{\"name\":\"PPO\",\"group_number\":\"G-77\",\"annual_maximum\":1500,\"deductible\":50,"
						+ "\"coverage_percent\":{\"preventive\":100,\"basic\":80,\"major\":50,\"orthodontic\":50}}")),
				"id");
		api(post("/api/v1/admin/insurance/patients/" + patient + "/coverages"),
				"{\"plan_id\":\"" + plan
						+ "\",\"subscriber\":{\"member_id\":\"M-100\",\"name\":\"Ana Silva\"},\"priority\":\"primary\","
						+ "\"relationship\":\"self\",\"effective_on\":\"2025-01-01\"}")
			.andExpect(status().isCreated());
		clock.set(Instant.parse("2025-08-20T15:00:00Z"));
		api(post("/api/v1/admin/appointments/" + appointment + "/complete"), "{}").andExpect(status().isOk());
		claim = field(body(api(post("/api/v1/admin/insurance/claims"), "{\"appointment_id\":\"" + appointment + "\"}")),
				"id");
	}

	@Test
	void theFrontDeskMarksAClaimSentAndSeesItAge() throws Exception {
		assertThat(page("/console/insurance/claims", StaffRole.FRONT_DESK)).contains("Delta Dental", "Not sent",
				"Mark sent", "data-claim=\"" + claim + "\"");

		mvc.perform(post("/console/insurance/claims/" + claim + "/status").with(csrf())
			.with(as(StaffRole.FRONT_DESK))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("status=sent"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/console/insurance/claims"));
		clock.set(Instant.parse("2025-09-25T15:00:00Z"));

		String page = page("/console/insurance/claims", StaffRole.FRONT_DESK);
		assertThat(page).contains("data-status=\"sent\"", "36 (31-60)", "Mark received", "Mark denied");
		String refused = mvc
			.perform(post("/console/insurance/claims/" + claim + "/status").with(csrf())
				.with(as(StaffRole.FRONT_DESK))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("status=sent"))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("A sent claim cannot become sent");
		assertThat(data.jdbc().queryForObject("select status from insurance_claim", String.class)).isEqualTo("SENT");
	}

	@Test
	void aDentistReadsClaimsAndCoveragesWithoutTheButtons() throws Exception {
		String claims = page("/console/insurance/claims", StaffRole.DENTIST);
		assertThat(claims).contains("Delta Dental", "Claim form (PDF)").doesNotContain("Mark sent");

		assertThat(page("/console/patients/" + patient + "/insurance", StaffRole.DENTIST)).contains(
				"Insurance: Ana Silva", "Primary · Delta Dental", "PPO (G-77)", "M-100",
				"Annual maximum 1500.00 USD, deductible 50.00 USD; preventive 100%, basic 80%");
		byte[] pdf = mvc.perform(get("/console/insurance/claims/" + claim + "/pdf").with(as(StaffRole.DENTIST)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
	}

	@Test
	void theFrontDeskRecordsTheInsurersPaymentOfASentClaim() throws Exception {
		form("/console/insurance/claims/" + claim + "/status", StaffRole.FRONT_DESK, "status=sent")
			.andExpect(status().isFound());
		clock.set(Instant.parse("2025-09-10T15:00:00Z"));
		assertThat(page("/console/insurance/claims", StaffRole.FRONT_DESK)).contains("Record payment");
		assertThat(page("/console/insurance/claims/" + claim + "/payment", StaffRole.FRONT_DESK))
			.contains("Record the insurer&#39;s payment", "D2391", "value=\"2025-09-10\"");
		int entries = data.count("ledger_entry");

		form("/console/insurance/claims/" + claim + "/payment", StaffRole.FRONT_DESK,
				"paidOn=2025-09-09&reference=EOB-1&lines[0].lineId=" + line()
						+ "&lines[0].paid=100&lines[0].writtenOff=20")
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/console/insurance/claims"));

		assertThat(data.jdbc().queryForObject("select status from insurance_claim", String.class)).isEqualTo("PAID");
		assertThat(data.count("ledger_entry")).isEqualTo(entries + 2);
		assertThat(data.jdbc()
			.queryForObject(
					"select detail from (select action, resource_id, detail from audit_pending union all"
							+ " select action, resource_id, detail from audit_entry) entries where action = ?"
							+ " and resource_id = ? fetch first 1 rows only",
					String.class, "insurance.claim-payment-posted", claim))
			.isEqualTo("100.00 USD paid, 20.00 written off");
		assertThat(page("/console/insurance/claims", StaffRole.FRONT_DESK)).doesNotContain("Record payment");
	}

	@Test
	void aPaymentTheClaimCannotTakeIsRefusedOnTheFormAndNothingIsPosted() throws Exception {
		int entries = data.count("ledger_entry");
		String path = "/console/insurance/claims/" + claim + "/payment";
		String unsent = form(path, StaffRole.FRONT_DESK, "lines[0].lineId=" + line() + "&lines[0].paid=100")
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(unsent).contains("A unsent claim cannot become paid");

		form("/console/insurance/claims/" + claim + "/status", StaffRole.FRONT_DESK, "status=sent")
			.andExpect(status().isFound());
		assertThat(refusedPayment(path, "lines[0].lineId=" + line() + "&lines[0].paid=150&lines[0].writtenOff=50"))
			.contains("exceed the fee");
		assertThat(refusedPayment(path, "lines[0].lineId=" + line() + "&lines[0].paid=lots"))
			.contains("Give an amount like 80.00.");
		assertThat(refusedPayment(path, "paidOn=2030-01-01&lines[0].lineId=" + line() + "&lines[0].paid=100"))
			.contains("id=\"paidOn-error\"", "must not be in the future");
		assertThat(refusedPayment(path, "lines[0].lineId=" + UUID.randomUUID() + "&lines[0].paid=100"))
			.contains("is not a line of this claim");

		assertThat(data.count("ledger_entry")).isEqualTo(entries);
		assertThat(data.jdbc().queryForObject("select status from insurance_claim", String.class)).isEqualTo("SENT");
		form("/console/insurance/claims/" + UUID.randomUUID() + "/payment", StaffRole.FRONT_DESK,
				"lines[0].lineId=" + line() + "&lines[0].paid=100")
			.andExpect(status().isNotFound());
	}

	@Test
	void clinicalRolesCannotRecordAnInsurersPayment() throws Exception {
		form("/console/insurance/claims/" + claim + "/status", StaffRole.FRONT_DESK, "status=sent")
			.andExpect(status().isFound());
		int entries = data.count("ledger_entry");
		mvc.perform(get("/console/insurance/claims/" + claim + "/payment").with(as(StaffRole.DENTIST)))
			.andExpect(status().isForbidden());
		form("/console/insurance/claims/" + claim + "/payment", StaffRole.HYGIENIST,
				"lines[0].lineId=" + line() + "&lines[0].paid=100")
			.andExpect(status().isForbidden());
		assertThat(page("/console/insurance/claims", StaffRole.DENTIST)).doesNotContain("Record payment");
		assertThat(data.count("ledger_entry")).isEqualTo(entries);
		assertThat(data.jdbc().queryForObject("select status from insurance_claim", String.class)).isEqualTo("SENT");
	}

	String line() {
		return data.jdbc().queryForObject("select id from insurance_claim_line", UUID.class).toString();
	}

	String refusedPayment(String path, String body) throws Exception {
		return form(path, StaffRole.FRONT_DESK, body).andExpect(status().isBadRequest())
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

	String page(String path, StaffRole role) throws Exception {
		return mvc.perform(get(path).with(as(role)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	ResultActions api(MockHttpServletRequestBuilder request, String json) throws Exception {
		return mvc.perform(request.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user("admin")
				.roles("ADMIN")));
	}

	RequestPostProcessor as(StaffRole role) {
		return ConsoleStaff.signedIn(accounts, clock, role);
	}

}
