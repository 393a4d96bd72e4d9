package io.smiledesk.billing;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.test.FakeStripeServer;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.StripeIntegrationTest;
import io.smiledesk.test.TestData;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static io.smiledesk.test.Json.body;
import static io.smiledesk.test.Json.booking;
import static io.smiledesk.test.Json.field;
import static io.smiledesk.test.Json.problemJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Billing with Stripe (the fake): the deposit paid ahead is applied to the visit's
 * statement, and the rest is paid by card through a Checkout page, posted once.
 */
@StripeIntegrationTest
@WithMockUser(username = "frontdesk-1", roles = "FRONT_DESK")
class BillingStripeIntegrationTests {

	final FakeStripeServer stripe = FakeStripeServer.shared();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Autowired
	io.smiledesk.system.FieldCipher cipher;

	@BeforeEach
	void reset() {
		data.reset();
		stripe.reset();
	}

	@Test
	void thePaidDepositIsAppliedAndTheRestIsPaidByCardOnce() throws Exception {
		String appointment = bookWhiteningAndPayTheDeposit();
		String patient = data.jdbc().queryForObject("select patient_id from appointment", UUID.class).toString();

		complete(appointment);

		mvc.perform(get("/api/v1/admin/patients/" + patient + "/ledger"))
			.andExpect(jsonPath("$.entries[*].kind").value(org.hamcrest.Matchers.contains("charge", "deposit_credit")))
			.andExpect(jsonPath("$.entries[0].procedure_code").value("D9972"))
			.andExpect(jsonPath("$.entries[0].amount").value(350.00))
			.andExpect(jsonPath("$.entries[1].amount").value(-50.00))
			.andExpect(jsonPath("$.balance").value(300.00));
		String invoice = data.jdbc().queryForObject("select id from invoice", UUID.class).toString();
		mvc.perform(get("/api/v1/admin/invoices/" + invoice)).andExpect(jsonPath("$.deposits_applied").value(50.00));

		// when the front office sends a payment page for the rest and the patient pays
		String link = body(post("/api/v1/admin/invoices/" + invoice + "/payment-link").andExpect(status().isCreated())
			.andExpect(jsonPath("$.amount").value(300.00)));
		var created = stripe.calls("POST", "/v1/checkout/sessions");
		assertThat(created).hasSize(2);
		assertThat(created.get(1).form()).containsEntry("metadata[statement_id]", invoice)
			.containsEntry("line_items[0][price_data][unit_amount]", "30000");
		assertThat(created.get(1).idempotencyKey()).isEqualTo("statement-checkout-" + invoice + "-30000");
		assertThat(created.get(1).form()).containsEntry("client_reference_id", invoice);
		String session = field(link, "payment_url").substring(field(link, "payment_url").lastIndexOf('/') + 1);
		ObjectNode paid = stripe.complete(session);
		send("checkout.session.completed", paid).andExpect(status().isOk());
		// Stripe retries with a new event for the same session
		send("checkout.session.completed", paid).andExpect(status().isOk());
		data.awaitEvents();
		awaitPayment();

		// then one card payment settles the statement
		mvc.perform(get("/api/v1/admin/patients/" + patient + "/ledger"))
			.andExpect(jsonPath("$.entries", hasSize(3)))
			.andExpect(jsonPath("$.entries[2].method").value("card_online"))
			.andExpect(jsonPath("$.entries[2].amount").value(-300.00))
			.andExpect(jsonPath("$.balance").value(0.00));
		post("/api/v1/admin/invoices/" + invoice + "/payment-link").andExpect(status().isConflict())
			.andExpect(problemJson());
	}

	@Test
	void aDepositWaivedAfterTheVisitWasBilledIsOwedAgain() throws Exception {
		String appointment = bookWhiteningAndPayTheDeposit();
		complete(appointment);

		post("/api/v1/admin/appointments/" + appointment + "/deposit/waive").andExpect(status().isOk());

		// the money went back to the patient (a Stripe refund): the credit is undone once
		assertThat(data.jdbc().queryForObject("select status from deposit", String.class)).isEqualTo("WAIVED");
		assertThat(stripe.calls("POST", "/v1/refunds")).hasSize(1);
		assertThat(data.jdbc()
			.queryForObject("select description from ledger_entry where kind = 'ADJUSTMENT'", String.class))
			.isEqualTo("Deposit refunded");
		assertThat(data.jdbc().queryForObject("select sum(amount) from ledger_entry", java.math.BigDecimal.class))
			.isEqualByComparingTo("350.00");
	}

	@Test
	void theStatementIsEmailedWithItsPaymentPage() throws Exception {
		String appointment = bookWhiteningAndPayTheDeposit();
		complete(appointment);
		String invoice = data.jdbc().queryForObject("select id from invoice", UUID.class).toString();

		String sent = body(post("/api/v1/admin/invoices/" + invoice + "/send").andExpect(status().isAccepted()));

		String url = field(sent, "payment_url");
		assertThat(url).startsWith("https://checkout.stripe.test/c/pay/");
		String text = cipher.decrypt(data.jdbc()
			.queryForObject("select text from conversation_message where id = ?", String.class,
					UUID.fromString(field(sent, "message_id"))));
		assertThat(text).contains("Here is your statement for your Teeth Whitening on 20 August 2025.",
				"External bleaching, per arch: 350.00 USD", "Deposit applied: -50.00 USD", "Balance due: 300.00 USD",
				"You can pay online here: " + url);
		assertThat(data.count("channel_outbound where subject = 'Your statement from Brightside Dental'")).isOne();
	}

	@Test
	void anUnknownInvoiceHasNoPaymentPageAndIsNotSent() throws Exception {
		post("/api/v1/admin/invoices/" + UUID.randomUUID() + "/payment-link").andExpect(status().isNotFound())
			.andExpect(problemJson());
		post("/api/v1/admin/invoices/" + UUID.randomUUID() + "/send").andExpect(status().isNotFound())
			.andExpect(problemJson());
	}

	String bookWhiteningAndPayTheDeposit() throws Exception {
		String appointment = field(body(post("/api/v1/appointments/book",
				booking("Ana Silva", "ana@example.com", null, "2025-08-20T14:00:00Z", "teeth_whitening"))
			.andExpect(status().isCreated())), "appointment_id");
		String session = data.jdbc().queryForObject("select checkout_session_id from deposit", String.class);
		send("checkout.session.completed", stripe.complete(session)).andExpect(status().isOk());
		data.awaitEvents();
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (!"PAID".equals(data.jdbc().queryForObject("select status from deposit", String.class))) {
			assertThat(System.nanoTime()).as("deposit paid in time").isLessThan(deadline);
			Thread.sleep(20);
		}
		return appointment;
	}

	void awaitPayment() throws InterruptedException {
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (data.count("stripe_event where processed_at is null") > 0) {
			assertThat(System.nanoTime()).as("Stripe events processed in time").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	void complete(String appointment) throws Exception {
		clock.set(Instant.parse("2025-08-20T15:30:00Z"));
		post("/api/v1/admin/appointments/" + appointment + "/complete", "{}").andExpect(status().isOk());
	}

	ResultActions send(String type, ObjectNode object) throws Exception {
		long now = clock.instant().getEpochSecond();
		String payload = stripe.event(type, object, now);
		return mvc.perform(MockMvcRequestBuilders.post("/api/v1/webhooks/stripe")
			.contentType(MediaType.APPLICATION_JSON)
			.content(payload)
			.header("Stripe-Signature", FakeStripeServer.signature(payload, FakeStripeServer.WEBHOOK_SECRET, now)));
	}

	ResultActions post(String path) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.post(path));
	}

	ResultActions post(String path, String json) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json));
	}

}
