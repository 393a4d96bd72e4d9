package io.smiledesk.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static io.smiledesk.test.Json.body;
import static io.smiledesk.test.Json.booking;
import static io.smiledesk.test.Json.field;
import static io.smiledesk.test.Json.pair;
import static io.smiledesk.test.Json.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Wednesday 20 August 2025 in New York; the clock stands at Monday 4 August, 08:00. */
@IntegrationTest
@WithMockUser(roles = "ADMIN")
class BookingApiIntegrationTests {

	static final String TEN_AM = "2025-08-20T14:00:00Z";

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
	}

	@Test
	void booksAnAppointmentAndRegistersTheNewPatient() throws Exception {
		book(booking("Ana Silva", "Ana@Example.COM ", "(973) 555-0101", TEN_AM, "Teeth Whitening"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/appointments/")))
			.andExpect(jsonPath("$.message").value("Appointment booked successfully."))
			.andExpect(jsonPath("$.appointment_id").isNotEmpty())
			.andExpect(jsonPath("$.local_time").value("10:00"))
			.andExpect(jsonPath("$.status").value("booked"));

		Map<String, Object> patient = data.jdbc().queryForMap("select * from patient");
		assertThat(cipher.decrypt(String.valueOf(value(patient, "email")))).isEqualTo("ana@example.com");
		assertThat(String.valueOf(value(patient, "email"))).startsWith("enc:v1:");
		assertThat(cipher.decrypt(String.valueOf(value(patient, "phone")))).isEqualTo("+19735550101");
		assertThat(value(patient, "patient_type")).isEqualTo("NEW");
		Map<String, Object> appointment = data.jdbc().queryForMap("select * from appointment");
		assertThat(value(appointment, "created_from")).isEqualTo("AI_AGENT_FORM");
		assertThat(value(appointment, "service_id")).isEqualTo("teeth_whitening");
		// 60 minutes plus 15 buffer = 15 granules, for the provider and the operatory
		assertThat(data.count("slot_claim")).isEqualTo(30);
	}

	@Test
	void findsTheExistingPatientByEmailOrPhone() throws Exception {
		book(booking("Ana Silva", "ana@example.com", "973-555-0101", TEN_AM, "teeth_whitening"))
			.andExpect(status().isCreated());
		book(booking("Ana S.", null, "+1 973 555 0101", "2025-08-21T14:00:00Z", "annual_cleaning"))
			.andExpect(status().isCreated());
		book(booking("Ana", "ANA@example.com", null, "2025-08-22T14:00:00Z", "filling"))
			.andExpect(status().isCreated());

		assertThat(data.count("patient")).isEqualTo(1);
		assertThat(data.count("appointment")).isEqualTo(3);
	}

	@Test
	void choosesAProviderAndOperatoryWhenNoneIsGiven() throws Exception {
		String first = body(book(booking("A", "a@example.com", null, TEN_AM, "teeth_whitening")));
		String second = body(book(booking("B", "b@example.com", null, TEN_AM, "teeth_whitening")));

		assertThat(field(first, "provider_id")).isNotEqualTo(field(second, "provider_id"));
		assertThat(field(first, "operatory_id")).isNotEqualTo(field(second, "operatory_id"));
	}

	@Test
	void refusesATakenSlotWithTheNearestAlternatives() throws Exception {
		book(booking("A", "a@example.com", null, TEN_AM, "teeth_whitening", "dr-maria-lopez"))
			.andExpect(status().isCreated());

		book(booking("B", "b@example.com", null, TEN_AM, "teeth_whitening", "dr-maria-lopez"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.reason").value("provider-busy"))
			.andExpect(jsonPath("$.alternatives", hasSize(5)))
			.andExpect(jsonPath("$.alternatives[0].provider_id").value("dr-maria-lopez"));

		assertThat(data.count("patient")).as("the losing patient is not registered").isEqualTo(1);
	}

	@Test
	void refusesUnknownServices() throws Exception {
		book(booking("A", "a@example.com", null, TEN_AM, "Root canal on the moon")).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type", endsWith("/service-unknown")))
			.andExpect(jsonPath("$.detail").value("The clinic does not offer that service."));
		assertNothingWritten();
	}

	@Test
	void refusesUnknownProviders() throws Exception {
		book(booking("A", "a@example.com", null, TEN_AM, "filling", "dr-nobody")).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.reason").value("provider-unknown"));
		assertNothingWritten();
	}

	@Test
	void refusesPastAndOutOfHoursTimes() throws Exception {
		book(booking("A", "a@example.com", null, "2025-08-01T14:00:00Z", "filling"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("in-past"));
		// 06:00 in New York
		book(booking("A", "a@example.com", null, "2025-08-20T10:00:00Z", "filling"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("outside-opening-hours"))
			.andExpect(jsonPath("$.alternatives", not(empty())));
		// Sunday
		book(booking("A", "a@example.com", null, "2025-08-24T14:00:00Z", "filling"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("outside-opening-hours"));
		// too soon: now is 08:00, notice is two hours
		book(booking("A", "a@example.com", null, "2025-08-04T13:00:00Z", "filling"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("too-soon"));
		book(booking("A", "a@example.com", null, "2025-12-03T15:00:00Z", "filling"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("too-far-ahead"));
		assertNothingWritten();
	}

	@Test
	void acceptsOffsetAndClinicLocalDateTimes() throws Exception {
		book(booking("A", "a@example.com", null, "2025-08-20T10:00:00-04:00", "filling", "dr-maria-lopez"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.appointment_date").value(TEN_AM));
		book(booking("B", "b@example.com", null, "2025-08-20T11:00", "filling", "dr-maria-lopez"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.appointment_date").value("2025-08-20T15:00:00Z"));
	}

	@Test
	void answersBadInputWithProblemDetails() throws Exception {
		post("/api/v1/appointments/book", "{\"name\": \"Ana\", ").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("The request body is not valid JSON."));
		post("/api/v1/appointments/book", "").andExpect(status().isBadRequest());
		post("/api/v1/appointments/book", "[1, 2]").andExpect(status().isBadRequest());
		post("/api/v1/appointments/book",
				"{\"name\":\"A\",\"email\":\"a@example.com\",\"appointment_date\":{\"day\":20},\"service_name\":\"filling\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("appointment_date"));
		post("/api/v1/appointments/book",
				"{\"name\":\"A\",\"email\":\"a@example.com\",\"appointment_date\":\"" + TEN_AM
						+ "\",\"service_name\":\"filling\",\"hold_id\":\"not-a-uuid\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("hold_id"));
		book(booking("A", "a@example.com", null, "next tuesday", "filling")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("appointment_date"));
		book(booking("A", "a@example.com", null, "2025-08-20T14:02:30Z", "filling")).andExpect(status().isBadRequest());
		book(booking("A", "a@example.com", null, "2025-08-20T14:02:00Z", "filling")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.reason").value("not-on-grid"));
		book(booking("A", null, null, TEN_AM, "filling")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("email"));
		book(booking("A", "not-an-email", null, TEN_AM, "filling")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("email"));
		book(booking("A", null, "12", TEN_AM, "filling")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("phone"));
		book(booking("x".repeat(201), "a@example.com", null, TEN_AM, "filling")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		book(booking(" ", "a@example.com", null, TEN_AM, "filling")).andExpect(status().isBadRequest());
		String tooLarge = "{\"name\":\"" + "x".repeat(70_000) + "\"}";
		post("/api/v1/appointments/book", tooLarge).andExpect(status().isPayloadTooLarge());
		mvc.perform(MockMvcRequestBuilders.post("/api/v1/appointments/book")
			.contentType(MediaType.TEXT_PLAIN)
			.content("hello")).andExpect(status().isUnsupportedMediaType());
		assertNothingWritten();
	}

	@Test
	void anUnknownPatientCannotBookWithADateOfBirthInTheFuture() throws Exception {
		post("/api/v1/appointments/book", """
				{"name":"A","email":"a@example.com","appointment_date":"%s","service_name":"filling",
				 "date_of_birth":"2030-01-01"}""".formatted(TEN_AM)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("date_of_birth"));
		assertNothingWritten();
	}

	@Test
	void replaysARetriedRequestWithTheSameIdempotencyKey() throws Exception {
		String request = booking("Ana", "ana@example.com", null, TEN_AM, "filling");
		String first = body(mvc
			.perform(MockMvcRequestBuilders.post("/api/v1/appointments/book")
				.header("Idempotency-Key", "abc-123")
				.contentType(MediaType.APPLICATION_JSON)
				.content(request))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "false")));
		String second = body(mvc
			.perform(MockMvcRequestBuilders.post("/api/v1/appointments/book")
				.header("Idempotency-Key", "abc-123")
				.contentType(MediaType.APPLICATION_JSON)
				.content(request))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true")));

		assertThat(field(second, "appointment_id")).isEqualTo(field(first, "appointment_id"));
		assertThat(data.count("appointment")).isEqualTo(1);

		mvc.perform(MockMvcRequestBuilders.post("/api/v1/appointments/book")
			.header("Idempotency-Key", "abc-123")
			.contentType(MediaType.APPLICATION_JSON)
			.content(booking("Ana", "ana@example.com", null, "2025-08-21T14:00:00Z", "filling")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("idempotency-key-reused"));
		assertThat(data.count("appointment")).isEqualTo(1);
	}

	@Test
	void aHeldSlotIsNeitherOfferedNorBookableByOthers() throws Exception {
		String hold = body(post("/api/v1/appointments/holds", """
				{"service_name":"filling","appointment_date":"%s","provider_id":"dr-maria-lopez"}""".formatted(TEN_AM))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.expires_at").value("2025-08-04T12:05:00Z")));

		mvc.perform(get("/api/v1/availability/slots").param("service", "filling")
			.param("from", "2025-08-20")
			.param("to", "2025-08-20")
			.param("provider", "dr-maria-lopez"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.slots[?(@.start == '" + TEN_AM + "')]", empty()));
		book(booking("B", "b@example.com", null, TEN_AM, "filling", "dr-maria-lopez")).andExpect(status().isConflict());

		post("/api/v1/appointments/book",
				"""
						{"name":"A","email":"a@example.com","appointment_date":"%s","service_name":"filling","hold_id":"%s"}"""
					.formatted(TEN_AM, field(hold, "hold_id")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.provider_id").value("dr-maria-lopez"));
		assertThat(data.count("slot_hold")).isZero();
		assertThat(data.count("slot_claim")).isEqualTo(2 * 11);
	}

	@Test
	void anExpiredHoldFreesItselfWithoutAnyJob() throws Exception {
		post("/api/v1/appointments/holds", """
				{"service_name":"filling","appointment_date":"%s","provider_id":"dr-maria-lopez"}""".formatted(TEN_AM))
			.andExpect(status().isCreated());

		clock.advance(Duration.ofMinutes(5));

		book(booking("B", "b@example.com", null, TEN_AM, "filling", "dr-maria-lopez")).andExpect(status().isCreated());
	}

	@Test
	void aReleasedHoldFreesTheSlotAtOnce() throws Exception {
		String hold = body(post("/api/v1/appointments/holds", """
				{"service_name":"filling","appointment_date":"%s","provider_id":"dr-maria-lopez"}"""
			.formatted(TEN_AM)));

		mvc.perform(delete("/api/v1/appointments/holds/" + field(hold, "hold_id"))).andExpect(status().isNoContent());

		book(booking("B", "b@example.com", null, TEN_AM, "filling", "dr-maria-lopez")).andExpect(status().isCreated());
	}

	@Test
	void holdsFollowTheSameRulesAsBookings() throws Exception {
		post("/api/v1/appointments/holds", """
				{"service_name":"filling","appointment_date":"2025-08-24T14:00:00Z"}""")
			.andExpect(status().isUnprocessableContent());
		post("/api/v1/appointments/holds", """
				{"service_name":"nothing","appointment_date":"%s"}""".formatted(TEN_AM))
			.andExpect(status().isNotFound());
		assertThat(data.count("slot_hold")).isZero();
	}

	@Test
	void aPatientCancelsWithTheContactOnFileAndTheSlotIsFreedAgain() throws Exception {
		String id = field(
				body(book(booking("Ana", "ana@example.com", "973-555-0101", TEN_AM, "filling", "dr-maria-lopez"))),
				"appointment_id");

		post("/api/v1/appointments/" + id + "/cancel", "{\"email\":\"mallory@example.com\"}")
			.andExpect(status().isNotFound());
		post("/api/v1/appointments/" + id + "/cancel", "{}").andExpect(status().isNotFound());
		post("/api/v1/appointments/" + id + "/cancel", "{\"phone\":\"+19735550101\",\"reason\":\"travelling\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("cancelled"));

		book(booking("B", "b@example.com", null, TEN_AM, "filling", "dr-maria-lopez")).andExpect(status().isCreated());
		post("/api/v1/appointments/" + id + "/cancel", "{\"email\":\"ana@example.com\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("invalid-transition"));
	}

	@Test
	void patientsCannotChangeAnAppointmentWithinTheNoticePeriod() throws Exception {
		String id = field(body(book(booking("Ana", "ana@example.com", null, TEN_AM, "filling"))), "appointment_id");
		clock.set(Instant.parse(TEN_AM).minus(Duration.ofHours(23)));

		post("/api/v1/appointments/" + id + "/cancel", "{\"email\":\"ana@example.com\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("change-too-late"));
		post("/api/v1/appointments/" + id + "/reschedule",
				"{\"email\":\"ana@example.com\",\"appointment_date\":\"2025-08-22T14:00:00Z\"}")
			.andExpect(status().isUnprocessableContent());
		mvc.perform(MockMvcRequestBuilders.post("/api/v1/admin/appointments/" + id + "/cancel"))
			.andExpect(status().isOk());
	}

	@Test
	void aPatientReschedulesAndKeepsTheirDentist() throws Exception {
		String id = field(body(book(booking("Ana", "ana@example.com", null, TEN_AM, "filling", "dr-aisha-patel"))),
				"appointment_id");

		// overlapping its own old time is fine: the appointment does not block itself
		post("/api/v1/appointments/" + id + "/reschedule",
				"{\"email\":\"ana@example.com\",\"appointment_date\":\"2025-08-20T14:30:00Z\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.provider_id").value("dr-aisha-patel"))
			.andExpect(jsonPath("$.local_time").value("10:30"));

		// 09:30-10:15 plus buffer overlaps the old time only, which is free again
		book(booking("B", "b@example.com", null, "2025-08-20T13:30:00Z", "filling", "dr-aisha-patel"))
			.andExpect(status().isCreated());
		book(booking("C", "c@example.com", null, "2025-08-20T14:45:00Z", "filling", "dr-aisha-patel"))
			.andExpect(status().isConflict());
	}

	@Test
	void aPatientConfirmsTheirAppointment() throws Exception {
		String id = field(body(book(booking("Ana", "ana@example.com", null, TEN_AM, "filling"))), "appointment_id");

		post("/api/v1/appointments/" + id + "/confirm", "{\"email\":\"ANA@example.com\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("confirmed"));
	}

	@Test
	void aSlotTakenByAnotherRequestLeavesNothingBehind() throws Exception {
		book(booking("A", "a@example.com", null, TEN_AM, "filling", "dr-maria-lopez")).andExpect(status().isCreated());
		int patients = data.count("patient");
		int claims = data.count("slot_claim");

		book(booking("Z", "z@example.com", "973-555-0199", "2025-08-20T14:30:00Z", "filling", "dr-maria-lopez"))
			.andExpect(status().isConflict());

		assertThat(data.count("patient")).isEqualTo(patients);
		assertThat(data.count("slot_claim")).isEqualTo(claims);
		assertThat(data.count("appointment")).isEqualTo(1);
	}

	// --- helpers

	ResultActions book(String json) throws Exception {
		return post("/api/v1/appointments/book", json);
	}

	ResultActions post(String path, String json) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	void assertNothingWritten() {
		assertThat(data.count("patient")).isZero();
		assertThat(data.count("appointment")).isZero();
		assertThat(data.count("slot_claim")).isZero();
	}

}
