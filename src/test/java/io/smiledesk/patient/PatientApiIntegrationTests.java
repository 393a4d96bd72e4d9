package io.smiledesk.patient;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static io.smiledesk.test.Json.pair;
import static io.smiledesk.test.Json.problemJson;
import static io.smiledesk.test.Json.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Staff managing patient records. The clock stands at Monday 4 August 2025, 08:00 in New
 * York.
 */
@IntegrationTest
@WithMockUser(roles = "ADMIN")
class PatientApiIntegrationTests {

	static final String PATIENTS = "/api/v1/admin/patients";

	static final String UNKNOWN_ID = "5d1f0e1c-7a53-4c4b-9a39-8f9a6c1d2e3f";

	@Autowired
	MockMvc mvc;

	@Autowired
	io.smiledesk.system.FieldCipher cipher;

	@Autowired
	TestData data;

	@Autowired
	Patients patients;

	@BeforeEach
	void reset() {
		data.reset();
	}

	// --- registering

	@Test
	void registersAPatientWithNormalisedContactDetails() throws Exception {
		create(patient("  Ana Silva ", " Ana.Silva@Example.COM ", "(973) 555-0101")).andExpect(status().isCreated())
			.andExpect(jsonPath("$.patient_id").isNotEmpty())
			.andExpect(jsonPath("$.name").value("Ana Silva"))
			.andExpect(jsonPath("$.email").value("ana.silva@example.com"))
			.andExpect(jsonPath("$.phone").value("+19735550101"))
			.andExpect(jsonPath("$.patient_type").value("NEW"))
			.andExpect(jsonPath("$.preferred_channel").value("email"))
			.andExpect(jsonPath("$.created_at").value("2025-08-04T12:00:00Z"));

		Map<String, Object> row = data.jdbc().queryForMap("select * from patient");
		assertThat(value(row, "name")).isEqualTo("Ana Silva");
		assertThat(decrypted(row, "email")).isEqualTo("ana.silva@example.com");
		assertThat(decrypted(row, "phone")).isEqualTo("+19735550101");
		assertThat(value(row, "patient_type")).isEqualTo("NEW");
		assertThat(value(row, "preferred_channel")).isEqualTo("EMAIL");
	}

	@Test
	void thePreferredChannelIsLowerCaseOnTheWireAndDefaultsToSmsWithoutEmail() throws Exception {
		create(patient("Carla Mendes", null, "+1 212 555 0123")).andExpect(status().isCreated())
			.andExpect(jsonPath("$.email").doesNotExist())
			.andExpect(jsonPath("$.preferred_channel").value("sms"));
		create("""
				{"name":"Bruno Costa","email":"bruno@example.com","preferred_channel":"WhatsApp"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("preferred_channel"));
		create("""
				{"name":"Bruno Costa","email":"bruno@example.com","phone":"+1 212 555 0188","preferred_channel":"WhatsApp",
				 "patient_type":"COLD_LEAD","date_of_birth":"1990-04-23"}""")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.preferred_channel").value("whatsapp"))
			.andExpect(jsonPath("$.patient_type").value("COLD_LEAD"))
			.andExpect(jsonPath("$.date_of_birth").value("1990-04-23"));

		assertThat(data.jdbc().queryForList("select preferred_channel from patient order by name", String.class))
			.containsExactly("WHATSAPP", "SMS");
	}

	@Test
	void anEmailOrAPhoneIsRequired() throws Exception {
		create(patient("Ana Silva", null, null)).andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field").value("email"));
		create(patient("Ana Silva", " ", "")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("email"));
		assertThat(data.count("patient")).isZero();
	}

	@Test
	void anInvalidPhoneOrEmailIsRefused() throws Exception {
		for (String phone : new String[] { "12", "call me", "+1 000 000 0000", "9".repeat(33) }) {
			create(patient("Ana Silva", null, phone)).andExpect(status().isBadRequest())
				.andExpect(problemJson())
				.andExpect(jsonPath("$.errors[0].field").value("phone"));
		}
		for (String email : new String[] { "ana", "ana@", "ana@example", "ana silva@example.com",
				"a".repeat(250) + "@example.com" }) {
			create(patient("Ana Silva", email, "(973) 555-0101")).andExpect(status().isBadRequest())
				.andExpect(problemJson())
				.andExpect(jsonPath("$.errors[0].field").value("email"));
		}
		assertThat(data.count("patient")).isZero();
	}

	@Test
	void aSecondPatientWithTheSameEmailIsRefused() throws Exception {
		create(patient("Ana Silva", "ana@example.com", null)).andExpect(status().isCreated());

		create(patient("Ana Maria Silva", " ANA@example.com", "(973) 555-0101")).andExpect(status().isConflict())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.type", endsWith("/patient-exists")));
		assertThat(data.count("patient")).isEqualTo(1);
	}

	@Test
	void aSecondPatientWithTheSamePhoneInAnyFormattingIsRefused() throws Exception {
		create(patient("Ana Silva", "ana@example.com", "(973) 555-0101")).andExpect(status().isCreated());

		for (String phone : new String[] { "+1 973 555 0101", "973-555-0101", "9735550101", "+19735550101" }) {
			create(patient("Someone Else", "someone@example.com", phone)).andExpect(status().isConflict())
				.andExpect(problemJson())
				.andExpect(jsonPath("$.type", endsWith("/patient-exists")));
		}
		assertThat(data.count("patient")).isEqualTo(1);
	}

	@Test
	void anOversizedOrBlankNameIsRefused() throws Exception {
		create(patient("x".repeat(201), "ana@example.com", null)).andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		create(patient("   ", "ana@example.com", null)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		create("{\"email\":\"ana@example.com\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		assertThat(data.count("patient")).isZero();

		create(patient("x".repeat(200), "ana@example.com", null)).andExpect(status().isCreated());
	}

	@Test
	void aDateOfBirthInTheFutureIsRefused() throws Exception {
		// the clinic's today is 4 August 2025, whatever the machine's clock says
		for (String date : new String[] { "2025-08-05", "2026-01-01", "2100-01-01" }) {
			create("{\"name\":\"Ana\",\"email\":\"ana@example.com\",\"date_of_birth\":\"" + date + "\"}")
				.andExpect(status().isBadRequest())
				.andExpect(problemJson())
				.andExpect(jsonPath("$.errors[0].field").value("date_of_birth"));
		}
		create("{\"name\":\"Ana\",\"email\":\"ana@example.com\",\"date_of_birth\":\"2025-08-04\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("date_of_birth"));
		assertThat(data.count("patient")).isZero();

		create("{\"name\":\"Ana\",\"email\":\"ana@example.com\",\"date_of_birth\":\"2025-08-03\"}")
			.andExpect(status().isCreated());
	}

	@Test
	void unknownChannelsAndPatientTypesAreRefused() throws Exception {
		create("{\"name\":\"Ana\",\"email\":\"ana@example.com\",\"preferred_channel\":\"fax\"}")
			.andExpect(status().isBadRequest())
			.andExpect(problemJson());
		create("{\"name\":\"Ana\",\"email\":\"ana@example.com\",\"preferred_channel\":\"\"}")
			.andExpect(status().isBadRequest())
			.andExpect(problemJson());
		create("{\"name\":\"Ana\",\"email\":\"ana@example.com\",\"patient_type\":\"VIP\"}")
			.andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field").value("patient_type"));
		create("{\"name\":\"Ana\",\"email\":\"ana@example.com\",").andExpect(status().isBadRequest())
			.andExpect(problemJson());
		assertThat(data.count("patient")).isZero();
	}

	@Test
	void anImpossibleDateOfBirthIsRefusedNamingTheField() throws Exception {
		// valid JSON, impossible date: the answer must say which field is wrong, not that
		// the JSON is broken
		create("{\"name\":\"Ana\",\"email\":\"ana@example.com\",\"date_of_birth\":\"1990-02-30\"}")
			.andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.detail", not(containsString("not valid JSON"))))
			.andExpect(jsonPath("$.errors[0].field").value("date_of_birth"));
		assertThat(data.count("patient")).isZero();
	}

	@Test
	void anUnknownChannelIsRefusedNamingTheField() throws Exception {
		create("{\"name\":\"Ana\",\"email\":\"ana@example.com\",\"preferred_channel\":\"fax\"}")
			.andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.detail", not(containsString("not valid JSON"))))
			.andExpect(jsonPath("$.errors[0].field").value("preferred_channel"));
		assertThat(data.count("patient")).isZero();
	}

	// --- finding

	@Test
	void findsPatientsByAFragmentOfTheirName() throws Exception {
		threePatients();

		search("SILV").andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.patients[0].name").value("Ana Silva"));
		search("a").andExpect(jsonPath("$.patients[*].name", contains("Ana Silva", "Bruno Costa", "Carla Mendes")));
		search("zed").andExpect(jsonPath("$.total").value(0)).andExpect(jsonPath("$.patients", empty()));
	}

	@Test
	void findsPatientsByEmail() throws Exception {
		threePatients();

		search("Bruno.Costa@Example.com").andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.patients[0].name").value("Bruno Costa"));
		// contact details are encrypted: they are found whole, through their keyed hash,
		// never by a fragment
		search("example.org").andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void findsPatientsByTheDigitsOfTheirPhone() throws Exception {
		threePatients();

		search("(973) 555-0101").andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.patients[0].name").value("Ana Silva"));
		search("201.555.0187").andExpect(jsonPath("$.patients[*].name", contains("Bruno Costa")));
		search("+1 212 555 0123").andExpect(jsonPath("$.patients[*].name", contains("Carla Mendes")));
		search("5550187").andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void pagesThroughTheResults() throws Exception {
		threePatients();

		mvc.perform(get(PATIENTS).param("size", "1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.patients", hasSize(1)))
			.andExpect(jsonPath("$.patients[0].name").value("Ana Silva"))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(1))
			.andExpect(jsonPath("$.total").value(3));
		mvc.perform(get(PATIENTS).param("page", "2").param("size", "1"))
			.andExpect(jsonPath("$.patients[*].name", contains("Carla Mendes")))
			.andExpect(jsonPath("$.total").value(3));
		mvc.perform(get(PATIENTS).param("page", "1").param("size", "2"))
			.andExpect(jsonPath("$.patients[*].name", contains("Carla Mendes")));
		mvc.perform(get(PATIENTS).param("page", "5"))
			.andExpect(jsonPath("$.patients", empty()))
			.andExpect(jsonPath("$.total").value(3));
		mvc.perform(get(PATIENTS))
			.andExpect(jsonPath("$.patients", hasSize(3)))
			.andExpect(jsonPath("$.size").value(20));
	}

	@Test
	void searchTreatsLikeWildcardsAsPlainCharacters() throws Exception {
		threePatients();

		search("_").andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
		search("%").andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void invalidPagingOrSearchParametersAreRefused() throws Exception {
		for (String[] param : new String[][] { { "size", "0" }, { "size", "201" }, { "page", "-1" }, { "page", "two" },
				{ "size", "ten" }, { "q", "x".repeat(201) } }) {
			mvc.perform(get(PATIENTS).param(param[0], param[1]))
				.andExpect(status().isBadRequest())
				.andExpect(problemJson())
				.andExpect(jsonPath("$.errors[0].field").value(param[0]));
		}
	}

	// --- one patient and their history

	@Test
	void showsAPatientWithTheirTreatmentHistory() throws Exception {
		String id = id(create(patient("Ana Silva", "ana@example.com", null)));

		mvc.perform(get(PATIENTS + "/" + id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.patient.patient_id").value(id))
			.andExpect(jsonPath("$.patient.name").value("Ana Silva"))
			.andExpect(jsonPath("$.treatment_history", empty()));

		treatment(id, "Filling", "2025-06-10", null, null).andExpect(status().isCreated());
		treatment(id, "Annual Cleaning", "2025-07-28", "6-month cleaning", "2026-01-28")
			.andExpect(status().isCreated());

		mvc.perform(get(PATIENTS + "/" + id))
			.andExpect(jsonPath("$.treatment_history", hasSize(2)))
			.andExpect(jsonPath("$.treatment_history[0].procedure").value("Annual Cleaning"))
			.andExpect(jsonPath("$.treatment_history[0].performed_on").value("2025-07-28"))
			.andExpect(jsonPath("$.treatment_history[0].next_recommended").value("6-month cleaning"))
			.andExpect(jsonPath("$.treatment_history[1].procedure").value("Filling"));
	}

	@Test
	void recordingATreatmentSchedulesTheFollowUpAndMakesThePatientAnExistingOne() throws Exception {
		String id = id(create(patient("Ana Silva", "ana@example.com", null)));

		treatment(id, "Annual Cleaning", "2025-07-28", "6-month cleaning", "2026-01-28").andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").isNotEmpty())
			.andExpect(jsonPath("$.procedure").value("Annual Cleaning"))
			.andExpect(jsonPath("$.next_follow_up_date").value("2026-01-28"));

		mvc.perform(get(PATIENTS + "/" + id))
			.andExpect(jsonPath("$.patient.next_follow_up_date").value("2026-01-28"))
			.andExpect(jsonPath("$.patient.patient_type").value("EXISTING"));
		Map<String, Object> row = data.jdbc().queryForMap("select * from patient");
		assertThat(value(row, "patient_type")).isEqualTo("EXISTING");
		assertThat(value(row, "next_follow_up_date")).isEqualTo("2026-01-28");
		assertThat(data.count("patient_treatment")).isEqualTo(1);
	}

	@Test
	void treatmentsAreRefusedForUnknownPatientsOrWithoutProcedureAndDate() throws Exception {
		String id = id(create(patient("Ana Silva", "ana@example.com", null)));

		treatment(UNKNOWN_ID, "Filling", "2025-06-10", null, null).andExpect(status().isNotFound())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.type", endsWith("/patient-not-found")));
		post(PATIENTS + "/" + id + "/treatments", "{\"performed_on\":\"2025-06-10\"}")
			.andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field").value("procedure"));
		post(PATIENTS + "/" + id + "/treatments", "{\"procedure\":\"Filling\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("performed_on"));
		treatment(id, "x".repeat(201), "2025-06-10", null, null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("procedure"));
		treatment("not-a-uuid", "Filling", "2025-06-10", null, null).andExpect(status().isBadRequest())
			.andExpect(problemJson());

		assertThat(data.count("patient_treatment")).isZero();
		assertThat(value(data.jdbc().queryForMap("select * from patient"), "patient_type")).isEqualTo("NEW");
	}

	@Test
	void treatmentsCannotHappenInTheFutureOrFollowUpBeforeTheyHappen() throws Exception {
		String id = id(create(patient("Ana Silva", "ana@example.com", null)));

		// the clock stands at 4 August 2025
		treatment(id, "Filling", "2025-08-10", null, null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("performed_on"));
		treatment(id, "Filling", "2025-06-10", null, "2025-06-01").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("next_follow_up_date"));

		assertThat(data.count("patient_treatment")).isZero();
	}

	// --- changing

	@Test
	void updatesAPatient() throws Exception {
		String id = id(create(patient("Ana Silva", "ana@example.com", "(973) 555-0101")));

		put(PATIENTS + "/" + id, """
				{"name":"Ana Silva Costa","email":"ANA.COSTA@example.com","phone":"201-555-0187",
				 "date_of_birth":"1990-04-23","patient_type":"EXISTING","preferred_channel":"sms"}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.patient_id").value(id))
			.andExpect(jsonPath("$.name").value("Ana Silva Costa"))
			.andExpect(jsonPath("$.email").value("ana.costa@example.com"))
			.andExpect(jsonPath("$.phone").value("+12015550187"))
			.andExpect(jsonPath("$.preferred_channel").value("sms"));

		Map<String, Object> row = data.jdbc().queryForMap("select * from patient");
		assertThat(value(row, "name")).isEqualTo("Ana Silva Costa");
		assertThat(decrypted(row, "email")).isEqualTo("ana.costa@example.com");
		assertThat(decrypted(row, "phone")).isEqualTo("+12015550187");
		assertThat(decrypted(row, "date_of_birth_enc")).isEqualTo("1990-04-23");
		assertThat(value(row, "patient_type")).isEqualTo("EXISTING");
		assertThat(value(row, "preferred_channel")).isEqualTo("SMS");
		// keeping one's own contact details, written differently, is no conflict
		put(PATIENTS + "/" + id, """
				{"name":"Ana Silva Costa","email":" Ana.Costa@Example.com","phone":"+1 201 555 0187",
				 "preferred_channel":"email"}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.preferred_channel").value("email"));
	}

	@Test
	void anUpdateCannotTakeAnotherPatientsEmailOrPhone() throws Exception {
		create(patient("Ana Silva", "ana@example.com", "(973) 555-0101")).andExpect(status().isCreated());
		String bruno = id(create(patient("Bruno Costa", "bruno@example.com", "201-555-0187")));

		put(PATIENTS + "/" + bruno, patient("Bruno Costa", "ANA@example.com", "201-555-0187"))
			.andExpect(status().isConflict())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.type", endsWith("/patient-exists")));
		put(PATIENTS + "/" + bruno, patient("Bruno Costa", "bruno@example.com", "+1 973 555 0101"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type", endsWith("/patient-exists")));

		mvc.perform(get(PATIENTS + "/" + bruno))
			.andExpect(jsonPath("$.patient.email").value("bruno@example.com"))
			.andExpect(jsonPath("$.patient.phone").value("+12015550187"));
	}

	@Test
	void anUpdateIsValidatedLikeARegistration() throws Exception {
		String id = id(create(patient("Ana Silva", "ana@example.com", null)));

		put(PATIENTS + "/" + id, patient("Ana Silva", null, null)).andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field").value("email"));
		put(PATIENTS + "/" + id, patient("Ana Silva", "ana@", null)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("email"));
		put(PATIENTS + "/" + id, patient("x".repeat(201), "ana@example.com", null)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		put(PATIENTS + "/" + UNKNOWN_ID, patient("Ana Silva", "ana@example.com", null)).andExpect(status().isNotFound())
			.andExpect(problemJson());
		put(PATIENTS + "/not-a-uuid", patient("Ana Silva", "ana@example.com", null)).andExpect(status().isBadRequest())
			.andExpect(problemJson());

		mvc.perform(get(PATIENTS + "/" + id)).andExpect(jsonPath("$.patient.email").value("ana@example.com"));
	}

	@Test
	void anUpdateWithoutAPreferredChannelKeepsTheRecordValid() throws Exception {
		String id = id(create(patient("Ana Silva", "ana@example.com", null)));

		// preferred_channel is optional on registration (it defaults); it must be
		// optional on update too
		put(PATIENTS + "/" + id, patient("Ana Silva-Costa", "ana@example.com", null)).andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Ana Silva-Costa"))
			.andExpect(jsonPath("$.preferred_channel").value("email"));

		assertThat(value(data.jdbc().queryForMap("select * from patient"), "name")).isEqualTo("Ana Silva-Costa");
	}

	// --- deleting

	@Test
	void deletesAPatientAndTheirHistory() throws Exception {
		String id = id(create(patient("Ana Silva", "ana@example.com", null)));
		treatment(id, "Filling", "2025-06-10", null, null).andExpect(status().isCreated());

		mvc.perform(MockMvcRequestBuilders.delete(PATIENTS + "/" + id)).andExpect(status().isNoContent());

		mvc.perform(get(PATIENTS + "/" + id))
			.andExpect(status().isNotFound())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.type", endsWith("/patient-not-found")));
		assertThat(data.count("patient")).isZero();
		assertThat(data.count("patient_treatment")).isZero();
		mvc.perform(MockMvcRequestBuilders.delete(PATIENTS + "/" + id))
			.andExpect(status().isNotFound())
			.andExpect(problemJson());
	}

	@Test
	void aPatientWithAnAppointmentCannotBeDeleted() throws Exception {
		post("/api/v1/appointments/book", """
				{"name":"Ana Silva","email":"ana@example.com","appointment_date":"2025-08-20T14:00:00Z",
				 "service_name":"filling"}""").andExpect(status().isCreated());
		String id = data.jdbc().queryForObject("select id from patient", Object.class).toString();

		mvc.perform(MockMvcRequestBuilders.delete(PATIENTS + "/" + id))
			.andExpect(status().isConflict())
			.andExpect(problemJson());

		mvc.perform(get(PATIENTS + "/" + id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.patient.email").value("ana@example.com"));
		assertThat(data.count("patient")).isEqualTo(1);
		assertThat(data.count("appointment")).isEqualTo(1);
	}

	@Test
	void anUnknownPatientCannotBeUpdatedOrDeleted() throws Exception {
		put(PATIENTS + "/" + UNKNOWN_ID, patient("Ana Silva", "ana@example.com", null)).andExpect(status().isNotFound())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.type", endsWith("/patient-not-found")))
			.andExpect(jsonPath("$.detail").value("No patient with id " + UNKNOWN_ID + "."));
		mvc.perform(MockMvcRequestBuilders.delete(PATIENTS + "/" + UNKNOWN_ID))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type", endsWith("/patient-not-found")));

		assertThat(data.count("patient")).isZero();
	}

	@Test
	void aTakenEmailOrPhoneIsAConflictSayingWhichDetail() throws Exception {
		create(patient("Ana Silva", "ana@example.com", "(973) 555-0101")).andExpect(status().isCreated());

		create(patient("Bruno Costa", "ana@example.com", null)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.title").value("Conflict"))
			.andExpect(jsonPath("$.detail").value("Another patient already has this email address."));
		create(patient("Bruno Costa", null, "973-555-0101")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Another patient already has this phone number."));

		assertThat(data.count("patient")).isEqualTo(1);
	}

	@Test
	void aFollowUpForAnUnknownPatientIsRefusedInTheDomainsTerms() {
		PatientId unknown = new PatientId(java.util.UUID.fromString(UNKNOWN_ID));

		assertThatThrownBy(() -> patients.scheduleFollowUp(unknown, java.time.LocalDate.of(2026, 2, 1)))
			.isInstanceOfSatisfying(PatientRefused.class, refused -> {
				assertThat(refused.kind()).isEqualTo(PatientRefused.Kind.NOT_FOUND);
				assertThat(refused.subject()).isEqualTo("patient");
			});
	}

	@Test
	void malformedAndUnknownIdsAreAnswered4xx() throws Exception {
		mvc.perform(get(PATIENTS + "/not-a-uuid"))
			.andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field").value("id"));
		mvc.perform(get(PATIENTS + "/" + UNKNOWN_ID))
			.andExpect(status().isNotFound())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.type", endsWith("/patient-not-found")));
		mvc.perform(MockMvcRequestBuilders.delete(PATIENTS + "/12345"))
			.andExpect(status().isBadRequest())
			.andExpect(problemJson());
	}

	// --- helpers

	/** Stored encrypted; read back through the application's own key. */
	String decrypted(Map<String, Object> row, String column) {
		String stored = String.valueOf(value(row, column));
		assertThat(stored).startsWith("enc:v1:");
		return cipher.decrypt(stored);
	}

	void threePatients() throws Exception {
		create(patient("Carla Mendes", "carla@example.org", "+1 212 555 0123")).andExpect(status().isCreated());
		create(patient("Ana Silva", "ana@example.com", "(973) 555-0101")).andExpect(status().isCreated());
		create(patient("Bruno Costa", "bruno.costa@example.com", "(201) 555-0187")).andExpect(status().isCreated());
	}

	ResultActions search(String query) throws Exception {
		return mvc.perform(get(PATIENTS).param("q", query));
	}

	ResultActions create(String json) throws Exception {
		return post(PATIENTS, json);
	}

	ResultActions treatment(String patientId, String procedure, String performedOn, String next, String followUp)
			throws Exception {
		return post(PATIENTS + "/" + patientId + "/treatments",
				"{" + pair("procedure", procedure) + "," + pair("performed_on", performedOn) + ","
						+ pair("next_recommended", next) + "," + pair("next_follow_up_date", followUp) + "}");
	}

	ResultActions post(String path, String json) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	ResultActions put(String path, String json) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.put(path).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	static String patient(String name, String email, String phone) {
		return "{" + pair("name", name) + "," + pair("email", email) + "," + pair("phone", phone) + "}";
	}

	static String id(ResultActions created) throws Exception {
		String json = created.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"patient_id\":\"([^\"]*)\"").matcher(json);
		assertThat(matcher.find()).as("patient_id in %s", json).isTrue();
		return matcher.group(1);
	}

}
