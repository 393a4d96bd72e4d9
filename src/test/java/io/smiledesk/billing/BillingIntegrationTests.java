package io.smiledesk.billing;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.scheduling.AppointmentEvents.AppointmentCompleted;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static io.smiledesk.test.Json.body;
import static io.smiledesk.test.Json.booking;
import static io.smiledesk.test.Json.field;
import static io.smiledesk.test.Json.problemJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Billing end to end: a completed visit posts its procedures once at the fee schedule's
 * fee; the front office takes payments and posts adjustments; the statement as JSON and
 * PDF; refusals write nothing; everything on the audit trail.
 */
@IntegrationTest
@WithMockUser(username = "frontdesk-1", roles = "FRONT_DESK")
class BillingIntegrationTests {

	static final String VISIT = "2025-08-20T14:00:00Z";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void completingAVisitPostsItsProceduresOnceAtTheCataloguePrice() throws Exception {
		String appointment = bookFilling("ana@example.com");
		String patient = patientOf(appointment);

		complete(appointment).andExpect(status().isOk());

		mvc.perform(get("/api/v1/admin/patients/" + patient + "/ledger"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.currency").value("USD"))
			.andExpect(jsonPath("$.entries", hasSize(1)))
			.andExpect(jsonPath("$.entries[0].kind").value("charge"))
			.andExpect(jsonPath("$.entries[0].procedure_code").value("D2391"))
			.andExpect(jsonPath("$.entries[0].amount").value(180.00))
			.andExpect(jsonPath("$.entries[0].balance").value(180.00))
			.andExpect(jsonPath("$.balance").value(180.00))
			.andExpect(jsonPath("$.invoices", hasSize(1)));
		// the same completion reported again (a redelivered event) bills nothing more
		Instant start = Instant.parse(VISIT);
		new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(
				new AppointmentCompleted(UUID.fromString(appointment), UUID.fromString(patient), "filling", start)));
		complete(appointment).andExpect(status().isConflict());
		assertThat(data.count("ledger_entry")).isEqualTo(1);
		assertThat(data.count("invoice")).isEqualTo(1);
		assertThat(audited("billing.charge-posted", patient)).contains("180.00 USD, D2391");
	}

	@Test
	@WithMockUser(username = "manager-1", roles = "OFFICE_MANAGER")
	void aFeeStaffSetIsWhatTheNextVisitIsCharged() throws Exception {
		put("/api/v1/admin/fees/D2391", "{\"amount\":165.5}").andExpect(status().isOk())
			.andExpect(jsonPath("$.amount").value(165.50))
			.andExpect(jsonPath("$.overridden").value(true));
		mvc.perform(get("/api/v1/admin/fees"))
			.andExpect(jsonPath("$.fees[?(@.code == 'D2391')].amount").value(165.50))
			.andExpect(jsonPath("$.fees[?(@.code == 'D1110')].amount").value(120.00))
			.andExpect(jsonPath("$.fees[?(@.code == 'D1110')].overridden").value(false));
		String appointment = bookFilling("ana@example.com");

		complete(appointment).andExpect(status().isOk());

		assertThat(data.jdbc().queryForObject("select amount from ledger_entry", java.math.BigDecimal.class))
			.isEqualByComparingTo("165.50");
		// the audit trail outlives TestData.reset: another test may have changed this fee
		assertThat(data.jdbc()
			.queryForList("select detail from (select action, resource_id, detail from audit_pending union all"
					+ " select action, resource_id, detail from audit_entry) entries where action = ?"
					+ " and resource_id = ?", String.class, "billing.fee-changed", "D2391"))
			.contains("165.50 USD");
		put("/api/v1/admin/fees/D9999", "{\"amount\":10}").andExpect(status().isNotFound()).andExpect(problemJson());
		put("/api/v1/admin/fees/D2391", "{\"amount\":-1}").andExpect(status().isBadRequest()).andExpect(problemJson());
		put("/api/v1/admin/fees/D2391", "{\"amount\":1.234}").andExpect(status().isBadRequest());
		put("/api/v1/admin/fees/D2391", "{}").andExpect(status().isBadRequest());
	}

	@Test
	void paymentsAdjustmentsAndWriteOffsMoveTheRunningBalanceAndTheStatement() throws Exception {
		String appointment = bookFilling("ana@example.com");
		String patient = patientOf(appointment);
		complete(appointment).andExpect(status().isOk());
		String invoice = invoiceOf(patient);

		post("/api/v1/admin/payments", payment(patient, invoice, "100.00", "cash", null))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind").value("payment"))
			.andExpect(jsonPath("$.method").value("cash"))
			.andExpect(jsonPath("$.amount").value(-100.00));
		clock.advance(java.time.Duration.ofMinutes(1));
		post("/api/v1/admin/payments", payment(patient, invoice, "40", "check", "Check 1042"))
			.andExpect(status().isCreated());
		clock.advance(java.time.Duration.ofMinutes(1));
		post("/api/v1/admin/adjustments",
				"{\"patient_id\":\"%s\",\"invoice_id\":\"%s\",\"kind\":\"adjustment\",\"amount\":-15,\"reason\":\"Courtesy\"}"
					.formatted(patient, invoice))
			.andExpect(status().isCreated());
		clock.advance(java.time.Duration.ofMinutes(1));
		post("/api/v1/admin/adjustments",
				"{\"patient_id\":\"%s\",\"invoice_id\":\"%s\",\"kind\":\"write_off\",\"amount\":25}".formatted(patient,
						invoice))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.amount").value(-25.00));

		mvc.perform(get("/api/v1/admin/patients/" + patient + "/ledger"))
			.andExpect(jsonPath("$.entries[*].balance")
				.value(org.hamcrest.Matchers.contains(180.00, 80.00, 40.00, 25.00, 0.00)))
			.andExpect(jsonPath("$.balance").value(0.00));
		mvc.perform(get("/api/v1/admin/invoices/" + invoice))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.line_items[0].procedure_code").value("D2391"))
			.andExpect(jsonPath("$.charges_total").value(180.00))
			.andExpect(jsonPath("$.deposits_applied").value(0.00))
			.andExpect(jsonPath("$.adjustments").value(-15.00))
			.andExpect(jsonPath("$.write_offs").value(25.00))
			.andExpect(jsonPath("$.payments", hasSize(2)))
			.andExpect(jsonPath("$.payments[1].reference").value("Check 1042"))
			.andExpect(jsonPath("$.payments_total").value(140.00))
			.andExpect(jsonPath("$.balance").value(0.00))
			.andExpect(jsonPath("$.provider").value("Dr. Maria Lopez"));
		assertThat(audited("billing.payment-posted", patient)).startsWith("-100.00 USD, cash");
		assertThat(audited("billing.write-off-posted", patient)).startsWith("-25.00 USD");
		assertThat(data.jdbc().queryForObject("select posted_by from ledger_entry where method = 'CASH'", String.class))
			.isEqualTo("frontdesk-1");
	}

	@Test
	void theStatementRendersAsAPdf() throws Exception {
		String appointment = bookFilling("zoë@example.com");
		complete(appointment).andExpect(status().isOk());
		String invoice = invoiceOf(patientOf(appointment));

		byte[] pdf = mvc.perform(get("/api/v1/admin/invoices/" + invoice).accept(MediaType.APPLICATION_PDF))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Statement")
				.contains("D2391")
				.contains("Ana Silva")
				.contains("Balance due (USD)")
				.contains("180.00");
		}
		mvc.perform(get("/api/v1/admin/invoices/" + UUID.randomUUID()).accept(MediaType.APPLICATION_PDF))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/admin/invoices/" + UUID.randomUUID()))
			.andExpect(status().isNotFound())
			.andExpect(problemJson());
		assertThat(new ByteArrayInputStream(pdf).readNBytes(5)).isEqualTo("%PDF-".getBytes());
	}

	@Test
	void refusesBadPaymentsWithAProblemAndWritesNothing() throws Exception {
		String appointment = bookFilling("ana@example.com");
		String patient = patientOf(appointment);
		String other = patientOf(bookFilling("ben@example.com", "2025-08-21T14:00:00Z"));
		complete(appointment).andExpect(status().isOk());
		String invoice = invoiceOf(patient);
		int before = data.count("ledger_entry");

		refused(payment(patient, null, "-5", "cash", null), 400, "amount");
		refused(payment(patient, null, "0", "cash", null), 400, "amount");
		refused(payment(patient, null, "5.001", "cash", null), 400, "amount");
		refused(payment(patient, null, "5", "bitcoin", null), 400, "method");
		refused(payment(patient, null, "5", "card_online", null), 400, "method");
		refused(payment(other, invoice, "5", "cash", null), 400, "invoice_id");
		refused("{\"patient_id\":\"%s\",\"amount\":5,\"currency\":\"EUR\",\"method\":\"cash\"}".formatted(patient), 400,
				"currency");
		refused("{\"amount\":5,\"method\":\"cash\"}", 400, "patient_id");
		refused("{\"patient_id\":\"not-a-uuid\",\"amount\":5,\"method\":\"cash\"}", 400, null);
		refused("{\"patient_id\":", 400, null);
		refused(payment(UUID.randomUUID().toString(), null, "5", "cash", null), 404, null);
		refused(payment(patient, UUID.randomUUID().toString(), "5", "cash", null), 404, null);
		post("/api/v1/admin/adjustments",
				"{\"patient_id\":\"%s\",\"kind\":\"adjustment\",\"amount\":5}".formatted(patient))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		post("/api/v1/admin/adjustments", "{\"patient_id\":\"%s\",\"kind\":\"charge\",\"amount\":5}".formatted(patient))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("kind"));

		assertThat(data.count("ledger_entry")).isEqualTo(before);
	}

	@Test
	void aRetriedPaymentIsPostedOnceAndAReusedKeyIsRefused() throws Exception {
		String patient = patientOf(bookFilling("ana@example.com"));
		String body = payment(patient, null, "60.00", "card_terminal", "Receipt 77");

		String first = body(post("/api/v1/admin/payments", body, "pay-1").andExpect(status().isCreated()));
		String again = body(post("/api/v1/admin/payments", body, "pay-1").andExpect(status().isCreated()));

		assertThat(field(again, "id")).isEqualTo(field(first, "id"));
		assertThat(data.count("ledger_entry")).isEqualTo(1);
		post("/api/v1/admin/payments", payment(patient, null, "61.00", "card_terminal", null), "pay-1")
			.andExpect(status().isConflict())
			.andExpect(problemJson());
		post("/api/v1/admin/payments", body, " ").andExpect(status().isBadRequest());
		assertThat(data.count("ledger_entry")).isEqualTo(1);
	}

	@Test
	void withoutStripeThereIsNoPaymentPageAndAPatientWithoutEmailGetsNoStatement() throws Exception {
		String byPhone = field(body(post("/api/v1/appointments/book",
				booking("Ben Okafor", null, "+1 415 555 0142", VISIT, "filling", "dr-maria-lopez"))
			.andExpect(status().isCreated())), "appointment_id");
		complete(byPhone).andExpect(status().isOk());
		String invoice = invoiceOf(patientOf(byPhone));

		post("/api/v1/admin/invoices/" + invoice + "/payment-link", "").andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://smiledesk.io/problems/card-payments-off"));
		post("/api/v1/admin/invoices/" + invoice + "/send", "").andExpect(status().isConflict())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("no email address")));
		assertThat(data.count("channel_outbound")).isZero();
	}

	@Test
	void anUnknownPatientHasNoLedger() throws Exception {
		mvc.perform(get("/api/v1/admin/patients/" + UUID.randomUUID() + "/ledger"))
			.andExpect(status().isNotFound())
			.andExpect(problemJson());
	}

	// --- helpers

	void refused(String body, int status, String field) throws Exception {
		ResultActions result = post("/api/v1/admin/payments", body).andExpect(status().is(status))
			.andExpect(problemJson());
		if (field != null) {
			result.andExpect(jsonPath("$.errors[0].field").value(field));
		}
	}

	static String payment(String patient, String invoice, String amount, String method, String reference) {
		return "{\"patient_id\":\"" + patient + "\"" + (invoice == null ? "" : ",\"invoice_id\":\"" + invoice + "\"")
				+ ",\"amount\":" + amount + ",\"method\":\"" + method + "\""
				+ (reference == null ? "" : ",\"reference\":\"" + reference + "\"") + "}";
	}

	String bookFilling(String email) throws Exception {
		return bookFilling(email, VISIT);
	}

	String bookFilling(String email, String start) throws Exception {
		String name = email.startsWith("ben") ? "Ben Okafor" : "Ana Silva";
		return field(
				body(post("/api/v1/appointments/book", booking(name, email, null, start, "filling", "dr-maria-lopez"))
					.andExpect(status().isCreated())),
				"appointment_id");
	}

	ResultActions complete(String appointment) throws Exception {
		clock.set(Instant.parse("2025-08-22T15:00:00Z"));
		return post("/api/v1/admin/appointments/" + appointment + "/complete", "{}");
	}

	String patientOf(String appointment) {
		return data.jdbc()
			.queryForObject("select patient_id from appointment where id = ?", UUID.class, UUID.fromString(appointment))
			.toString();
	}

	String invoiceOf(String patient) {
		return data.jdbc()
			.queryForObject("select id from invoice where patient_id = ?", UUID.class, UUID.fromString(patient))
			.toString();
	}

	/** The trail's entry, sealed or still waiting to be chained. */
	String audited(String action, String resourceId) {
		Map<String, Object> row = data.jdbc()
			.queryForMap("select detail from (select action, resource_id, detail from audit_pending union all"
					+ " select action, resource_id, detail from audit_entry) entries where action = ?"
					+ " and resource_id = ? fetch first 1 rows only", action, resourceId);
		return String.valueOf(row.values().iterator().next());
	}

	ResultActions post(String path, String json) throws Exception {
		return post(path, json, null);
	}

	ResultActions post(String path, String json, String idempotencyKey) throws Exception {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json);
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return mvc.perform(request);
	}

	ResultActions put(String path, String json) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.put(path).contentType(MediaType.APPLICATION_JSON).content(json));
	}

}
