package io.smiledesk.payment;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffRole;
import io.smiledesk.test.ConsoleStaff;
import io.smiledesk.test.FakeStripeServer;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.StripeIntegrationTest;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static io.smiledesk.test.Json.body;
import static io.smiledesk.test.Json.booking;
import static io.smiledesk.test.Json.field;

/**
 * The console's deposits page with Stripe configured: the front desk sees the deposits
 * still to pay with their deadline and payment page, waives one (the appointment counts,
 * the deposit is listed as settled), and is told when a deposit cannot be waived or
 * Stripe refuses the refund, with nothing changed.
 */
@StripeIntegrationTest
class DepositConsoleIntegrationTests {

	final FakeStripeServer stripe = FakeStripeServer.shared();

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
		stripe.reset();
	}

	@Test
	void listsTheDepositsStillToPayWithTheirDeadlineAndPaymentPage() throws Exception {
		String id = book("Ana Silva", "ana@example.com");

		String page = page();

		assertThat(page).contains("id=\"deposits-awaiting\"", "Ana Silva", "Teeth Whitening", "Wed 20 Aug 2025 10:00",
				"50.00 USD", "waiting", "4 Aug 08:30", "href=\"https://checkout.stripe.test/c/pay/",
				"action=\"/console/deposits/" + id + "/waive\"", "refunded if you cancel at least 24 hours");
		assertThat(page).doesNotContain("id=\"deposits-offline\"")
			.contains("Nothing needs looking at.", "No deposit was settled in the last 30 days.");
	}

	@Test
	void waivingADepositFromTheConsoleBooksTheAppointment() throws Exception {
		String id = book("Ana Silva", "ana@example.com");

		mvc.perform(post("/console/deposits/" + id + "/waive").with(csrf()).with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/console/deposits"));

		assertThat(data.jdbc().queryForObject("select status from appointment", String.class)).isEqualTo("BOOKED");
		assertThat(page()).contains("No deposit is waiting for payment.", "data-status=\"waived\"", "waived_by_staff");
	}

	@Test
	void aSettledDepositCannotBeWaivedAgain() throws Exception {
		String id = book("Ana Silva", "ana@example.com");
		waive(id).andExpect(status().isFound());

		String refused = body(waive(id).andExpect(status().isConflict()));

		assertThat(refused).contains("id=\"deposits-problem\"", "already settled and cannot be waived");
	}

	@Test
	void aRefundStripeRefusesChangesNothingAndSaysSo() throws Exception {
		String id = book("Ana Silva", "ana@example.com");
		data.jdbc().update("update deposit set status = 'PAID', payment_intent_id = 'pi_test_1'");
		stripe.refuseRefunds();

		String refused = body(waive(id).andExpect(status().isBadGateway()));

		assertThat(refused).contains("Stripe did not take the refund, so nothing was changed.");
		assertThat(data.jdbc().queryForObject("select status from deposit", String.class)).isEqualTo("PAID");
	}

	private String book(String name, String email) throws Exception {
		return field(body(mvc
			.perform(MockMvcRequestBuilders.post("/api/v1/appointments/book")
				.contentType(MediaType.APPLICATION_JSON)
				.content(booking(name, email, null, "2025-08-20T14:00:00Z", "teeth_whitening")))
			.andExpect(status().isCreated())), "appointment_id");
	}

	private ResultActions waive(String id) throws Exception {
		return mvc.perform(post("/console/deposits/" + id + "/waive").with(csrf()).with(as(StaffRole.OFFICE_MANAGER)));
	}

	private String page() throws Exception {
		return body(mvc.perform(get("/console/deposits").with(as(StaffRole.FRONT_DESK))).andExpect(status().isOk()));
	}

	private RequestPostProcessor as(StaffRole role) {
		return ConsoleStaff.signedIn(accounts, clock, role);
	}

}
