package io.smiledesk.billing;

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
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
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
 * The console's ledger: the front desk sees the visit's charge and the running balance,
 * takes a payment (once, however often the form is sent), and is told what is wrong with
 * a bad one; a hygienist reads the ledger without the form; the statement as a page and a
 * PDF.
 */
@IntegrationTest
class LedgerConsoleIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Autowired
	StaffAccounts accounts;

	String patient;

	@BeforeEach
	void billAVisit() throws Exception {
		data.reset();
		String appointment = field(body(api(post("/api/v1/appointments/book").contentType(MediaType.APPLICATION_JSON)
			.content(booking("Ana Silva", "ana@example.com", null, "2025-08-20T14:00:00Z", "filling",
					"dr-maria-lopez")))),
				"appointment_id");
		clock.set(Instant.parse("2025-08-20T15:00:00Z"));
		api(post("/api/v1/admin/appointments/" + appointment + "/complete").contentType(MediaType.APPLICATION_JSON)
			.content("{}"));
		patient = data.jdbc().queryForObject("select patient_id from appointment", UUID.class).toString();
	}

	@Test
	void theFrontDeskSeesTheChargeAndTakesAPaymentOnce() throws Exception {
		String page = page(StaffRole.FRONT_DESK);
		assertThat(page).contains("Ledger: Ana Silva", "D2391", "Resin-based composite", "180.00 USD",
				"id=\"ledger-payment\"", "Card on the clinic&#39;s terminal");

		String form = "amount=80&method=check&reference=Check+1042&key=form-1";
		for (int i = 0; i < 2; i++) {
			mvc.perform(post("/console/patients/" + patient + "/ledger/payments").with(csrf())
				.with(as(StaffRole.FRONT_DESK))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content(form))
				.andExpect(status().isFound())
				.andExpect(redirectedUrl("/console/patients/" + patient + "/ledger"));
		}

		assertThat(data.count("ledger_entry where kind = 'PAYMENT'")).isEqualTo(1);
		assertThat(page(StaffRole.FRONT_DESK)).contains("100.00 USD", "Check 1042", "-80.00");
	}

	@Test
	void aBadPaymentIsShownOnTheFormAndNothingIsPosted() throws Exception {
		String answer = mvc
			.perform(post("/console/patients/" + patient + "/ledger/payments").with(csrf())
				.with(as(StaffRole.FRONT_DESK))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("amount=-5&method=cash&key=form-2"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(answer).contains("must be more than zero", "id=\"amount-error\"");
		mvc.perform(post("/console/patients/" + patient + "/ledger/payments").with(csrf())
			.with(as(StaffRole.FRONT_DESK))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("amount=5&method=card_online&key=form-3")).andExpect(status().isBadRequest());
		mvc.perform(post("/console/patients/" + patient + "/ledger/payments").with(csrf())
			.with(as(StaffRole.FRONT_DESK))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("amount=ten&method=cash&key=form-4")).andExpect(status().isBadRequest());
		assertThat(data.count("ledger_entry where kind = 'PAYMENT'")).isZero();
	}

	@Test
	void theFrontDeskPostsAWriteOffAndIsToldWhatIsWrongWithAnAdjustment() throws Exception {
		mvc.perform(post("/console/patients/" + patient + "/ledger/adjustments").with(csrf())
			.with(as(StaffRole.FRONT_DESK))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("kind=write_off&amount=30&reason=Hardship&key=adj-1")).andExpect(status().isFound());
		String refused = mvc
			.perform(post("/console/patients/" + patient + "/ledger/adjustments").with(csrf())
				.with(as(StaffRole.FRONT_DESK))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("kind=adjustment&amount=-10&reason=&key=adj-2"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(refused).contains("must say why");
		assertThat(data.count("ledger_entry where kind in ('ADJUSTMENT', 'WRITE_OFF')")).isOne();
		assertThat(page(StaffRole.FRONT_DESK)).contains("Hardship", "-30.00", "150.00 USD");
	}

	@Test
	void aHygienistReadsTheLedgerWithoutThePaymentForm() throws Exception {
		assertThat(page(StaffRole.HYGIENIST)).contains("D2391", "id=\"ledger-read-only\"")
			.doesNotContain("id=\"ledger-payment\"", "id=\"ledger-adjustment\"");
		mvc.perform(post("/console/patients/" + patient + "/ledger/adjustments").with(csrf())
			.with(as(StaffRole.HYGIENIST))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("kind=write_off&amount=5")).andExpect(status().isForbidden());
		mvc.perform(post("/console/patients/" + patient + "/ledger/payments").with(csrf())
			.with(as(StaffRole.HYGIENIST))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("amount=5&method=cash")).andExpect(status().isForbidden());
	}

	@Test
	void theStatementIsAPageAndAPdf() throws Exception {
		String invoice = data.jdbc().queryForObject("select id from invoice", UUID.class).toString();

		String page = mvc.perform(get("/console/invoices/" + invoice).with(as(StaffRole.DENTIST)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Statement", "Brightside Dental", "Ana Silva", "D2391", "Dr. Maria Lopez",
				"id=\"invoice-balance\"><strong>180.00</strong>");
		byte[] pdf = mvc.perform(get("/console/invoices/" + invoice + "/pdf").with(as(StaffRole.DENTIST)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
		mvc.perform(get("/console/invoices/" + UUID.randomUUID()).with(as(StaffRole.DENTIST)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/console/patients/" + UUID.randomUUID() + "/ledger").with(as(StaffRole.DENTIST)))
			.andExpect(status().isNotFound());
	}

	@Test
	void theFrontDeskEmailsTheStatementAndIsToldWhenItCannotBe() throws Exception {
		String invoice = data.jdbc().queryForObject("select id from invoice", UUID.class).toString();
		assertThat(mvc.perform(get("/console/invoices/" + invoice).with(as(StaffRole.DENTIST)))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("id=\"invoice-send\"");

		mvc.perform(post("/console/invoices/" + invoice + "/send").with(csrf()).with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/console/invoices/" + invoice));

		assertThat(data.count("channel_outbound where subject = 'Your statement from Brightside Dental'")).isOne();
		// a patient known by phone only: nothing is sent, and the page says why
		String byPhone = field(body(api(post("/api/v1/appointments/book").contentType(MediaType.APPLICATION_JSON)
			.content(booking("Ben Okafor", null, "+1 415 555 0142", "2025-08-21T14:00:00Z", "filling",
					"dr-maria-lopez")))),
				"appointment_id");
		clock.set(Instant.parse("2025-08-21T15:00:00Z"));
		api(post("/api/v1/admin/appointments/" + byPhone + "/complete").contentType(MediaType.APPLICATION_JSON)
			.content("{}"));
		String other = data.jdbc()
			.queryForObject("select id from invoice where appointment_id = ?", UUID.class, UUID.fromString(byPhone))
			.toString();
		String answer = mvc
			.perform(post("/console/invoices/" + other + "/send").with(csrf()).with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(answer).contains("id=\"invoice-problem\"", "no email address");
		assertThat(data.count("channel_outbound where subject = 'Your statement from Brightside Dental'")).isOne();
	}

	String page(StaffRole role) throws Exception {
		return mvc.perform(get("/console/patients/" + patient + "/ledger").with(as(role)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	ResultActions api(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		return mvc.perform(request.with(
				org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("admin")
					.roles("ADMIN")));
	}

	RequestPostProcessor as(StaffRole role) {
		return ConsoleStaff.signedIn(accounts, clock, role);
	}

}
