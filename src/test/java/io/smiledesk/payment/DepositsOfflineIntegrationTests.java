package io.smiledesk.payment;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffRole;
import io.smiledesk.test.ConsoleStaff;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static io.smiledesk.test.Json.booking;
import static io.smiledesk.test.Json.problemJson;

/**
 * Without a Stripe API key (the default, and every other integration test's set-up) a
 * deposit is recorded as not collected and the booking counts at once; the webhook,
 * without its signing secret, refuses everything.
 */
@IntegrationTest
class DepositsOfflineIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void withoutAnApiKeyTheDepositIsNotCollectedAndTheAppointmentIsBooked() throws Exception {
		mvc.perform(MockMvcRequestBuilders.post("/api/v1/appointments/book")
			.contentType(MediaType.APPLICATION_JSON)
			.content(booking("Ana", "ana@example.com", null, "2025-08-20T15:00:00Z", "crown_consultation")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("booked"))
			.andExpect(jsonPath("$.deposit.amount").value(75.00))
			.andExpect(jsonPath("$.deposit.currency").value("USD"))
			.andExpect(jsonPath("$.deposit.status").value("not_collected"))
			.andExpect(jsonPath("$.deposit.payment_url").doesNotExist())
			.andExpect(jsonPath("$.deposit.due_by").doesNotExist());

		assertThat(data.jdbc().queryForObject("select status from deposit", String.class)).isEqualTo("NOT_COLLECTED");
	}

	@Test
	void theConsoleSaysDepositsAreNotCollectedAndListsThemSettled() throws Exception {
		mvc.perform(MockMvcRequestBuilders.post("/api/v1/appointments/book")
			.contentType(MediaType.APPLICATION_JSON)
			.content(booking("Ana Silva", "ana@example.com", null, "2025-08-20T15:00:00Z", "crown_consultation")))
			.andExpect(status().isCreated());

		String page = mvc
			.perform(MockMvcRequestBuilders.get("/console/deposits")
				.with(ConsoleStaff.signedIn(accounts, clock, StaffRole.FRONT_DESK)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("id=\"deposits-offline\"", "SMILEDESK_STRIPE_API_KEY", "No deposit is waiting",
				"Ana Silva", "Crown Consultation", "75.00 USD", "not collected", "payments_off");
		// nothing to waive: no money was asked for
		assertThat(page).doesNotContain("/waive\"");
	}

	@Test
	void withoutASigningSecretTheWebhookRefusesEveryEvent() throws Exception {
		mvc.perform(MockMvcRequestBuilders.post("/api/v1/webhooks/stripe")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Stripe-Signature", "t=1,v1=00")
			.content("{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"checkout.session.completed\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(problemJson());

		assertThat(data.count("stripe_event")).isZero();
	}

}
