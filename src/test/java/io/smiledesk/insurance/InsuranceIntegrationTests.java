package io.smiledesk.insurance;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

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
 * Insurance end to end: a plan and a patient's coverage, the estimate on the statement, a
 * claim from the completed visit moved along and paid into the ledger, the aging report
 * and the claim form; refusals write nothing; everything audited. Runs in the PostgreSQL
 * pass too (the benefit-year sums are JPQL over both databases).
 */
@IntegrationTest
@WithMockUser(username = "frontdesk-1", roles = "FRONT_DESK")
class InsuranceIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void aCoveredVisitIsEstimatedClaimedAndPaidIntoTheLedger() throws Exception {
		String plan = plan(carrier("Delta Dental", "CDCA1"), "{\"annual_maximum\":1500,\"deductible\":50}");
		String appointment = bookFilling("2025-08-20T14:00:00Z");
		String patient = patientOf(appointment);
		coverage(patient, plan, "primary", "2025-01-01").andExpect(status().isCreated())
			.andExpect(jsonPath("$.carrier").value("Delta Dental"))
			.andExpect(jsonPath("$.subscriber.member_id").value("M-100"));

		post("/api/v1/admin/insurance/estimates",
				"{\"patient_id\":\"" + patient
						+ "\",\"service_date\":\"2025-08-20\",\"procedures\":[{\"code\":\"D2391\",\"fee\":180}]}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.primary_pays").value(104.00))
			.andExpect(jsonPath("$.patient_pays").value(76.00))
			.andExpect(jsonPath("$.lines[0].category").value("basic"))
			.andExpect(jsonPath("$.lines[0].deductible_applied").value(50.00));

		complete(appointment);
		String invoice = data.jdbc()
			.queryForObject("select id from invoice where patient_id = ?", UUID.class, UUID.fromString(patient))
			.toString();
		mvc.perform(get("/api/v1/admin/invoices/" + invoice))
			.andExpect(jsonPath("$.insurance_estimate.insurer_share").value(104.00))
			.andExpect(jsonPath("$.insurance_estimate.patient_share").value(76.00))
			.andExpect(jsonPath("$.balance").value(180.00));
		assertThat(pdfText("/api/v1/admin/invoices/" + invoice)).contains("Estimated insurance payment")
			.contains("104.00");

		String claimJson = body(post("/api/v1/admin/insurance/claims", "{\"appointment_id\":\"" + appointment + "\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("unsent"))
			.andExpect(jsonPath("$.estimate").value(104.00))
			.andExpect(jsonPath("$.lines", hasSize(1))));
		String claim = field(claimJson, "id");
		String line = JsonPath.read(claimJson, "$.lines[0].id");
		post("/api/v1/admin/insurance/claims", "{\"appointment_id\":\"" + appointment + "\"}")
			.andExpect(status().isConflict())
			.andExpect(problemJson());

		// unsent cannot be received; paid only comes with the payment
		move(claim, "received").andExpect(status().isConflict()).andExpect(problemJson());
		move(claim, "paid").andExpect(status().isBadRequest()).andExpect(problemJson());
		move(claim, "sent").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("sent"))
			.andExpect(jsonPath("$.sent_on").value("2025-08-22"));
		clock.set(Instant.parse("2025-10-01T15:00:00Z"));
		mvc.perform(get("/api/v1/admin/insurance/claims/aging"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.buckets[1].days").value("31-60"))
			.andExpect(jsonPath("$.buckets[1].count").value(1))
			.andExpect(jsonPath("$.buckets[1].claims[0].carrier").value("Delta Dental"))
			.andExpect(jsonPath("$.buckets[0].count").value(0))
			.andExpect(jsonPath("$.total").value(180.00));
		assertThat(pdfText("/api/v1/admin/insurance/claims/" + claim)).contains("Delta Dental", "CDCA1", "D2391",
				"M-100", "180.00");

		// more than the fee: refused, nothing posted, still sent
		pay(claim, line, "150", "40").andExpect(status().isBadRequest()).andExpect(problemJson());
		assertThat(data.count("ledger_entry")).isEqualTo(1);
		pay(claim, line, "100.00", "10").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("paid"))
			.andExpect(jsonPath("$.paid").value(100.00))
			.andExpect(jsonPath("$.lines[0].written_off").value(10.00));
		pay(claim, line, "100.00", "10").andExpect(status().isConflict());
		mvc.perform(get("/api/v1/admin/patients/" + patient + "/ledger"))
			.andExpect(jsonPath("$.entries", hasSize(3)))
			.andExpect(jsonPath("$.entries[?(@.method == 'insurance')].amount").value(-100.00))
			.andExpect(jsonPath("$.balance").value(70.00));
		assertThat(audited("insurance.claim-payment-posted", claim)).isEqualTo("100.00 USD paid, 10.00 written off");
		assertThat(audited("insurance.claim-sent", claim)).isEqualTo("unsent -> sent");
		assertThat(audited("insurance.coverage-added", patient)).startsWith("primary");

		// the next visit this year: deductible met, 100 of the maximum used
		post("/api/v1/admin/insurance/estimates",
				"{\"patient_id\":\"" + patient
						+ "\",\"service_date\":\"2025-09-30\",\"procedures\":[{\"code\":\"D2740\",\"fee\":2000}]}")
			.andExpect(jsonPath("$.primary_pays").value(1000.00))
			.andExpect(jsonPath("$.patient_pays").value(1000.00));
		// the paid visit's own statement keeps its estimate
		mvc.perform(get("/api/v1/admin/invoices/" + invoice))
			.andExpect(jsonPath("$.insurance_estimate.insurer_share").value(104.00));
	}

	@Test
	void theRemainingMaximumComesFromWhatClaimsPaidThisYearOnly() throws Exception {
		String plan = plan(carrier("Aetna", null), "{\"annual_maximum\":1000,\"deductible\":0}");
		String appointment = bookFilling("2025-08-20T14:00:00Z");
		String patient = patientOf(appointment);
		coverage(patient, plan, "primary", "2024-01-01").andExpect(status().isCreated());
		complete(appointment);
		String claimJson = body(post("/api/v1/admin/insurance/claims", "{\"appointment_id\":\"" + appointment + "\"}"));
		move(field(claimJson, "id"), "sent").andExpect(status().isOk());
		pay(field(claimJson, "id"), JsonPath.read(claimJson, "$.lines[0].id"), "144", null).andExpect(status().isOk());

		String estimate = "{\"patient_id\":\"" + patient + "\",\"service_date\":\"%s\","
				+ "\"procedures\":[{\"code\":\"D2740\",\"fee\":2000}]}";
		post("/api/v1/admin/insurance/estimates", estimate.formatted("2025-08-21"))
			.andExpect(jsonPath("$.primary_pays").value(856.00));
		post("/api/v1/admin/insurance/estimates", estimate.formatted("2026-01-02"))
			.andExpect(jsonPath("$.primary_pays").value(1000.00));
	}

	@Test
	void refusesBadSetUpWithAProblemAndWritesNothing() throws Exception {
		String carrier = carrier("Delta Dental", "CDCA1");
		post("/api/v1/admin/insurance/carriers", "{\"name\":\"delta dental\"}").andExpect(status().isConflict())
			.andExpect(problemJson());
		post("/api/v1/admin/insurance/carriers", "{\"name\":\" \"}").andExpect(status().isBadRequest())
			.andExpect(problemJson());
		String plan = "{\"name\":\"PPO\",\"annual_maximum\":%s,\"deductible\":50,"
				+ "\"coverage_percent\":{\"preventive\":100,\"basic\":%s,\"major\":50,\"orthodontic\":50}}";
		post("/api/v1/admin/insurance/carriers/" + carrier + "/plans", plan.formatted("1500", "101"))
			.andExpect(status().isBadRequest())
			.andExpect(problemJson());
		post("/api/v1/admin/insurance/carriers/" + carrier + "/plans", plan.formatted("1500.001", "80"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("annual_maximum"));
		post("/api/v1/admin/insurance/carriers/" + carrier + "/plans", plan.formatted("-1", "80"))
			.andExpect(status().isBadRequest());
		post("/api/v1/admin/insurance/carriers/" + UUID.randomUUID() + "/plans", plan.formatted("1500", "80"))
			.andExpect(status().isNotFound())
			.andExpect(problemJson());
		assertThat(data.count("insurance_plan")).isZero();

		String planId = plan(carrier, "{\"annual_maximum\":1500,\"deductible\":50}");
		String patient = patientOf(bookFilling("2025-08-20T14:00:00Z"));
		coverage(patient, planId, "primary", "2025-01-01").andExpect(status().isCreated());
		coverage(patient, planId, "primary", "2025-06-01").andExpect(status().isConflict()).andExpect(problemJson());
		coverage(patient, planId, "tertiary", "2025-06-01").andExpect(status().isBadRequest());
		coverage(UUID.randomUUID().toString(), planId, "primary", "2025-01-01").andExpect(status().isNotFound());
		coverage(patient, UUID.randomUUID().toString(), "secondary", "2025-01-01").andExpect(status().isBadRequest());
		post("/api/v1/admin/insurance/patients/" + patient + "/coverages",
				"{\"plan_id\":\"" + planId
						+ "\",\"subscriber\":{\"member_id\":\"M-2\",\"name\":\"Ana Silva\"},\"priority\":\"secondary\","
						+ "\"relationship\":\"self\",\"effective_on\":\"2025-06-01\",\"ends_on\":\"2025-05-01\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("ends_on"));
		post("/api/v1/admin/insurance/patients/" + patient + "/coverages",
				"{\"plan_id\":\"" + planId
						+ "\",\"subscriber\":{\"member_id\":\"M-2\",\"name\":\"Ana Silva\"},\"priority\":\"secondary\","
						+ "\"relationship\":\"self\",\"effective_on\":\"not-a-date\"}")
			.andExpect(status().isBadRequest())
			.andExpect(problemJson());
		assertThat(data.count("insurance_coverage")).isEqualTo(1);
		assertThat(data.count("insurance_subscriber")).isEqualTo(1);

		post("/api/v1/admin/insurance/estimates",
				"{\"patient_id\":\"" + patient + "\",\"procedures\":[{\"code\":\"D1110\",\"fee\":1.001}]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("procedures[0].fee"));
		post("/api/v1/admin/insurance/estimates", "{\"patient_id\":\"" + patient + "\"}")
			.andExpect(status().isBadRequest());
		post("/api/v1/admin/insurance/claims", "{\"appointment_id\":\"" + UUID.randomUUID() + "\"}")
			.andExpect(status().isNotFound())
			.andExpect(problemJson());
		mvc.perform(get("/api/v1/admin/insurance/claims?status=lost")).andExpect(status().isBadRequest());
	}

	@Test
	void aSubscriberIsStoredEncryptedAndFoundByItsMemberIdHoweverItIsWritten() throws Exception {
		String planId = plan(carrier("Delta Dental", "CDCA1"), "{\"annual_maximum\":1500,\"deductible\":50}");
		String patient = patientOf(bookFilling("2025-08-20T14:00:00Z"));
		coverage(patient, planId, "primary", "2025-01-01").andExpect(status().isCreated());

		Map<String, Object> row = data.jdbc()
			.queryForMap("select member_id, name, date_of_birth_enc, member_id_hash from insurance_subscriber");
		assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain("M-100")
			.doesNotContain("Ana")
			.doesNotContain("1990"));
		assertThat(String.valueOf(value(row, "member_id"))).startsWith("enc:");
		assertThat(String.valueOf(value(row, "date_of_birth_enc"))).startsWith("enc:");
		String asWritten = "{\"plan_id\":\"" + planId + "\",\"subscriber\":{\"member_id\":\"%s\",\"name\":\"%s\"},"
				+ "\"priority\":\"secondary\",\"relationship\":\"spouse\",\"effective_on\":\"2025-01-01\"}";
		post("/api/v1/admin/insurance/patients/" + patient + "/coverages", asWritten.formatted("m 100", "Bea Other"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("subscriber.member_id"));
		post("/api/v1/admin/insurance/patients/" + patient + "/coverages", asWritten.formatted("m 100", "ana silva"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.subscriber.member_id").value("M-100"))
			.andExpect(jsonPath("$.subscriber.date_of_birth").value("1990-04-02"));
		assertThat(data.count("insurance_subscriber")).isEqualTo(1);
	}

	static Object value(Map<String, Object> row, String column) {
		return row.entrySet()
			.stream()
			.filter(entry -> entry.getKey().equalsIgnoreCase(column))
			.findFirst()
			.orElseThrow()
			.getValue();
	}

	@Test
	void carriersAndPlansAreCorrectedThroughTheApiAsInTheConsole() throws Exception {
		String delta = carrier("Delta Dental", "CDCA1");
		carrier("Aetna", null);
		String plan = "{\"name\":\"%s\",\"annual_maximum\":%s,\"deductible\":50,"
				+ "\"coverage_percent\":{\"preventive\":100,\"basic\":80,\"major\":50,\"orthodontic\":50}}";
		String planId = field(
				body(post("/api/v1/admin/insurance/carriers/" + delta + "/plans", plan.formatted("PPO", "1500"))),
				"id");

		put("/api/v1/admin/insurance/carriers/" + delta, "{\"name\":\"Delta Dental of California\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Delta Dental of California"))
			.andExpect(jsonPath("$.plans[0].name").value("PPO"));
		put("/api/v1/admin/insurance/carriers/" + delta, "{\"name\":\"aetna\"}").andExpect(status().isConflict())
			.andExpect(problemJson());
		put("/api/v1/admin/insurance/plans/" + planId, plan.formatted("PPO Plus", "2000")).andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("PPO Plus"))
			.andExpect(jsonPath("$.annual_maximum").value(2000.00));
		put("/api/v1/admin/insurance/plans/" + planId, plan.formatted("PPO", "2000.001"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("annual_maximum"));
		put("/api/v1/admin/insurance/plans/" + UUID.randomUUID(), plan.formatted("PPO", "1"))
			.andExpect(status().isNotFound());

		assertThat(data.jdbc().queryForList("select name from insurance_carrier order by name", String.class))
			.containsExactly("Aetna", "Delta Dental of California");
		assertThat(data.jdbc().queryForObject("select annual_maximum from insurance_plan", BigDecimal.class))
			.isEqualByComparingTo("2000");
		assertThat(audited("insurance.carrier-changed", delta)).isEqualTo("Delta Dental of California");
		assertThat(audited("insurance.plan-changed", planId)).startsWith("PPO Plus");
	}

	@Test
	void aVisitWithoutCoverageOnItsDayCannotBeClaimed() throws Exception {
		String plan = plan(carrier("Cigna", null), "{\"annual_maximum\":1500,\"deductible\":50}");
		String appointment = bookFilling("2025-08-20T14:00:00Z");
		String patient = patientOf(appointment);
		coverage(patient, plan, "primary", "2025-09-01").andExpect(status().isCreated());
		complete(appointment);

		post("/api/v1/admin/insurance/claims", "{\"appointment_id\":\"" + appointment + "\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://smiledesk.io/problems/no-coverage"));
		assertThat(data.count("insurance_claim")).isZero();
		String invoice = data.jdbc()
			.queryForObject("select id from invoice where patient_id = ?", UUID.class, UUID.fromString(patient))
			.toString();
		mvc.perform(get("/api/v1/admin/invoices/" + invoice))
			.andExpect(jsonPath("$.insurance_estimate").doesNotExist());
	}

	String carrier(String name, String payerId) throws Exception {
		return field(body(post("/api/v1/admin/insurance/carriers",
				"{\"name\":\"" + name + "\"" + (payerId == null ? "" : ",\"payer_id\":\"" + payerId + "\"") + "}")
			.andExpect(status().isCreated())), "id");
	}

	String plan(String carrier, String money) throws Exception {
		String json = money.substring(0, money.length() - 1) + ",\"name\":\"PPO\",\"group_number\":\"G-77\","
				+ "\"coverage_percent\":{\"preventive\":100,\"basic\":80,\"major\":50,\"orthodontic\":50}}";
		return field(body(
				post("/api/v1/admin/insurance/carriers/" + carrier + "/plans", json).andExpect(status().isCreated())),
				"id");
	}

	ResultActions coverage(String patient, String plan, String priority, String from) throws Exception {
		return post("/api/v1/admin/insurance/patients/" + patient + "/coverages", "{\"plan_id\":\"" + plan
				+ "\",\"subscriber\":{\"member_id\":\"M-100\",\"name\":\"Ana Silva\",\"date_of_birth\":\"1990-04-02\"},"
				+ "\"priority\":\"" + priority + "\",\"relationship\":\"self\",\"effective_on\":\"" + from + "\"}");
	}

	ResultActions move(String claim, String status) throws Exception {
		return post("/api/v1/admin/insurance/claims/" + claim + "/status", "{\"status\":\"" + status + "\"}");
	}

	ResultActions pay(String claim, String line, String paid, String writtenOff) throws Exception {
		return post("/api/v1/admin/insurance/claims/" + claim + "/payments",
				"{\"reference\":\"EOB 1\",\"lines\":[{\"line_id\":\"" + line + "\",\"paid\":" + paid
						+ (writtenOff == null ? "" : ",\"written_off\":" + writtenOff) + "}]}");
	}

	String bookFilling(String start) throws Exception {
		return field(body(post("/api/v1/appointments/book",
				booking("Ana Silva", "ana@example.com", null, start, "filling", "dr-maria-lopez"))
			.andExpect(status().isCreated())), "appointment_id");
	}

	void complete(String appointment) throws Exception {
		clock.set(Instant.parse("2025-08-22T15:00:00Z"));
		post("/api/v1/admin/appointments/" + appointment + "/complete", "{}").andExpect(status().isOk());
	}

	String patientOf(String appointment) {
		return data.jdbc()
			.queryForObject("select patient_id from appointment where id = ?", UUID.class, UUID.fromString(appointment))
			.toString();
	}

	String pdfText(String path) throws Exception {
		byte[] pdf = mvc.perform(get(path).accept(MediaType.APPLICATION_PDF))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(new ByteArrayInputStream(pdf).readAllBytes())) {
			return new PDFTextStripper().getText(document);
		}
	}

	String audited(String action, String resourceId) {
		Map<String, Object> row = data.jdbc()
			.queryForMap("select detail from (select action, resource_id, detail from audit_pending union all"
					+ " select action, resource_id, detail from audit_entry) entries where action = ?"
					+ " and resource_id = ? fetch first 1 rows only", action, resourceId);
		return String.valueOf(row.values().iterator().next());
	}

	ResultActions put(String path, String json) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.put(path).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	ResultActions post(String path, String json) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	static BigDecimal usd(String amount) {
		return new BigDecimal(amount);
	}

}
