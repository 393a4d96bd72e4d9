package io.smiledesk.insurance;

import java.time.Instant;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A plan's benefit year through the staff API: its start month is set, read and kept;
 * anything but a month is refused and nothing written; the remaining maximum counts only
 * the claims of the benefit year the day falls in.
 */
@IntegrationTest
@WithMockUser(username = "frontdesk-1", roles = "FRONT_DESK")
class BenefitYearIntegrationTests {

	static final String PLAN = "{\"name\":\"PPO\",\"annual_maximum\":1000,\"deductible\":0,%s"
			+ "\"coverage_percent\":{\"preventive\":100,\"basic\":80,\"major\":50,\"orthodontic\":50}}";

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
	void aPlansBenefitYearStartMonthIsSetReadAndKeptWhenLeftOut() throws Exception {
		String carrier = carrier();

		String july = field(body(post("/api/v1/admin/insurance/carriers/" + carrier + "/plans",
				PLAN.formatted("\"benefit_year_start_month\":7,"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.benefit_year_start_month").value(7))), "id");
		post("/api/v1/admin/insurance/carriers/" + carrier + "/plans", PLAN.formatted(""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.benefit_year_start_month").value(1));

		mvc.perform(get("/api/v1/admin/insurance/plans/" + july))
			.andExpect(jsonPath("$.benefit_year_start_month").value(7));
		// a correction that does not name the month keeps it
		put("/api/v1/admin/insurance/plans/" + july, PLAN.formatted("")).andExpect(status().isOk())
			.andExpect(jsonPath("$.benefit_year_start_month").value(7));
		put("/api/v1/admin/insurance/plans/" + july, PLAN.formatted("\"benefit_year_start_month\":10,"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.benefit_year_start_month").value(10));
		assertThat(startMonth(july)).isEqualTo(10);
		mvc.perform(get("/api/v1/admin/insurance/carriers"))
			.andExpect(jsonPath("$.carriers[0].plans[*].benefit_year_start_month")
				.value(org.hamcrest.Matchers.containsInAnyOrder(10, 1)));
	}

	@Test
	void refusesAStartMonthOutsideOneToTwelveWithAProblemAndWritesNothing() throws Exception {
		String carrier = carrier();
		String path = "/api/v1/admin/insurance/carriers/" + carrier + "/plans";

		for (String month : new String[] { "0", "13", "-1", "7.5", "\"july\"", "99999999999" }) {
			post(path, PLAN.formatted("\"benefit_year_start_month\":" + month + ",")).andExpect(status().isBadRequest())
				.andExpect(problemJson());
		}
		post(path, PLAN.formatted("\"benefit_year_start_month\":13,"))
			.andExpect(jsonPath("$.errors[0].field").value("benefit_year_start_month"));
		assertThat(data.count("insurance_plan")).isZero();

		String plan = field(body(post(path, PLAN.formatted("\"benefit_year_start_month\":7,"))), "id");
		put("/api/v1/admin/insurance/plans/" + plan,
				PLAN.replace("PPO", "PPO Plus").formatted("\"benefit_year_start_month\":0,"))
			.andExpect(status().isBadRequest())
			.andExpect(problemJson());
		assertThat(startMonth(plan)).isEqualTo(7);
		assertThat(data.jdbc().queryForObject("select name from insurance_plan", String.class)).isEqualTo("PPO");
	}

	@Test
	void theRemainingMaximumCountsOnlyClaimsOfTheCurrentBenefitYear() throws Exception {
		// a plan whose benefit year starts in July; 144 paid on a visit in August 2025
		String plan = field(body(post("/api/v1/admin/insurance/carriers/" + carrier() + "/plans",
				PLAN.formatted("\"benefit_year_start_month\":7,"))), "id");
		String appointment = field(
				body(post("/api/v1/appointments/book", booking("Ana Silva", "ana@example.com", null,
						"2025-08-20T14:00:00Z", "filling", "dr-maria-lopez"))
					.andExpect(status().isCreated())),
				"appointment_id");
		String patient = data.jdbc()
			.queryForObject("select patient_id from appointment where id = ?", UUID.class, UUID.fromString(appointment))
			.toString();
		post("/api/v1/admin/insurance/patients/" + patient + "/coverages",
				"{\"plan_id\":\"" + plan + "\",\"subscriber\":{\"member_id\":\"M-100\",\"name\":\"Ana Silva\"},"
						+ "\"priority\":\"primary\",\"relationship\":\"self\",\"effective_on\":\"2024-01-01\"}")
			.andExpect(status().isCreated());
		clock.set(Instant.parse("2025-08-22T15:00:00Z"));
		post("/api/v1/admin/appointments/" + appointment + "/complete", "{}").andExpect(status().isOk());
		String claim = body(post("/api/v1/admin/insurance/claims", "{\"appointment_id\":\"" + appointment + "\"}"));
		post("/api/v1/admin/insurance/claims/" + field(claim, "id") + "/status", "{\"status\":\"sent\"}")
			.andExpect(status().isOk());
		post("/api/v1/admin/insurance/claims/" + field(claim, "id") + "/payments",
				"{\"lines\":[{\"line_id\":\"" + JsonPath.read(claim, "$.lines[0].id") + "\",\"paid\":144}]}")
			.andExpect(status().isOk());
		String crown = "{\"patient_id\":\"" + patient + "\",%s\"procedures\":[{\"code\":\"D2740\",\"fee\":2000}]}";

		// March 2026 is still in the year that began in July 2025: 1000 - 144 left
		post("/api/v1/admin/insurance/estimates", crown.formatted("\"service_date\":\"2026-03-02\","))
			.andExpect(jsonPath("$.primary_pays").value(856.00));
		post("/api/v1/admin/insurance/estimates", crown.formatted("\"service_date\":\"2026-06-30\","))
			.andExpect(jsonPath("$.primary_pays").value(856.00));
		// from July 2026 a new benefit year, and June 2025 was the year before
		post("/api/v1/admin/insurance/estimates", crown.formatted("\"service_date\":\"2026-07-01\","))
			.andExpect(jsonPath("$.primary_pays").value(1000.00));
		post("/api/v1/admin/insurance/estimates", crown.formatted("\"service_date\":\"2025-06-30\","))
			.andExpect(jsonPath("$.primary_pays").value(1000.00));
		// without a date: today by the clinic's clock
		clock.set(Instant.parse("2026-02-10T15:00:00Z"));
		post("/api/v1/admin/insurance/estimates", crown.formatted(""))
			.andExpect(jsonPath("$.service_date").value("2026-02-10"))
			.andExpect(jsonPath("$.primary_pays").value(856.00));
		clock.set(Instant.parse("2026-07-02T15:00:00Z"));
		post("/api/v1/admin/insurance/estimates", crown.formatted(""))
			.andExpect(jsonPath("$.primary_pays").value(1000.00));
	}

	String carrier() throws Exception {
		return field(
				body(post("/api/v1/admin/insurance/carriers", "{\"name\":\"Aetna\"}").andExpect(status().isCreated())),
				"id");
	}

	int startMonth(String plan) {
		return data.jdbc()
			.queryForObject("select benefit_year_start_month from insurance_plan where id = ?", Integer.class,
					UUID.fromString(plan));
	}

	ResultActions put(String path, String json) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.put(path).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	ResultActions post(String path, String json) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json));
	}

}
