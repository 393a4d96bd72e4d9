package io.smiledesk.scheduling;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.patient.Channel;
import io.smiledesk.patient.PatientType;
import io.smiledesk.patient.Patients;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static io.smiledesk.test.Json.body;
import static io.smiledesk.test.Json.field;
import static io.smiledesk.test.Json.problemJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Recurring visits through the staff API: each occurrence booked like a single booking,
 * the ones that do not fit reported with alternatives, and cancelling one or the rest.
 * The clock is Monday 4 August 2025, 08:00 in New York.
 */
@IntegrationTest
@WithMockUser(roles = "FRONT_DESK")
class AppointmentSeriesIntegrationTests {

	static final String SERIES = "/api/v1/admin/appointments/series";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	Patients patients;

	String patientId;

	@BeforeEach
	void reset() {
		data.reset();
		patientId = register("Ana Silva", "ana@example.com").toString();
	}

	@Test
	void aSeriesWithAConflictingOccurrenceBooksTheRestAndOffersAlternativesForIt() throws Exception {
		// someone else already has Dr. Lopez on Tuesday 16 September at 10:00
		post("/api/v1/admin/appointments", """
				{"appointment_date":"2025-09-16T10:00","name":"Ben Ode","email":"ben@example.com",
				 "service_name":"Filling","provider_id":"dr-maria-lopez"}""").andExpect(status().isCreated());

		String answer = body(post(SERIES,
				series("2025-08-19T10:00", "dr-maria-lopez", "{\"unit\":\"weeks\",\"interval\":2,\"count\":6}"))
			.andExpect(status().isOk())
			.andExpect(header().string("Location", org.hamcrest.Matchers.startsWith(SERIES + "/")))
			.andExpect(jsonPath("$.booked_count").value(5))
			.andExpect(jsonPath("$.unavailable_count").value(1))
			.andExpect(jsonPath("$.occurrences", hasSize(6)))
			.andExpect(jsonPath("$.occurrences[2].local_date").value("2025-09-16"))
			.andExpect(jsonPath("$.occurrences[2].status").value("unavailable"))
			.andExpect(jsonPath("$.occurrences[2].reason").value("provider-busy"))
			.andExpect(jsonPath("$.occurrences[2].appointment_id").doesNotExist())
			.andExpect(jsonPath("$.occurrences[3].status").value("booked"))
			.andExpect(jsonPath("$.occurrences[3].local_date").value("2025-09-30"))
			.andExpect(jsonPath("$.occurrences[3].local_time").value("10:00")));

		List<Map<String, Object>> alternatives = JsonPath.read(answer, "$.occurrences[2].alternatives");
		assertThat(alternatives).isNotEmpty().hasSizeLessThanOrEqualTo(3);
		assertThat(alternatives).allSatisfy(slot -> {
			assertThat(slot.get("provider_id")).isEqualTo("dr-maria-lopez");
			assertThat(slot.get("start")).isNotEqualTo("2025-09-16T14:00:00Z");
		});
		List<Object> elsewhere = JsonPath.read(answer, "$.occurrences[?(@.status == 'booked')].alternatives[*]");
		assertThat(elsewhere).isEmpty();
		// the alternative really is free: staff can book it as one appointment
		String alternative = String.valueOf(alternatives.get(0).get("start"));
		post("/api/v1/admin/appointments", """
				{"appointment_date":"%s","name":"Ana Silva","email":"ana@example.com",
				 "service_name":"Filling","provider_id":"dr-maria-lopez"}""".formatted(alternative))
			.andExpect(status().isCreated());

		assertThat(data.count("appointment")).isEqualTo(7);
		assertThat(data.count("appointment_series")).isEqualTo(1);
		assertThat(data.count("appointment_series_occurrence")).isEqualTo(6);
		assertThat(data.count("appointment_series_occurrence where appointment_id is null")).isEqualTo(1);
		assertThat(data.count("appointment where created_from = 'MANUAL_ADMIN' and provider_id = 'dr-maria-lopez'"))
			.isEqualTo(7);
	}

	@Test
	void anOccurrenceOnAClosedDayIsUnavailableWithAlternativesOnOpenDays() throws Exception {
		// weekly on Mondays; Monday 1 September 2025 is Labor Day
		String answer = body(post(SERIES, series("2025-08-18T10:00", null, "{\"every\":\"P1W\",\"count\":4}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.booked_count").value(3))
			.andExpect(jsonPath("$.occurrences[2].local_date").value("2025-09-01"))
			.andExpect(jsonPath("$.occurrences[2].status").value("unavailable"))
			.andExpect(jsonPath("$.occurrences[2].reason").value("clinic-closed"))
			.andExpect(jsonPath("$.occurrences[2].message").value("The clinic is closed that day.")));

		List<String> days = JsonPath.read(answer, "$.occurrences[2].alternatives[*].local_date");
		assertThat(days).isNotEmpty().doesNotContain("2025-09-01");
		assertThat(data.count("appointment")).isEqualTo(3);
	}

	@Test
	void aSeriesKeepsItsClinicLocalTimeAcrossTheEndOfDaylightSavingTime() throws Exception {
		// clocks go back on Sunday 2 November 2025 in New York
		post(SERIES, series("2025-10-21T10:00", null, "{\"unit\":\"weeks\",\"interval\":2,\"count\":3}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.occurrences[0].appointment_date").value("2025-10-21T14:00:00Z"))
			.andExpect(jsonPath("$.occurrences[1].appointment_date").value("2025-11-04T15:00:00Z"))
			.andExpect(jsonPath("$.occurrences[2].appointment_date").value("2025-11-18T15:00:00Z"))
			.andExpect(jsonPath("$.occurrences[*].local_time")
				.value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("10:00"))));
	}

	@Test
	void monthlySeriesFromAnIsoStartWithAnOffsetAndAnEndDate() throws Exception {
		// every 6 months until the end of 2026; the later visits lie beyond the patients'
		// 90-day horizon, which staff may book
		post(SERIES, series("2025-08-19T10:00:00-04:00", null, "{\"every\":\"P6M\",\"until\":\"2026-12-31\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.recurrence.unit").value("months"))
			.andExpect(jsonPath("$.recurrence.interval").value(6))
			.andExpect(jsonPath("$.recurrence.count").value(3))
			.andExpect(jsonPath("$.occurrences[1].local_date").value("2026-02-19"))
			.andExpect(jsonPath("$.occurrences[2].local_date").value("2026-08-19"));
		assertThat(data.count("appointment")).isEqualTo(3);
	}

	@Test
	void cancellingOneOccurrenceThenTheRestOfTheSeries() throws Exception {
		String answer = body(post(SERIES, series("2025-08-19T10:00", null, "{\"every\":\"P1W\",\"count\":4}"))
			.andExpect(status().isCreated()));
		String id = field(answer, "series_id");
		String second = JsonPath.read(answer, "$.occurrences[1].appointment_id");

		post("/api/v1/admin/appointments/" + second + "/cancel", "{\"reason\":\"away that week\"}")
			.andExpect(status().isOk());
		mvc.perform(get(SERIES + "/" + id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.occurrences[*].status")
				.value(org.hamcrest.Matchers.contains("booked", "cancelled", "booked", "booked")));

		post(SERIES + "/" + id + "/cancel", "{\"from_position\":3,\"reason\":\"moving away\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.cancelled", hasSize(2)))
			.andExpect(jsonPath("$.occurrences[*].status")
				.value(org.hamcrest.Matchers.contains("booked", "cancelled", "cancelled", "cancelled")));
		assertThat(data.count("appointment where cancel_reason = 'moving away'")).isEqualTo(2);
		// the freed time is free again
		post("/api/v1/admin/appointments", """
				{"appointment_date":"2025-09-02T10:00","name":"Ben Ode","email":"ben@example.com",
				 "service_name":"Filling","provider_id":"%s"}""".formatted(providerOf(answer, 2)))
			.andExpect(status().isCreated());

		// from a date: the first one too; nothing left to cancel afterwards
		post(SERIES + "/" + id + "/cancel", "{\"from\":\"2025-08-19\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.cancelled", hasSize(1)));
		post(SERIES + "/" + id + "/cancel", "{\"from\":\"2025-08-01T00:00:00Z\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.cancelled", hasSize(0)));
		assertThat(data.count("appointment where status = 'CANCELLED'")).isEqualTo(4);
	}

	@Test
	void cancellingTheRestOnlyTouchesAppointmentsFromThatTime() throws Exception {
		String answer = body(post(SERIES, series("2025-08-19T10:00", null, "{\"every\":\"P1W\",\"count\":3}")));
		String id = field(answer, "series_id");

		post(SERIES + "/" + id + "/cancel", "{\"from\":\"2025-08-26T10:00\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.occurrences[*].status")
				.value(org.hamcrest.Matchers.contains("booked", "cancelled", "cancelled")));
	}

	@Test
	void aSeriesNoOccurrenceOfWhichFitsIsRefusedAndNothingIsKept() throws Exception {
		// Sundays: the clinic is closed
		post(SERIES, series("2025-08-17T10:00", null, "{\"every\":\"P1W\",\"count\":3}"))
			.andExpect(status().isConflict())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.reason").value("nothing-booked"))
			.andExpect(jsonPath("$.occurrences", hasSize(3)))
			.andExpect(jsonPath("$.occurrences[0].reason").value("outside-opening-hours"))
			.andExpect(jsonPath("$.occurrences[0].alternatives").isNotEmpty());
		assertThat(data.count("appointment_series")).isZero();
		assertThat(data.count("appointment_series_occurrence")).isZero();
		assertThat(data.count("appointment")).isZero();
	}

	@Test
	void aRetryWithTheSameIdempotencyKeyReplaysTheSeries() throws Exception {
		String request = series("2025-08-19T10:00", null, "{\"every\":\"P1W\",\"count\":3}");
		String first = body(
				mvc.perform(json(MockMvcRequestBuilders.post(SERIES), request).header("Idempotency-Key", "series-1"))
					.andExpect(status().isCreated()));
		mvc.perform(json(MockMvcRequestBuilders.post(SERIES), request).header("Idempotency-Key", "series-1"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(jsonPath("$.series_id").value(field(first, "series_id")));
		assertThat(data.count("appointment")).isEqualTo(3);

		mvc.perform(json(MockMvcRequestBuilders.post(SERIES),
				series("2025-08-20T10:00", null, "{\"every\":\"P1W\",\"count\":3}"))
			.header("Idempotency-Key", "series-1"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("idempotency-key-reused"));
		mvc.perform(json(MockMvcRequestBuilders.post(SERIES), request).header("Idempotency-Key", " "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
		assertThat(data.count("appointment")).isEqualTo(3);
		assertThat(data.count("appointment_series")).isEqualTo(1);
	}

	@Test
	void refusesABadRecurrenceNamingTheFieldAndWritesNothing() throws Exception {
		invalid("{\"unit\":\"weeks\",\"interval\":0,\"count\":3}", "recurrence.interval");
		invalid("{\"unit\":\"weeks\",\"interval\":-2,\"count\":3}", "recurrence.interval");
		invalid("{\"unit\":\"weeks\",\"interval\":53,\"count\":3}", "recurrence.interval");
		invalid("{\"unit\":\"weeks\",\"count\":3}", "recurrence.interval");
		invalid("{\"unit\":\"weeks\",\"interval\":1,\"count\":53}", "recurrence.count");
		invalid("{\"unit\":\"weeks\",\"interval\":1,\"count\":0}", "recurrence.count");
		invalid("{\"unit\":\"days\",\"interval\":1,\"count\":3}", "recurrence.unit");
		invalid("{\"interval\":1,\"count\":3}", "recurrence.unit");
		invalid("{\"every\":\"P3D\",\"count\":3}", "recurrence.every");
		invalid("{\"every\":\"often\",\"count\":3}", "recurrence.every");
		invalid("{\"every\":\"P1W\",\"unit\":\"weeks\",\"count\":3}", "recurrence.every");
		invalid("{\"every\":\"P1W\"}", "recurrence.count");
		invalid("{\"every\":\"P1W\",\"count\":3,\"until\":\"2025-12-01\"}", "recurrence.count");
		invalid("{\"every\":\"P1W\",\"until\":\"2025-08-01\"}", "recurrence.until");
		invalid("{\"every\":\"P1W\",\"until\":\"2027-12-01\"}", "recurrence.until");
		invalid("{\"every\":\"P1W\",\"until\":\"1 Dec\"}", "recurrence.until");
		invalid("{\"every\":\"P24M\",\"count\":4}", "recurrence.count");
		post(SERIES, series("2025-08-19T10:00", null, "{\"unit\":\"weeks\",\"interval\":\"two\",\"count\":3}"))
			.andExpect(status().isBadRequest())
			.andExpect(problemJson());
		post(SERIES, series("next tuesday", null, "{\"every\":\"P1W\",\"count\":3}")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("appointment_date"));
		post(SERIES,
				"{\"patient_id\":\"%s\",\"service_name\":\"Filling\",\"appointment_date\":\"2025-08-19T10:00\"}"
					.formatted(patientId))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("recurrence"));
		assertThat(data.count("appointment_series")).isZero();
		assertThat(data.count("appointment")).isZero();
	}

	@Test
	void refusesUnknownPatientsServicesAndProvidersWithA404NamingTheField() throws Exception {
		String recurrence = "{\"every\":\"P1W\",\"count\":3}";
		post(SERIES, series("2025-08-19T10:00", "dr-nobody", recurrence)).andExpect(status().isNotFound())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field").value("provider_id"));
		post(SERIES, series("2025-08-19T10:00", null, recurrence).replace("Filling", "Tattoo"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.errors[0].field").value("service_name"));
		post(SERIES, series("2025-08-19T10:00", null, recurrence).replace(patientId, UUID.randomUUID().toString()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.reason").value("patient-not-found"))
			.andExpect(jsonPath("$.errors[0].field").value("patient_id"));
		assertThat(data.count("appointment_series")).isZero();
		assertThat(data.count("appointment")).isZero();
	}

	@Test
	void unknownSeriesAndBadCancellationsAreProblems() throws Exception {
		String missing = UUID.randomUUID().toString();
		mvc.perform(get(SERIES + "/" + missing)).andExpect(status().isNotFound()).andExpect(problemJson());
		post(SERIES + "/" + missing + "/cancel", "{\"from\":\"2025-08-19\"}").andExpect(status().isNotFound());
		post(SERIES + "/" + missing + "/cancel", "{\"from_position\":1}").andExpect(status().isNotFound());
		String id = field(body(post(SERIES, series("2025-08-19T10:00", null, "{\"every\":\"P1W\",\"count\":2}"))),
				"series_id");
		post(SERIES + "/" + id + "/cancel", "{}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
		post(SERIES + "/" + id + "/cancel", "{\"from\":\"2025-08-19\",\"from_position\":1}")
			.andExpect(status().isBadRequest());
		post(SERIES + "/" + id + "/cancel", "{\"from\":\"19/08/2025\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
		post(SERIES + "/" + id + "/cancel", "{\"from_position\":9}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from_position"));
		assertThat(data.count("appointment where status = 'CANCELLED'")).isZero();
	}

	private void invalid(String recurrence, String field) throws Exception {
		post(SERIES, series("2025-08-19T10:00", null, recurrence)).andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field").value(field));
	}

	private String series(String start, String provider, String recurrence) {
		return """
				{"patient_id":"%s","service_name":"Filling",%s"appointment_date":"%s","recurrence":%s}"""
			.formatted(patientId, provider == null ? "" : "\"provider_id\":\"" + provider + "\",", start, recurrence);
	}

	private static String providerOf(String answer, int index) {
		return JsonPath.read(answer, "$.occurrences[" + index + "].provider_id");
	}

	private UUID register(String name, String email) {
		return patients
			.register(
					new Patients.NewPatient(name, patients.contact(email, null), null, PatientType.NEW, Channel.EMAIL))
			.id()
			.value();
	}

	ResultActions post(String path, String json) throws Exception {
		return mvc.perform(json(MockMvcRequestBuilders.post(path), json));
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String json) {
		return request.contentType(MediaType.APPLICATION_JSON).content(json);
	}

}
