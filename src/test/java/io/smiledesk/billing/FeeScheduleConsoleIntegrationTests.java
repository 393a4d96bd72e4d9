package io.smiledesk.billing;

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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The fee schedule in the console: a manager sets a fee, which the schedule (and the
 * audit trail) then holds; a refused amount comes back on its row and changes nothing;
 * the front desk reads the fees and is refused a change, as in the staff API.
 */
@IntegrationTest
class FeeScheduleConsoleIntegrationTests {

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
	void aManagerSetsAFee() throws Exception {
		assertThat(page(StaffRole.OFFICE_MANAGER)).contains("Fee schedule", "D1110", "Prophylaxis, adult", "120.00 USD",
				"Services catalogue", "action=\"/console/billing/fees/D2391\"");

		change("D2391", "165.5", StaffRole.OFFICE_MANAGER).andExpect(status().isFound())
			.andExpect(redirectedUrl("/console/billing/fees"));

		assertThat(data.jdbc()
			.queryForObject("select amount from procedure_fee where code = 'D2391'", java.math.BigDecimal.class))
			.isEqualByComparingTo("165.50");
		assertThat(page(StaffRole.OFFICE_MANAGER)).contains("165.50 USD", "Staff");
		// the audit trail outlives TestData.reset, so other tests' changes of D2391 may
		// be
		// there too: this change's entry is looked for by its detail
		assertThat(data.jdbc()
			.queryForObject(
					"select count(*) from (select action, resource_id, detail from audit_pending union all"
							+ " select action, resource_id, detail from audit_entry) entries where action = ?"
							+ " and resource_id = ? and detail = ?",
					Integer.class, "billing.fee-changed", "D2391", "165.50 USD"))
			.isEqualTo(1);
	}

	@Test
	void aFeeTheScheduleRefusesComesBackOnItsRowAndNothingIsWritten() throws Exception {
		assertThat(refused("D2391", "-1")).contains("D2391: must not be negative", "value=\"-1\"");
		assertThat(refused("D2391", "1.234")).contains("has more decimals than USD allows");
		assertThat(refused("D2391", "lots")).contains("Give an amount like 120.00.");
		assertThat(refused("D2391", "")).contains("D2391: ");
		assertThat(data.count("procedure_fee")).isZero();
		change("D9999", "10", StaffRole.ADMIN).andExpect(status().isNotFound());
		assertThat(data.count("procedure_fee")).isZero();
	}

	@Test
	void withHtmxAChangeAnswersItsRowAlone() throws Exception {
		assertThat(page(StaffRole.ADMIN)).contains("hx-post=\"/console/billing/fees/D2391\"");
		String saved = mvc
			.perform(post("/console/billing/fees/D2391").with(csrf())
				.with(as(StaffRole.ADMIN))
				.header("HX-Request", "true")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("amount=170"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(saved.strip()).startsWith("<tr data-code=\"D2391\"");
		assertThat(saved).contains("170.00 USD", "Saved").doesNotContain("<html");

		String refused = mvc
			.perform(post("/console/billing/fees/D2391").with(csrf())
				.with(as(StaffRole.ADMIN))
				.header("HX-Request", "true")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("amount=-5"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("class=\"invalid\"", "must not be negative", "170.00 USD").doesNotContain("<html");
		assertThat(data.jdbc()
			.queryForObject("select amount from procedure_fee where code = 'D2391'", java.math.BigDecimal.class))
			.isEqualByComparingTo("170");
	}

	@Test
	void theFrontDeskReadsTheFeesButCannotChangeOne() throws Exception {
		assertThat(page(StaffRole.FRONT_DESK)).contains("D1110", "120.00 USD")
			.doesNotContain("/console/billing/fees/D");
		assertThat(page(StaffRole.DENTIST)).contains("D1110");

		change("D2391", "165.50", StaffRole.FRONT_DESK).andExpect(status().isForbidden());
		change("D2391", "165.50", StaffRole.DENTIST).andExpect(status().isForbidden());

		assertThat(data.count("procedure_fee")).isZero();
	}

	String refused(String code, String amount) throws Exception {
		return change(code, amount, StaffRole.ADMIN).andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	String page(StaffRole role) throws Exception {
		return mvc.perform(get("/console/billing/fees").with(as(role)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	ResultActions change(String code, String amount, StaffRole role) throws Exception {
		return mvc.perform(post("/console/billing/fees/" + code).with(csrf())
			.with(as(role))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("amount=" + amount));
	}

	RequestPostProcessor as(StaffRole role) {
		return ConsoleStaff.signedIn(accounts, clock, role);
	}

}
