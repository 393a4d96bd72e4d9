package io.smiledesk.scheduling;

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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static io.smiledesk.test.Json.body;
import static io.smiledesk.test.Json.booking;
import static io.smiledesk.test.Json.field;
import static io.smiledesk.test.Json.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The staff side: manual booking, the schedule list and each lifecycle step. */
@IntegrationTest
@WithMockUser(roles = "ADMIN")
class AdminAppointmentsIntegrationTests {

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
	void staffBookManuallyWithTheirOwnDurationAndAtShortNotice() throws Exception {
		// 08:30 today: too soon for a patient, fine for staff
		String created = body(post("/api/v1/admin/appointments", """
				{"appointment_date":"2025-08-04T12:30:00Z","duration_minutes":90,"name":"Walk In",
				 "email":"walkin@example.com","phone":"973-555-0150","preferred_channel":"sms","service_name":"Filling",
				 "notes":"Lost a filling","provider_id":"dr-maria-lopez"}""").andExpect(status().isCreated())
			.andExpect(jsonPath("$.duration_minutes").value(90)));

		Map<String, Object> row = data.jdbc().queryForMap("select * from appointment");
		assertThat(value(row, "created_from")).isEqualTo("MANUAL_ADMIN");
		assertThat(String.valueOf(value(row, "notes"))).startsWith("enc:v1:");
		assertThat(cipher.decrypt(String.valueOf(value(row, "notes")))).isEqualTo("Lost a filling");
		assertThat(value(data.jdbc().queryForMap("select * from patient"), "preferred_channel")).isEqualTo("SMS");
		assertThat(field(created, "appointment_id")).isNotBlank();
	}

	@Test
	void manualBookingStillCannotOverlapOrLandInThePast() throws Exception {
		post("/api/v1/admin/appointments", manual("2025-08-20T14:00:00Z", 60, "a@example.com"))
			.andExpect(status().isCreated());
		post("/api/v1/admin/appointments", manual("2025-08-20T14:30:00Z", 30, "b@example.com"))
			.andExpect(status().isConflict());
		post("/api/v1/admin/appointments", manual("2025-08-01T14:00:00Z", 30, "b@example.com"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("in-past"));
		post("/api/v1/admin/appointments", manual("2025-08-20T14:00:00Z", 32, "b@example.com"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("duration_minutes"));
		post("/api/v1/admin/appointments", manual("2025-08-20T14:00:00Z", 0, "b@example.com"))
			.andExpect(status().isBadRequest());
		post("/api/v1/admin/appointments", "{\"name\":\"X\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(2)));
		assertThat(data.count("appointment")).isEqualTo(1);
	}

	@Test
	void listsTheScheduleInTheShapeTheConsoleExpects() throws Exception {
		book("Ana Silva", "ana@example.com", "2025-08-20T14:00:00Z", "dr-maria-lopez");
		book("Ben Ode", "ben@example.com", "2025-08-20T15:00:00Z", "dr-aisha-patel");
		book("Cy Young", "cy@example.com", "2025-08-21T14:00:00Z", "dr-maria-lopez");

		mvc.perform(get("/api/v1/admin/appointments").param("start_date", "2025-08-20").param("end_date", "2025-08-20"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.appointments", hasSize(2)))
			.andExpect(jsonPath("$.appointments[0].patient_name").value("Ana Silva"))
			.andExpect(jsonPath("$.appointments[0].appointment_date").value("2025-08-20T14:00:00Z"))
			.andExpect(jsonPath("$.appointments[0].duration_minutes").value(45))
			.andExpect(jsonPath("$.appointments[0].service_name").value("Filling"))
			.andExpect(jsonPath("$.appointments[0].provider_id").value("dr-maria-lopez"))
			.andExpect(jsonPath("$.appointments[0].provider_name").value("Dr. Maria Lopez"))
			.andExpect(jsonPath("$.appointments[0].status").value("booked"))
			.andExpect(jsonPath("$.appointments[0].appointment_id").isNotEmpty());
		mvc.perform(get("/api/v1/admin/appointments").param("start_date", "2025-08-20")
			.param("end_date", "2025-08-21")
			.param("provider_id", "dr-maria-lopez")).andExpect(jsonPath("$.appointments", hasSize(2)));
		mvc.perform(get("/api/v1/admin/appointments").param("start_date", "2025-08-20")
			.param("end_date", "2025-08-21")
			.param("status", "cancelled")).andExpect(jsonPath("$.appointments", hasSize(0)));
		// without dates: today in the clinic's zone
		mvc.perform(get("/api/v1/admin/appointments")).andExpect(jsonPath("$.appointments", hasSize(0)));
	}

	@Test
	void refusesBadListFilters() throws Exception {
		mvc.perform(get("/api/v1/admin/appointments").param("start_date", "20-08-2025"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("start_date"));
		mvc.perform(get("/api/v1/admin/appointments").param("start_date", "2025-08-21").param("end_date", "2025-08-20"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/admin/appointments").param("start_date", "2025-01-01").param("end_date", "2025-12-31"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/admin/appointments").param("status", "lost")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/admin/appointments").param("patient_id", "nope")).andExpect(status().isBadRequest());
	}

	@Test
	void completingRecordsTheVisitAndTheNextFollowUpOnThePatient() throws Exception {
		String id = book("Ana Silva", "ana@example.com", "2025-08-20T14:00:00Z", "dr-maria-lopez");

		post("/api/v1/admin/appointments/" + id + "/complete", "{}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("An appointment cannot be completed before it starts."));
		clock.set(Instant.parse("2025-08-20T15:00:00Z"));
		post("/api/v1/admin/appointments/" + id + "/complete",
				"{\"next_follow_up_date\":\"2026-02-20\",\"next_recommended\":\"6-month cleaning\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("completed"));

		Map<String, Object> patient = data.jdbc().queryForMap("select * from patient");
		assertThat(value(patient, "next_follow_up_date")).isEqualTo("2026-02-20");
		assertThat(value(patient, "patient_type")).isEqualTo("EXISTING");
		Map<String, Object> treatment = data.jdbc().queryForMap("select * from patient_treatment");
		assertThat(value(treatment, "procedure_name")).isEqualTo("Filling");
		assertThat(value(treatment, "performed_on")).isEqualTo("2025-08-20");
		post("/api/v1/admin/appointments/" + id + "/cancel", "{}").andExpect(status().isConflict());
		post("/api/v1/admin/appointments/" + id + "/complete", "{\"next_follow_up_date\":\"soon\"}")
			.andExpect(status().isBadRequest());
	}

	@Test
	void marksANoShowOnlyOnceTheAppointmentHasStarted() throws Exception {
		String id = book("Ana Silva", "ana@example.com", "2025-08-20T14:00:00Z", "dr-maria-lopez");

		mvc.perform(MockMvcRequestBuilders.post("/api/v1/admin/appointments/" + id + "/no-show"))
			.andExpect(status().isConflict());
		clock.set(Instant.parse("2025-08-20T14:20:00Z"));
		mvc.perform(MockMvcRequestBuilders.post("/api/v1/admin/appointments/" + id + "/no-show"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("no_show"));
	}

	@Test
	void staffCancelAtAnyNoticeAndTheTimeIsFreeAgain() throws Exception {
		String id = book("Ana Silva", "ana@example.com", "2025-08-20T14:00:00Z", "dr-maria-lopez");
		clock.set(Instant.parse("2025-08-20T13:00:00Z"));

		post("/api/v1/admin/appointments/" + id + "/cancel", "{\"reason\":\"Dentist ill\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("cancelled"));

		assertThat(value(data.jdbc().queryForMap("select * from appointment"), "cancel_reason"))
			.isEqualTo("Dentist ill");
		assertThat(data.count("slot_claim")).isZero();
		post("/api/v1/admin/appointments", manual("2025-08-20T14:00:00Z", 45, "b@example.com"))
			.andExpect(status().isCreated());
	}

	@Test
	void staffRescheduleToAnotherProvider() throws Exception {
		String id = book("Ana Silva", "ana@example.com", "2025-08-20T14:00:00Z", "dr-maria-lopez");

		post("/api/v1/admin/appointments/" + id + "/reschedule",
				"{\"appointment_date\":\"2025-08-21T18:00:00Z\",\"provider_id\":\"dr-james-chen\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.provider_id").value("dr-james-chen"))
			.andExpect(jsonPath("$.local_time").value("14:00"));
		post("/api/v1/admin/appointments/" + id + "/reschedule", "{\"appointment_date\":\"2025-08-24T14:00:00Z\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("outside-opening-hours"));
		post("/api/v1/admin/appointments/" + id + "/reschedule", "{}").andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/admin/appointments/" + id))
			.andExpect(jsonPath("$.appointment_date").value("2025-08-21T18:00:00Z"));
	}

	@Test
	void confirmsAndDeletes() throws Exception {
		String id = book("Ana Silva", "ana@example.com", "2025-08-20T14:00:00Z", "dr-maria-lopez");

		mvc.perform(MockMvcRequestBuilders.post("/api/v1/admin/appointments/" + id + "/confirm"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("confirmed"));
		mvc.perform(delete("/api/v1/admin/appointments/" + id)).andExpect(status().isNoContent());
		mvc.perform(delete("/api/v1/admin/appointments/" + id)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/admin/appointments/" + id)).andExpect(status().isNotFound());
		assertThat(data.count("slot_claim")).isZero();
	}

	@Test
	void unknownAppointmentsAreNotFound() throws Exception {
		String unknown = "0b9f0f51-4f3c-4b7e-9a0c-3f7f3b0c1a11";
		for (String action : new String[] { "complete", "cancel", "no-show", "confirm" }) {
			mvc.perform(MockMvcRequestBuilders.post("/api/v1/admin/appointments/" + unknown + "/" + action))
				.andExpect(status().isNotFound());
		}
		post("/api/v1/admin/appointments/" + unknown + "/reschedule", "{\"appointment_date\":\"2025-08-20T14:00:00Z\"}")
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/admin/appointments/not-a-uuid")).andExpect(status().isBadRequest());
	}

	// --- helpers

	String book(String name, String email, String start, String provider) throws Exception {
		return field(body(post("/api/v1/appointments/book", booking(name, email, null, start, "filling", provider))
			.andExpect(status().isCreated())), "appointment_id");
	}

	static String manual(String start, int minutes, String email) {
		return """
				{"appointment_date":"%s","duration_minutes":%d,"name":"Manual","email":"%s",
				 "service_name":"filling","provider_id":"dr-maria-lopez"}""".formatted(start, minutes, email);
	}

	ResultActions post(String path, String json) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json));
	}

}
