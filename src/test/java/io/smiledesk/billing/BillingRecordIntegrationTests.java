package io.smiledesk.billing;

import java.time.Instant;
import java.util.UUID;

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

import static io.smiledesk.test.Json.body;
import static io.smiledesk.test.Json.booking;
import static io.smiledesk.test.Json.field;
import static io.smiledesk.test.Json.problemJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What billing has recorded stays whole: the clinic's currency stays while money is
 * recorded in it (a ledger adds amounts of one currency, nothing converts them), and a
 * billed visit cannot be deleted from under its charges.
 */
@IntegrationTest
@WithMockUser(username = "manager-1", roles = "OFFICE_MANAGER")
class BillingRecordIntegrationTests {

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
	void aClinicWithNoMoneyRecordedMayChangeItsCurrency() throws Exception {
		putCurrency("EUR").andExpect(status().isOk()).andExpect(jsonPath("$.currency").value("EUR"));

		putCurrency("USD").andExpect(status().isOk()).andExpect(jsonPath("$.currency").value("USD"));
	}

	@Test
	void theCurrencyOfABilledVisitCannotChangeAndTheLedgerStillAddsUp() throws Exception {
		String appointment = completedFilling();

		putCurrency("EUR").andExpect(status().isConflict())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.type").value("https://smiledesk.io/problems/currency-in-use"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("from USD to EUR")));

		mvc.perform(get("/api/v1/admin/clinic")).andExpect(jsonPath("$.currency").value("USD"));
		String patient = data.jdbc()
			.queryForObject("select patient_id from appointment where id = ?", UUID.class, UUID.fromString(appointment))
			.toString();
		mvc.perform(get("/api/v1/admin/patients/" + patient + "/ledger"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.currency").value("USD"))
			.andExpect(jsonPath("$.balance").value(180.00));
		// the rest of the settings still change while the currency stays
		putCurrency("USD").andExpect(status().isOk());
		assertThat(data.count("ledger_entry")).isEqualTo(1);
	}

	@Test
	void aCompletedVisitCannotBeDeletedAndKeepsItsCharge() throws Exception {
		String appointment = completedFilling();

		mvc.perform(delete("/api/v1/admin/appointments/" + appointment))
			.andExpect(status().isConflict())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("billed")));

		assertThat(data.count("appointment")).isEqualTo(1);
		assertThat(data.count("ledger_entry")).isEqualTo(1);
		mvc.perform(delete("/api/v1/admin/appointments/" + UUID.randomUUID())).andExpect(status().isNotFound());
	}

	String completedFilling() throws Exception {
		String appointment = field(body(mvc
			.perform(post("/api/v1/appointments/book").contentType(MediaType.APPLICATION_JSON)
				.content(booking("Ana Silva", "ana@example.com", null, "2025-08-20T14:00:00Z", "filling",
						"dr-maria-lopez")))
			.andExpect(status().isCreated())), "appointment_id");
		clock.set(Instant.parse("2025-08-22T15:00:00Z"));
		mvc.perform(
				post("/api/v1/admin/appointments/" + appointment + "/complete").contentType(MediaType.APPLICATION_JSON)
					.content("{}"))
			.andExpect(status().isOk());

		return appointment;
	}

	ResultActions putCurrency(String currency) throws Exception {
		String settings = body(mvc.perform(get("/api/v1/admin/clinic")).andExpect(status().isOk()));
		return mvc.perform(put("/api/v1/admin/clinic").contentType(MediaType.APPLICATION_JSON)
			.content(settings.replaceFirst("\"currency\":\"[A-Z]{3}\"", "\"currency\":\"" + currency + "\"")));
	}

}
