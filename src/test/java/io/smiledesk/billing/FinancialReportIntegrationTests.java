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
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The financial report from a visit billed in August: its charge is production, the
 * payment a collection, the adjustment and write-off their own columns, and what is left
 * is outstanding at the end of the month; the same figures as CSV; bad ranges refused.
 */
@IntegrationTest
@WithMockUser(username = "frontdesk-1", roles = "FRONT_DESK")
class FinancialReportIntegrationTests {

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
	void aMonthShowsProductionCollectionsAndWhatIsStillOwedPerProvider() throws Exception {
		billAFillingAndTakePart();

		String page = body(mvc.perform(get("/console/reports/financial?from=2025-08-01&to=2025-08-31"))
			.andExpect(status().isOk()));
		String row = page.substring(page.indexOf("data-provider=\"dr-maria-lopez\""));
		row = row.substring(0, row.indexOf("</tr>"));
		assertThat(row).contains("Dr. Maria Lopez", "USD", "<td>180.00</td>", "<td>100.00</td>", "<td>-15.00</td>",
				"<td>25.00</td>", "<td>40.00</td>");
		assertThat(page).contains("chart-financial", "2025-08");

		String csv = body(mvc.perform(get("/console/reports/financial.csv?from=2025-08-01&to=2025-08-31"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv")));
		assertThat(csv.split("\r\n")).containsExactly(FinancialCsv.HEADER,
				"2025-08-01,2025-08-31,dr-maria-lopez,Dr. Maria Lopez,USD,180.00,100.00,-15.00,25.00,40.00",
				"2025-08-01,2025-08-31,,total,USD,180.00,100.00,-15.00,25.00,40.00");
	}

	@Test
	void aPeriodBeforeAnythingWasPostedIsEmptyAndOneAfterStillShowsWhatIsOwed() throws Exception {
		billAFillingAndTakePart();

		String july = body(mvc.perform(get("/console/reports/financial.csv?from=2025-07-01&to=2025-07-31")));
		assertThat(july.split("\r\n")).containsExactly(FinancialCsv.HEADER);
		String september = body(mvc.perform(get("/console/reports/financial.csv?from=2025-09-01&to=2025-09-30")));
		assertThat(september).contains("dr-maria-lopez,Dr. Maria Lopez,USD,0.00,0.00,0.00,0.00,40.00");
	}

	@Test
	void refusesRangesItCannotShow() throws Exception {
		mvc.perform(get("/console/reports/financial?from=yesterday"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Use a date like 2025-08-04.")));
		mvc.perform(get("/console/reports/financial?from=2025-08-31&to=2025-08-01"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The end comes before the start.")));
		mvc.perform(get("/console/reports/financial.csv?from=2024-01-01&to=2025-08-01"))
			.andExpect(status().isBadRequest())
			.andExpect(problemJson());
	}

	@Test
	void aNameStartingWithAFormulaSignIsDefusedInTheCsv() {
		assertThat(FinancialCsv.quoted("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
		assertThat(FinancialCsv.quoted("Dr. Lopez, DDS")).isEqualTo("\"Dr. Lopez, DDS\"");
	}

	/**
	 * A filling (180.00) completed on 22 August; 100 paid, 15 taken off, 25 written off.
	 */
	private void billAFillingAndTakePart() throws Exception {
		String appointment = field(
				body(post("/api/v1/appointments/book", booking("Ana Silva", "ana@example.com", null,
						"2025-08-20T14:00:00Z", "filling", "dr-maria-lopez"))
					.andExpect(status().isCreated())),
				"appointment_id");
		clock.set(Instant.parse("2025-08-22T15:00:00Z"));
		post("/api/v1/admin/appointments/" + appointment + "/complete", "{}").andExpect(status().isOk());
		String patient = data.jdbc()
			.queryForObject("select patient_id from appointment where id = ?", UUID.class, UUID.fromString(appointment))
			.toString();
		String invoice = data.jdbc()
			.queryForObject("select id from invoice where patient_id = ?", UUID.class, UUID.fromString(patient))
			.toString();
		post("/api/v1/admin/payments",
				"{\"patient_id\":\"%s\",\"invoice_id\":\"%s\",\"amount\":100,\"method\":\"cash\"}".formatted(patient,
						invoice))
			.andExpect(status().isCreated());
		post("/api/v1/admin/adjustments",
				"{\"patient_id\":\"%s\",\"invoice_id\":\"%s\",\"kind\":\"adjustment\",\"amount\":-15,\"reason\":\"Courtesy\"}"
					.formatted(patient, invoice))
			.andExpect(status().isCreated());
		post("/api/v1/admin/adjustments",
				"{\"patient_id\":\"%s\",\"invoice_id\":\"%s\",\"kind\":\"write_off\",\"amount\":25}".formatted(patient,
						invoice))
			.andExpect(status().isCreated());
	}

	private ResultActions post(String path, String json) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

}
