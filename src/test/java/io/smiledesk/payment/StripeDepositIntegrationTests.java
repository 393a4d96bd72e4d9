package io.smiledesk.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.scheduling.Booking;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static io.smiledesk.test.Json.body;
import static io.smiledesk.test.Json.booking;
import static io.smiledesk.test.Json.field;
import static io.smiledesk.test.Json.problemJson;
import static io.smiledesk.test.Json.value;

/**
 * Deposits end to end against the fake Stripe: booking a whitening waits for its deposit
 * with a Checkout Session; signed events pay it (once); the deadline releases an unpaid
 * time; late payments and cancellations are refunded or kept by the policy.
 */
@StripeIntegrationTest
class StripeDepositIntegrationTests {

	static final String TWO_WEEKS_AHEAD = "2025-08-20T14:00:00Z";

	final FakeStripeServer stripe = FakeStripeServer.shared();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Autowired
	DepositDeadlines deadlines;

	@Autowired
	Booking booking;

	@BeforeEach
	void reset() {
		data.reset();
		stripe.reset();
	}

	@Test
	void bookingAServiceWithADepositWaitsForItWithAPaymentLink() throws Exception {
		String answer = body(book("ana@example.com").andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("pending_deposit"))
			.andExpect(jsonPath("$.deposit.amount").value(50.00))
			.andExpect(jsonPath("$.deposit.currency").value("USD"))
			.andExpect(jsonPath("$.deposit.status").value("pending"))
			.andExpect(jsonPath("$.deposit.due_by").value("2025-08-04T12:30:00Z"))
			.andExpect(jsonPath("$.deposit.policy").value(org.hamcrest.Matchers.containsString("24 hours"))));

		var created = stripe.calls("POST", "/v1/checkout/sessions");
		assertThat(created).hasSize(1);
		Map<String, String> form = created.get(0).form();
		assertThat(form).containsEntry("mode", "payment")
			.containsEntry("line_items[0][price_data][unit_amount]", "5000")
			.containsEntry("line_items[0][price_data][currency]", "usd")
			.containsEntry("client_reference_id", field(answer, "appointment_id"))
			.containsEntry("expires_at", String.valueOf(Instant.parse("2025-08-04T12:30:00Z").getEpochSecond()));
		assertThat(created.get(0).idempotencyKey()).startsWith("deposit-checkout-");
		String session = onlySession();
		assertThat(field(answer, "payment_url")).isEqualTo("https://checkout.stripe.test/c/pay/" + session);
		// the time stays claimed while the deposit is awaited
		assertThat(data.count("slot_claim")).isEqualTo(30);
	}

	@Test
	void theAssistantGivesThePaymentLinkInItsReplyAndItsAppointment() throws Exception {
		String session = field(body(
				chat(null, "Book me a teeth whitening on Wednesday at 2pm please. Tom Becker, tom.becker@example.com")
					.andExpect(jsonPath("$.state.stage").value("confirm"))),
				"session_id");

		String booked = body(chat(session, "yes").andExpect(jsonPath("$.appointment.action").value("booked"))
			.andExpect(jsonPath("$.appointment.status").value("pending_deposit"))
			.andExpect(jsonPath("$.appointment.deposit.status").value("pending"))
			.andExpect(jsonPath("$.appointment.deposit.amount").value(50.00)));

		String url = "https://checkout.stripe.test/c/pay/" + onlySession();
		assertThat(field(booked, "payment_url")).isEqualTo(url);
		assertThat(field(booked, "reply")).contains(url).contains("50.00 USD").contains("24 hours");
	}

	@Test
	void aBurstOfDepositBookingsKeepsToOneConnectionEach() throws Exception {
		// more bookings at once than the test pool has connections (6): a booking that
		// needed a second connection while holding its first would wait on the others
		String[] days = { "2025-08-19", "2025-08-20", "2025-08-21", "2025-08-26", "2025-08-27", "2025-08-28" };
		String[] dentists = { "dr-maria-lopez", "dr-aisha-patel" };
		ExecutorService pool = Executors.newFixedThreadPool(12);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				String request = booking("Patient " + i, "p" + i + "@example.com", null, days[i / 2] + "T14:30:00Z",
						"teeth_whitening", dentists[i % 2]);
				statuses.add(pool.submit(() -> {
					start.await();
					return mvc.perform(json("/api/v1/appointments/book", request))
						.andReturn()
						.getResponse()
						.getStatus();
				}));
			}
			start.countDown();
			for (Future<Integer> status : statuses) {
				assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(201);
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(stripe.calls("POST", "/v1/checkout/sessions")).hasSize(12);
		assertThat(data.jdbc()
			.queryForObject("select count(*) from deposit where checkout_session_id is not null", Integer.class))
			.isEqualTo(12);
	}

	@Test
	void aServiceWithoutADepositIsBookedAtOnceWithoutOne() throws Exception {
		mvc.perform(json("/api/v1/appointments/book",
				booking("Ana", "ana@example.com", null, TWO_WEEKS_AHEAD, "annual_cleaning")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("booked"))
			.andExpect(jsonPath("$.deposit").doesNotExist());
		assertThat(stripe.calls()).isEmpty();
		assertThat(data.count("deposit")).isZero();
	}

	@Test
	void refusesWrongMissingAndStaleSignaturesAndStoresNothing() throws Exception {
		book("ana@example.com");
		String payload = stripe.event("checkout.session.completed", stripe.complete(onlySession()), now());

		webhook(payload, FakeStripeServer.signature(payload, "whsec_wrong", now())).andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.type").value("https://smiledesk.io/problems/stripe-signature"));
		webhook(payload, null).andExpect(status().isBadRequest()).andExpect(problemJson());
		webhook(payload, FakeStripeServer.signature(payload, FakeStripeServer.WEBHOOK_SECRET, now() - 301))
			.andExpect(status().isBadRequest())
			.andExpect(problemJson());
		webhook(payload.replace("\"paid\"", "\"unpaid\""),
				FakeStripeServer.signature(payload, FakeStripeServer.WEBHOOK_SECRET, now()))
			.andExpect(status().isBadRequest());
		data.awaitEvents();

		assertThat(data.count("stripe_event")).isZero();
		assertThat(depositStatus()).isEqualTo("PENDING");
		assertThat(appointmentStatus()).isEqualTo("PENDING_DEPOSIT");
	}

	@Test
	void aCompletedCheckoutMarksTheDepositPaidAndTheAppointmentBooked() throws Exception {
		String id = field(body(book("ana@example.com")), "appointment_id");
		ObjectNode session = stripe.complete(onlySession());

		send("checkout.session.completed", session).andExpect(status().isOk())
			.andExpect(jsonPath("$.received").value(true));
		data.awaitEvents();

		assertThat(depositStatus()).isEqualTo("PAID");
		assertThat(appointmentStatus()).isEqualTo("BOOKED");
		assertThat(value(deposit(), "payment_intent_id")).isEqualTo(session.path("payment_intent").asString());
		assertThat(audited("deposit.paid", id)).containsEntry("actor_id", "system")
			.containsEntry("detail", "50.00 USD, paid");
		mvc.perform(json("/api/v1/appointments/" + id + "/confirm", "{\"email\":\"ana@example.com\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("confirmed"))
			.andExpect(jsonPath("$.deposit.status").value("paid"))
			.andExpect(jsonPath("$.deposit.payment_url").doesNotExist());
	}

	@Test
	void aReplayedEventIsProcessedOnce() throws Exception {
		book("ana@example.com");
		ObjectNode session = stripe.complete(onlySession());
		String payload = stripe.event("checkout.session.completed", session, now());
		String signature = FakeStripeServer.signature(payload, FakeStripeServer.WEBHOOK_SECRET, now());

		webhook(payload, signature).andExpect(status().isOk()).andExpect(jsonPath("$.duplicate").doesNotExist());
		data.awaitEvents();
		webhook(payload, signature).andExpect(status().isOk()).andExpect(jsonPath("$.duplicate").value(true));
		// the same payment announced again by its payment intent
		send("payment_intent.succeeded", stripe.paymentIntent(session.path("payment_intent").asString()))
			.andExpect(status().isOk());
		data.awaitEvents();

		assertThat(data.count("stripe_event")).isEqualTo(2);
		assertThat(depositStatus()).isEqualTo("PAID");
		assertThat(appointmentStatus()).isEqualTo("BOOKED");
		assertThat(stripe.calls("POST", "/v1/refunds")).isEmpty();
	}

	@Test
	void unknownTypesAndUnknownSessionsAreAcknowledged() throws Exception {
		ObjectNode customer = new tools.jackson.databind.ObjectMapper().createObjectNode()
			.put("id", "cus_1")
			.put("object", "customer");
		send("customer.created", customer).andExpect(status().isOk());
		ObjectNode stranger = new tools.jackson.databind.ObjectMapper().createObjectNode()
			.put("id", "cs_test_not_ours")
			.put("object", "checkout.session")
			.put("payment_status", "paid")
			.put("payment_intent", "pi_not_ours");
		send("checkout.session.completed", stranger).andExpect(status().isOk());
		data.awaitEvents();

		assertThat(data.jdbc().queryForList("select outcome from stripe_event order by outcome", String.class))
			.containsExactly("type not handled, acknowledged", "unknown session, acknowledged");
	}

	@Test
	void anUnpaidDepositReleasesTheTimeAtTheDeadlineAndThePatientIsTold() throws Exception {
		book("ana@example.com");
		String session = onlySession();
		clock.advance(Duration.ofMinutes(29));
		assertThat(deadlines.runNow()).contains(0);

		clock.advance(Duration.ofMinutes(2));
		assertThat(deadlines.runNow()).contains(1);
		data.awaitEvents();

		assertThat(appointmentStatus()).isEqualTo("CANCELLED");
		assertThat(value(data.jdbc().queryForMap("select cancel_reason from appointment"), "cancel_reason"))
			.isEqualTo("deposit_not_paid");
		assertThat(depositStatus()).isEqualTo("NOT_COLLECTED");
		assertThat(data.count("slot_claim")).isZero();
		assertThat(stripe.session(session).path("status").asString()).isEqualTo("expired");
		assertThat(data.count("channel_outbound")).as("the patient is told").isEqualTo(1);
		assertThat(data.count("waitlist_slot")).as("the waitlist sees the freed time").isEqualTo(1);
	}

	@Test
	void aPaymentSeenByStripeBeforeTheDeadlineIsHonouredByTheJob() throws Exception {
		book("ana@example.com");
		stripe.complete(onlySession());
		clock.advance(Duration.ofMinutes(31));

		assertThat(deadlines.runNow()).contains(0);

		assertThat(depositStatus()).isEqualTo("PAID");
		assertThat(appointmentStatus()).isEqualTo("BOOKED");
	}

	@Test
	void aCompletionAfterTheTimeWasReleasedIsRefunded() throws Exception {
		book("ana@example.com");
		String session = onlySession();
		clock.advance(Duration.ofMinutes(31));
		deadlines.runNow();
		data.awaitEvents();
		// Stripe took the payment just before the page closed and says so late
		ObjectNode paid = stripe.complete(session);

		send("checkout.session.completed", paid).andExpect(status().isOk());
		data.awaitEvents();

		assertThat(depositStatus()).isEqualTo("REFUNDED");
		assertThat(value(deposit(), "note")).isEqualTo("paid_after_release");
		assertThat(appointmentStatus()).isEqualTo("CANCELLED");
		var refunds = stripe.calls("POST", "/v1/refunds");
		assertThat(refunds).hasSize(1);
		assertThat(refunds.get(0).form()).containsEntry("payment_intent", paid.path("payment_intent").asString());
		assertThat(refunds.get(0).idempotencyKey()).isEqualTo("deposit-refund-" + value(deposit(), "id"));
	}

	@Test
	void aCancellationOutsideTheNoticeWindowRefundsThePaidDeposit() throws Exception {
		String id = field(body(book("ana@example.com")), "appointment_id");
		pay();

		mvc.perform(json("/api/v1/appointments/" + id + "/cancel", "{\"email\":\"ana@example.com\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("cancelled"));
		data.awaitEvents();

		assertThat(depositStatus()).isEqualTo("REFUNDED");
		assertThat(value(deposit(), "note")).isEqualTo("cancelled_outside_notice");
		assertThat(stripe.calls("POST", "/v1/refunds")).hasSize(1);
	}

	@Test
	@WithMockUser(roles = "FRONT_DESK")
	void aCancellationInsideTheWindowKeepsTheDepositUnlessStaffWaiveIt() throws Exception {
		UUID id = UUID.fromString(field(body(book("ana@example.com")), "appointment_id"));
		pay();
		clock.set(Instant.parse("2025-08-20T02:00:00Z"));

		booking.cancel(id, "called in sick", Booking.Actor.staff());
		data.awaitEvents();

		assertThat(depositStatus()).isEqualTo("FORFEITED");
		assertThat(stripe.calls("POST", "/v1/refunds")).isEmpty();

		mvc.perform(MockMvcRequestBuilders.post("/api/v1/admin/appointments/" + id + "/deposit/waive"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.deposit.status").value("waived"));
		assertThat(stripe.calls("POST", "/v1/refunds")).hasSize(1);
		mvc.perform(MockMvcRequestBuilders.post("/api/v1/admin/appointments/" + id + "/deposit/waive"))
			.andExpect(status().isConflict())
			.andExpect(problemJson());
		mvc.perform(MockMvcRequestBuilders.post("/api/v1/admin/appointments/" + UUID.randomUUID() + "/deposit/waive"))
			.andExpect(status().isNotFound())
			.andExpect(problemJson());
	}

	@Test
	void aNoShowKeepsThePaidDeposit() throws Exception {
		UUID id = UUID.fromString(field(body(book("ana@example.com")), "appointment_id"));
		pay();
		clock.set(Instant.parse("2025-08-20T15:30:00Z"));

		booking.markNoShow(id);
		data.awaitEvents();

		assertThat(depositStatus()).isEqualTo("FORFEITED");
		assertThat(value(deposit(), "note")).isEqualTo("no_show");
	}

	@Test
	@WithMockUser(roles = "FRONT_DESK")
	void waivingAPendingDepositBooksTheAppointment() throws Exception {
		UUID id = UUID.fromString(field(body(book("ana@example.com")), "appointment_id"));

		mvc.perform(MockMvcRequestBuilders.post("/api/v1/admin/appointments/" + id + "/deposit/waive"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.deposit.status").value("waived"))
			.andExpect(jsonPath("$.deposit.payment_url").doesNotExist());

		assertThat(appointmentStatus()).isEqualTo("BOOKED");
		assertThat(stripe.session(onlySession()).path("status").asString()).isEqualTo("expired");
		// who gave the money up is on the audit trail, with the booking's own entries
		assertThat(audited("deposit.waived", id.toString())).containsEntry("actor_id", "user")
			.containsEntry("actor_role", "FRONT_DESK")
			.containsEntry("detail", "50.00 USD, waived, waived_by_staff");
		assertThat(audited("deposit.recorded", id.toString())).containsEntry("detail", "50.00 USD, pending");
	}

	@Test
	void aRefundSeenBeforeTheCompletionIsRecordedAndTheCompletionDoesNotBook() throws Exception {
		book("ana@example.com");
		ObjectNode session = stripe.complete(onlySession());
		String intent = session.path("payment_intent").asString();
		ObjectNode refund = new tools.jackson.databind.ObjectMapper().createObjectNode()
			.put("id", "re_test_early")
			.put("object", "refund")
			.put("payment_intent", intent)
			.put("status", "succeeded");
		refund.putObject("metadata").put("deposit_id", value(deposit(), "id").toString());

		send("refund.created", refund).andExpect(status().isOk());
		data.awaitEvents();
		assertThat(depositStatus()).isEqualTo("REFUNDED");
		assertThat(value(deposit(), "note")).isEqualTo("refund_before_payment_seen");

		send("checkout.session.completed", session).andExpect(status().isOk());
		data.awaitEvents();
		assertThat(depositStatus()).isEqualTo("REFUNDED");
		assertThat(appointmentStatus()).isEqualTo("PENDING_DEPOSIT");
	}

	@Test
	void aRefundStripeRefusesGoesToStaffReview() throws Exception {
		String id = field(body(book("ana@example.com")), "appointment_id");
		pay();
		stripe.refuseRefunds();

		mvc.perform(json("/api/v1/appointments/" + id + "/cancel", "{\"email\":\"ana@example.com\"}"))
			.andExpect(status().isOk());
		data.awaitEvents();

		assertThat(depositStatus()).isEqualTo("PAID");
		assertThat(value(deposit(), "needs_review")).isEqualTo("true");
		assertThat(value(deposit(), "note")).isEqualTo("cancelled_outside_notice: refund failed");
	}

	private void pay() throws Exception {
		send("checkout.session.completed", stripe.complete(onlySession())).andExpect(status().isOk());
		data.awaitEvents();
		assertThat(depositStatus()).isEqualTo("PAID");
	}

	private ResultActions book(String email) throws Exception {
		return mvc.perform(json("/api/v1/appointments/book",
				booking("Ana Silva", email, null, TWO_WEEKS_AHEAD, "teeth_whitening")));
	}

	private ResultActions chat(String session, String message) throws Exception {
		return mvc.perform(json("/api/v1/chat/messages", session == null ? "{\"message\":\"" + message + "\"}"
				: "{\"session_id\":\"" + session + "\",\"message\":\"" + message + "\"}"));
	}

	private ResultActions send(String type, ObjectNode object) throws Exception {
		String payload = stripe.event(type, object, now());
		return webhook(payload, FakeStripeServer.signature(payload, FakeStripeServer.WEBHOOK_SECRET, now()));
	}

	private ResultActions webhook(String payload, String signature) throws Exception {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post("/api/v1/webhooks/stripe")
			.contentType(MediaType.APPLICATION_JSON)
			.content(payload);
		if (signature != null) {
			request.header("Stripe-Signature", signature);
		}
		return mvc.perform(request);
	}

	private static MockHttpServletRequestBuilder json(String path, String json) {
		return MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json);
	}

	/** The trail's entry, sealed or still waiting to be chained. */
	private Map<String, Object> audited(String action, String resourceId) {
		return data.jdbc()
			.queryForMap("select actor_id, actor_role, detail from (select actor_id, actor_role, action, resource_id,"
					+ " detail from audit_pending union all select actor_id, actor_role, action, resource_id, detail"
					+ " from audit_entry) entries where action = ? and resource_id = ?", action, resourceId);
	}

	private String onlySession() {
		return data.jdbc().queryForObject("select checkout_session_id from deposit", String.class);
	}

	private Map<String, Object> deposit() {
		return data.jdbc().queryForMap("select * from deposit");
	}

	private String depositStatus() {
		return data.jdbc().queryForObject("select status from deposit", String.class);
	}

	private String appointmentStatus() {
		return data.jdbc().queryForObject("select status from appointment", String.class);
	}

	private long now() {
		return clock.instant().getEpochSecond();
	}

}
