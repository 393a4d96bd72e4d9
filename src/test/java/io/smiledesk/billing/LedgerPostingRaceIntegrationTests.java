package io.smiledesk.billing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.payment.Money;
import io.smiledesk.test.FakeStripeServer;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.StripeIntegrationTest;
import io.smiledesk.test.TestData;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static io.smiledesk.test.Json.body;
import static io.smiledesk.test.Json.booking;
import static io.smiledesk.test.Json.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two postings with one key at the same moment: both callers pass the check for an
 * earlier posting before either inserts (a barrier holds each lookup that found nothing
 * until the other has looked too), the unique key refuses the second insert, and both
 * callers end as if the posting had been there before: one ledger entry, no error.
 */
@StripeIntegrationTest
@Import(LedgerPostingRaceIntegrationTests.Gate.class)
@WithMockUser(username = "frontdesk-1", roles = "FRONT_DESK")
class LedgerPostingRaceIntegrationTests {

	final FakeStripeServer stripe = FakeStripeServer.shared();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Autowired
	BilledVisits visits;

	@Autowired
	Gate gate;

	@BeforeEach
	void reset() {
		data.reset();
		stripe.reset();
	}

	@AfterEach
	void open() {
		gate.disarm();
	}

	@Test
	void twoEventsForOnePaymentHandledAtTheSameMomentPostItOnceAndAreBothProcessed() throws Exception {
		String invoice = completedVisit();
		String link = body(post("/api/v1/admin/invoices/" + invoice + "/payment-link").andExpect(status().isCreated()));
		String session = field(link, "payment_url").substring(field(link, "payment_url").lastIndexOf('/') + 1);
		ObjectNode paid = stripe.complete(session);
		gate.arm("stripe:" + session);

		// when Stripe sends two events for the one paid session, handled side by side
		send("checkout.session.completed", paid).andExpect(status().isOk());
		send("checkout.session.async_payment_succeeded", paid).andExpect(status().isOk());
		data.awaitEvents();

		// then both passed the check together, both events are processed, and one
		// payment is posted
		awaitProcessed();
		assertThat(gate.met()).as("both lookups found nothing before either inserted").isTrue();
		assertThat(data.count("stripe_event")).isEqualTo(2);
		assertThat(data.jdbc()
			.queryForList("select outcome from stripe_event where type like 'checkout.session.%'", String.class))
			.containsOnly("statement payment recorded");
		assertThat(data.count("ledger_entry where idempotency_key = 'stripe:" + session + "'")).isOne();
		assertThat(data.jdbc().queryForObject("select sum(amount) from ledger_entry", BigDecimal.class))
			.isEqualByComparingTo("0.00");
	}

	@Test
	void twoInsurerPaymentsWithOneKeyAtTheSameMomentPostOnceAndBothGetTheEntry() throws Exception {
		UUID invoice = UUID.fromString(completedVisit());
		String key = "claim:" + UUID.randomUUID() + ":line:paid";
		gate.arm(key);

		List<UUID> posted = together(() -> visits.postInsurerPayment(invoice, "D2391",
				Money.exact(new BigDecimal("100.00"), "USD"), "EOB 1", key, clock.instant(), "frontdesk-1"));

		assertThat(gate.met()).as("both lookups found nothing before either inserted").isTrue();
		assertThat(posted.get(0)).isEqualTo(posted.get(1));
		assertThat(data.count("ledger_entry where idempotency_key = '" + key + "'")).isOne();
	}

	@Test
	void twoWriteOffsWithOneKeyAtTheSameMomentPostOnceAndBothGetTheEntry() throws Exception {
		UUID invoice = UUID.fromString(completedVisit());
		String key = "claim:" + UUID.randomUUID() + ":line:write-off";
		gate.arm(key);

		List<UUID> posted = together(
				() -> visits.postInsuranceWriteOff(invoice, "D2391", Money.exact(new BigDecimal("30.00"), "USD"),
						"Insurance write-off", key, clock.instant(), "frontdesk-1"));

		assertThat(gate.met()).isTrue();
		assertThat(posted.get(0)).isEqualTo(posted.get(1));
		assertThat(data.count("ledger_entry where idempotency_key = '" + key + "'")).isOne();
	}

	/** The same call on two threads at once; both must return. */
	List<UUID> together(java.util.concurrent.Callable<UUID> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<UUID> first = pool.submit(call);
			Future<UUID> second = pool.submit(call);
			return List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** A visit billed 180.00 USD (a filling, no deposit): its invoice id. */
	String completedVisit() throws Exception {
		String appointment = field(
				body(post("/api/v1/appointments/book", booking("Ana Silva", "ana@example.com", null,
						"2025-08-20T14:00:00Z", "filling", "dr-maria-lopez"))
					.andExpect(status().isCreated())),
				"appointment_id");
		clock.set(Instant.parse("2025-08-20T15:30:00Z"));
		post("/api/v1/admin/appointments/" + appointment + "/complete", "{}").andExpect(status().isOk());
		return data.jdbc().queryForObject("select id from invoice", UUID.class).toString();
	}

	void awaitProcessed() throws InterruptedException {
		long deadline = System.nanoTime() + 20_000_000_000L;
		while (data.count("stripe_event where processed_at is null") > 0) {
			assertThat(System.nanoTime()).as("both Stripe events processed in time").isLessThan(deadline);
			Thread.sleep(20);
		}
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

	/**
	 * Wraps the ledger's repository: once armed for a key, a lookup of that key that
	 * finds nothing waits until a second one has found nothing too (at most ten seconds).
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Gate {

		private volatile String key;

		private volatile CyclicBarrier barrier;

		private final AtomicBoolean met = new AtomicBoolean();

		void arm(String key) {
			this.met.set(false);
			this.barrier = new CyclicBarrier(2, () -> this.met.set(true));
			this.key = key;
		}

		void disarm() {
			this.key = null;
		}

		boolean met() {
			return this.met.get();
		}

		@Bean
		static BeanPostProcessor gatedLedgerEntries(org.springframework.beans.factory.ObjectProvider<Gate> gate) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (!(bean instanceof LedgerEntryRepository entries)) {
						return bean;
					}
					return Proxy.newProxyInstance(LedgerEntryRepository.class.getClassLoader(),
							new Class<?>[] { LedgerEntryRepository.class }, (proxy, method, args) -> {
								Object result;
								try {
									result = method.invoke(entries, args);
								}
								catch (InvocationTargetException ex) {
									throw ex.getTargetException();
								}
								if ("findByClinicIdAndIdempotencyKey".equals(method.getName())
										&& ((Optional<?>) result).isEmpty()) {
									gate.getObject().await((String) args[1]);
								}
								return result;
							});
				}
			};
		}

		private void await(String looked) {
			CyclicBarrier armed = this.barrier;
			if (armed == null || !looked.equals(this.key)) {
				return;
			}
			try {
				armed.await(10, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				// the other caller never came: go on alone (the test then fails on met())
			}
		}

	}

}
