package io.smiledesk.clinic;

import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.TestData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static io.smiledesk.test.Json.body;
import static io.smiledesk.test.Json.pair;
import static io.smiledesk.test.Json.problemJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The clinic's public profile and the staff CRUD for its set-up, against the seeded
 * Brightside Dental. The clock stands at Monday 4 August 2025, 08:00 in New York;
 * Wednesday 20 August is the usual day to book on.
 *
 * <p>
 * The Spring context (and its database) is shared with the other integration tests, so
 * every test's changes to the clinic's settings, closures, providers, services and
 * operatories are undone in {@link #restoreTheSeededClinic()}, which also checks that the
 * clinic is back exactly as it was.
 */
@IntegrationTest
@WithMockUser(roles = "ADMIN")
class ClinicApiIntegrationTests {

	static final String WEDNESDAY = "2025-08-20";

	/** 10:00 in New York on Wednesday 20 August. */
	static final String TEN_AM = "2025-08-20T14:00:00Z";

	static final JsonMapper JSON = JsonMapper.shared();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	Baseline baseline;

	@BeforeEach
	void reset() throws Exception {
		data.reset();
		baseline = Baseline.capture(this);
	}

	@AfterEach
	void restoreTheSeededClinic() throws Exception {
		data.reset();
		baseline.restore(this);
	}

	// --- public clinic profile

	@Test
	void thePublicClinicShowsTheProfileTimeZoneAndOpeningHoursForEveryWeekday() throws Exception {
		mvc.perform(get("/api/v1/clinic"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.name").value("Brightside Dental"))
			.andExpect(jsonPath("$.time_zone").value("America/New_York"))
			.andExpect(jsonPath("$.currency").value("USD"))
			.andExpect(jsonPath("$.phone").value("+1 973-555-0142"))
			.andExpect(jsonPath("$.address.city").value("Springfield"))
			.andExpect(jsonPath("$.address.postal_code").value("07081"))
			.andExpect(jsonPath("$.opening_hours.length()").value(7))
			.andExpect(jsonPath("$.opening_hours.monday[0].start").value("08:00"))
			.andExpect(jsonPath("$.opening_hours.monday[0].end").value("17:00"))
			.andExpect(jsonPath("$.opening_hours.wednesday[0].end").value("19:00"))
			.andExpect(jsonPath("$.opening_hours.friday[0].end").value("15:00"))
			.andExpect(jsonPath("$.opening_hours.saturday[0].start").value("09:00"))
			.andExpect(jsonPath("$.opening_hours.saturday[0].end").value("13:00"))
			.andExpect(jsonPath("$.opening_hours.sunday", empty()))
			// staff-only booking rules are not part of the public profile
			.andExpect(jsonPath("$.booking_rules").doesNotExist());
	}

	@Test
	void thePublicClinicListsOnlyClosuresThatHaveNotEndedYet() throws Exception {
		// today is 4 August: a closure ending today is still upcoming, one that ended
		// yesterday is not
		addClosure("2025-08-01", "2025-08-04", "Flooding repairs").andExpect(status().isCreated());
		addClosure("2025-08-01", "2025-08-03", "Summer break").andExpect(status().isCreated());

		mvc.perform(get("/api/v1/clinic"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.closures[*].reason", hasItem("Flooding repairs")))
			.andExpect(jsonPath("$.closures[*].reason", not(hasItem("Summer break"))))
			.andExpect(jsonPath("$.closures[*].starts_on", hasItem("2025-12-24")))
			.andExpect(jsonPath("$.closures[*].starts_on", hasItem("2026-07-04")))
			.andExpect(jsonPath("$.closures[*].starts_on", not(hasItem("2025-07-04"))))
			.andExpect(jsonPath("$.closures[*].starts_on", not(hasItem("2025-01-01"))))
			.andExpect(jsonPath("$.closures[?(@.starts_on == '2025-12-24')].ends_on", hasItem("2025-12-26")));
		// staff still see every closure
		mvc.perform(get("/api/v1/admin/clinic/closures"))
			.andExpect(jsonPath("$[*].reason", hasItem("Summer break")))
			.andExpect(jsonPath("$[*].starts_on", hasItem("2025-07-04")));
	}

	// --- public services and providers

	@Test
	void thePublicServicesListTheActiveServicesWithDurationAndPrice() throws Exception {
		String json = body(mvc.perform(get("/api/v1/services"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(6)))
			.andExpect(jsonPath("$[?(@.id == 'teeth_whitening')].name", hasItem("Teeth Whitening")))
			.andExpect(jsonPath("$[?(@.id == 'teeth_whitening')].duration_minutes", hasItem(60)))
			.andExpect(jsonPath("$[?(@.id == 'annual_cleaning')].duration_minutes", hasItem(45)))
			.andExpect(jsonPath("$[?(@.id == 'teeth_whitening')].currency", hasItem("USD")))
			// staff-only details stay private
			.andExpect(jsonPath("$[0].buffer_minutes").doesNotExist())
			.andExpect(jsonPath("$[0].provider_roles").doesNotExist())
			.andExpect(jsonPath("$[0].active").doesNotExist()));
		assertThat(json).contains("\"price\":350.00").contains("\"price\":120.00");
	}

	@Test
	void aDeactivatedServiceDisappearsAndCanNeitherBeBookedNorQueried() throws Exception {
		availabilityFor("teeth_whitening").andExpect(status().isOk())
			.andExpect(jsonPath("$['" + WEDNESDAY + "']").isArray());

		put("/api/v1/admin/services/teeth_whitening",
				service(null, "Teeth Whitening", 60, 15, "350.00", "[\"DENTIST\"]", false))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(false));

		mvc.perform(get("/api/v1/services"))
			.andExpect(jsonPath("$", hasSize(5)))
			.andExpect(jsonPath("$[*].id", not(hasItem("teeth_whitening"))));
		book("Ana", "ana@example.com", TEN_AM, "teeth_whitening", null).andExpect(status().isNotFound())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.reason").value("service-unknown"));
		book("Ana", "ana@example.com", TEN_AM, "Teeth Whitening", null).andExpect(status().isNotFound());
		availabilityFor("teeth_whitening").andExpect(status().isNotFound())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.type", endsWith("/service-not-found")));
		mvc.perform(get("/api/v1/availability/slots").param("service", "teeth_whitening")
			.param("from", WEDNESDAY)
			.param("to", WEDNESDAY)).andExpect(status().isNotFound()).andExpect(problemJson());
		// staff still see it
		mvc.perform(get("/api/v1/admin/services/teeth_whitening"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(false));
		assertThat(data.count("appointment")).isZero();
		assertThat(data.count("patient")).isZero();
	}

	@Test
	void aProvidersLanguagesAreKeptInTheirOrderAndChangedWithTheProfile() throws Exception {
		post("/api/v1/admin/providers",
				emilyStone("dr-emily-stone").replace("\"bio\"", "\"languages\":[\" French \",\"English\"],\"bio\""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.languages", contains("French", "English")));
		mvc.perform(get("/api/v1/providers"))
			.andExpect(jsonPath("$[?(@.id == 'dr-emily-stone')].languages[*]", contains("French", "English")));

		put("/api/v1/admin/providers/dr-emily-stone",
				emilyStone("dr-emily-stone").replace("\"bio\"", "\"languages\":[\"Portuguese\"],\"bio\""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.languages", contains("Portuguese")));
		// left out: none listed
		put("/api/v1/admin/providers/dr-emily-stone", emilyStone("dr-emily-stone")).andExpect(status().isOk())
			.andExpect(jsonPath("$.languages", hasSize(0)));
	}

	@Test
	void blankRepeatedOverlongOrTooManyLanguagesAreRefused() throws Exception {
		for (String languages : List.of("[\" \"]", "[\"English\",\"english\"]", "[null]",
				"[\"" + "x".repeat(41) + "\"]",
				"[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"]")) {
			post("/api/v1/admin/providers",
					emilyStone("dr-emily-stone").replace("\"bio\"", "\"languages\":" + languages + ",\"bio\""))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("languages"));
			put("/api/v1/admin/providers/dr-maria-lopez",
					emilyStone("dr-maria-lopez").replace("\"bio\"", "\"languages\":" + languages + ",\"bio\""))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("languages"));
		}
		mvc.perform(get("/api/v1/admin/providers/dr-emily-stone")).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/providers"))
			.andExpect(jsonPath("$[?(@.id == 'dr-maria-lopez')].languages[*]", contains("English", "Spanish")));
	}

	@Test
	void thePublicProvidersShowTheProfileButNeitherHoursNorTimeOff() throws Exception {
		post("/api/v1/admin/providers/dr-maria-lopez/time-off",
				"{\"starts_at\":\"2025-08-20T04:00:00Z\",\"ends_at\":\"2025-08-21T04:00:00Z\",\"reason\":\"Dentist appointment\"}")
			.andExpect(status().isCreated());

		mvc.perform(get("/api/v1/providers"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(4)))
			.andExpect(jsonPath("$[?(@.id == 'dr-maria-lopez')].name", hasItem("Dr. Maria Lopez")))
			.andExpect(jsonPath("$[?(@.id == 'dr-maria-lopez')].title", hasItem("DDS")))
			.andExpect(jsonPath("$[?(@.id == 'sam-oneill')].role", hasItem("HYGIENIST")))
			.andExpect(jsonPath("$[?(@.id == 'dr-maria-lopez')].bio").isNotEmpty())
			.andExpect(jsonPath("$[?(@.id == 'dr-maria-lopez')].languages[*]", contains("English", "Spanish")))
			.andExpect(
					jsonPath("$[?(@.id == 'dr-aisha-patel')].languages[*]", contains("English", "Hindi", "Gujarati")))
			.andExpect(jsonPath("$[?(@.id == 'sam-oneill')].languages[*]", contains("English")))
			.andExpect(jsonPath("$[*].working_hours").isEmpty())
			.andExpect(jsonPath("$[*].breaks").isEmpty())
			.andExpect(jsonPath("$[*].time_off").isEmpty())
			.andExpect(jsonPath("$[*].active").isEmpty());
		// the admin view has them
		mvc.perform(get("/api/v1/admin/providers/dr-maria-lopez"))
			.andExpect(jsonPath("$.working_hours.monday[0].start").value("08:00"))
			.andExpect(jsonPath("$.breaks.monday[0].start").value("12:00"))
			.andExpect(jsonPath("$.time_off[0].reason").value("Dentist appointment"));
	}

	@Test
	void anInactiveProviderIsNotListedPublicly() throws Exception {
		ObjectNode chen = (ObjectNode) json(mvc.perform(get("/api/v1/admin/providers/dr-james-chen")));
		chen.remove("time_off");
		chen.put("active", false);

		put("/api/v1/admin/providers/dr-james-chen", chen.toString()).andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(false));

		mvc.perform(get("/api/v1/providers"))
			.andExpect(jsonPath("$", hasSize(3)))
			.andExpect(jsonPath("$[*].id", not(hasItem("dr-james-chen"))));
		mvc.perform(get("/api/v1/admin/providers")).andExpect(jsonPath("$", hasSize(4)));
		// 17:00 on Wednesday only Dr. Chen works
		book("Ana", "ana@example.com", "2025-08-20T21:00:00Z", "filling", "dr-james-chen")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("provider-not-working"));
	}

	// --- clinic settings

	@Test
	void clinicSettingsRoundTripThroughPutAndChangeWhatPatientsSee() throws Exception {
		availabilityFor("teeth_whitening").andExpect(jsonPath("$['" + WEDNESDAY + "']", hasItem("17:00")));
		ObjectNode settings = baselineSettings();
		settings.put("name", "Brightside Dental & Smiles");
		settings.put("phone", "+1 973-555-0100");
		((ObjectNode) settings.get("address")).put("city", "Union");
		((ObjectNode) settings.get("booking_rules")).put("min_booking_notice_minutes", 60);
		ObjectNode hours = (ObjectNode) settings.get("opening_hours");
		hours.set("wednesday", JSON.readTree("[{\"start\":\"08:00\",\"end\":\"12:00\"}]"));
		hours.set("saturday", JSON.readTree("[]"));

		String answer = body(put("/api/v1/admin/clinic", settings.toString()).andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Brightside Dental & Smiles"))
			.andExpect(jsonPath("$.opening_hours.wednesday[0].end").value("12:00")));

		assertThat(JSON.readTree(answer)).isEqualTo(settings);
		assertThat(json(mvc.perform(get("/api/v1/admin/clinic")))).isEqualTo(settings);
		mvc.perform(get("/api/v1/clinic"))
			.andExpect(jsonPath("$.name").value("Brightside Dental & Smiles"))
			.andExpect(jsonPath("$.address.city").value("Union"))
			.andExpect(jsonPath("$.opening_hours.wednesday[0].end").value("12:00"))
			.andExpect(jsonPath("$.opening_hours.saturday", empty()));
		availabilityFor("teeth_whitening").andExpect(jsonPath("$['" + WEDNESDAY + "']", hasItem("11:00")))
			.andExpect(jsonPath("$['" + WEDNESDAY + "']", not(hasItem("11:15"))))
			.andExpect(jsonPath("$['" + WEDNESDAY + "']", not(hasItem("17:00"))))
			// Saturday 9 August is no longer open
			.andExpect(jsonPath("$['2025-08-09']").doesNotExist());
		assertThat(data.jdbc().queryForObject("select name from clinic", String.class))
			.isEqualTo("Brightside Dental & Smiles");
	}

	@Test
	void anUnknownTimeZoneIsRefusedNamingTheField() throws Exception {
		ObjectNode settings = baselineSettings();
		settings.put("time_zone", "Mars/Olympus_Mons");

		putSettings(settings).andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field").value("time_zone"));
		settings.put("time_zone", "America/New York");
		putSettings(settings).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("time_zone"));
		settings.put("time_zone", "");
		putSettings(settings).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("time_zone"));
		assertSettingsUnchanged();
	}

	@Test
	void anUnknownCurrencyIsRefused() throws Exception {
		ObjectNode settings = baselineSettings();
		for (String currency : new String[] { "ZZZ", "usd", "US", "DOLLARS" }) {
			settings.put("currency", currency);
			putSettings(settings).andExpect(status().isBadRequest())
				.andExpect(problemJson())
				.andExpect(jsonPath("$.errors[0].field").value("currency"));
		}
		assertSettingsUnchanged();
	}

	@Test
	void overlappingOpeningHoursAreRefused() throws Exception {
		ObjectNode settings = baselineSettings();
		((ObjectNode) settings.get("opening_hours")).set("monday",
				JSON.readTree("[{\"start\":\"08:00\",\"end\":\"12:00\"},{\"start\":\"11:30\",\"end\":\"17:00\"}]"));

		putSettings(settings).andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field").value("opening_hours"));
		assertSettingsUnchanged();
	}

	@Test
	void openingHoursThatEndBeforeTheyStartAreRefused() throws Exception {
		ObjectNode settings = baselineSettings();
		((ObjectNode) settings.get("opening_hours")).set("tuesday",
				JSON.readTree("[{\"start\":\"17:00\",\"end\":\"08:00\"}]"));
		putSettings(settings).andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field").value("opening_hours.tuesday[0]"));

		((ObjectNode) settings.get("opening_hours")).set("tuesday",
				JSON.readTree("[{\"start\":\"08:00\",\"end\":\"08:00\"}]"));
		putSettings(settings).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("opening_hours.tuesday[0]"));
		assertSettingsUnchanged();
	}

	@Test
	void openingHoursOffTheFiveMinuteGridOrBadlyWrittenAreRefused() throws Exception {
		for (String range : new String[] { "{\"start\":\"08:07\",\"end\":\"17:00\"}",
				"{\"start\":\"08:00\",\"end\":\"16:58\"}", "{\"start\":\"08:00:30\",\"end\":\"17:00\"}",
				"{\"start\":\"8am\",\"end\":\"17:00\"}", "{\"start\":\"08:00\",\"end\":\"24:00\"}",
				"{\"start\":\"08:00\"}", "null" }) {
			ObjectNode settings = baselineSettings();
			((ObjectNode) settings.get("opening_hours")).set("thursday", JSON.readTree("[" + range + "]"));
			putSettings(settings).andExpect(status().isBadRequest())
				.andExpect(problemJson())
				.andExpect(jsonPath("$.errors[0].field").value("opening_hours.thursday[0]"));
		}
		ObjectNode settings = baselineSettings();
		((ObjectNode) settings.get("opening_hours")).set("funday", JSON.readTree("[]"));
		putSettings(settings).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("opening_hours.funday"));
		assertSettingsUnchanged();
	}

	@Test
	void settingsWithMissingOrInvalidFieldsAreRefused() throws Exception {
		for (String field : new String[] { "name", "address", "phone", "time_zone", "currency", "opening_hours",
				"booking_rules" }) {
			ObjectNode settings = baselineSettings();
			settings.remove(field);
			putSettings(settings).andExpect(status().isBadRequest())
				.andExpect(problemJson())
				.andExpect(jsonPath("$.errors[*].field", hasItem(field)));
		}
		ObjectNode settings = baselineSettings();
		((ObjectNode) settings.get("address")).remove("city");
		putSettings(settings).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("address.city")));

		settings = baselineSettings();
		((ObjectNode) settings.get("booking_rules")).put("slot_interval_minutes", 7);
		putSettings(settings).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("booking_rules.slot_interval_minutes"));

		settings = baselineSettings();
		((ObjectNode) settings.get("booking_rules")).remove("hold_minutes");
		putSettings(settings).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("booking_rules.hold_minutes")));

		settings = baselineSettings();
		settings.put("email", "not-an-email");
		putSettings(settings).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("email")));

		put("/api/v1/admin/clinic", "{}").andExpect(status().isBadRequest()).andExpect(problemJson());
		put("/api/v1/admin/clinic", "").andExpect(status().isBadRequest()).andExpect(problemJson());
		put("/api/v1/admin/clinic", "{\"name\": ").andExpect(status().isBadRequest()).andExpect(problemJson());
		assertSettingsUnchanged();
	}

	// --- closures

	@Test
	void aClosureRemovesItsDaysFromAvailabilityUntilItIsDeleted() throws Exception {
		availabilityFor("teeth_whitening").andExpect(jsonPath("$['" + WEDNESDAY + "']", not(empty())));

		String closure = body(addClosure(WEDNESDAY, WEDNESDAY, "Staff training").andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").isNotEmpty())
			.andExpect(jsonPath("$.starts_on").value(WEDNESDAY))
			.andExpect(jsonPath("$.ends_on").value(WEDNESDAY))
			.andExpect(jsonPath("$.reason").value("Staff training")));
		String id = JSON.readTree(closure).get("id").asString();

		availabilityFor("teeth_whitening").andExpect(status().isOk())
			.andExpect(jsonPath("$['" + WEDNESDAY + "']").doesNotExist())
			.andExpect(jsonPath("$['2025-08-19']", not(empty())))
			.andExpect(jsonPath("$['2025-08-21']", not(empty())));
		book("Ana", "ana@example.com", TEN_AM, "teeth_whitening", null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("clinic-closed"));
		mvc.perform(get("/api/v1/clinic")).andExpect(jsonPath("$.closures[*].reason", hasItem("Staff training")));
		assertThat(data.count("clinic_closure")).isEqualTo(baseline.closures.size() + 1);

		delete("/api/v1/admin/clinic/closures/" + id).andExpect(status().isNoContent());

		availabilityFor("teeth_whitening").andExpect(jsonPath("$['" + WEDNESDAY + "']", hasItem("10:00")));
		assertThat(data.count("clinic_closure")).isEqualTo(baseline.closures.size());
		delete("/api/v1/admin/clinic/closures/" + id).andExpect(status().isNotFound())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.type", endsWith("/closure-not-found")));
	}

	@Test
	void unknownOrMalformedClosureIdsAreAnswered4xx() throws Exception {
		delete("/api/v1/admin/clinic/closures/0b7c8a34-59a4-4c1e-9d3e-51a0d2b3c4e5").andExpect(status().isNotFound())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.type", endsWith("/closure-not-found")));
		delete("/api/v1/admin/clinic/closures/christmas").andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field").value("id"));
	}

	@Test
	void aClosureThatEndsBeforeItStartsOrIsIncompleteIsRefused() throws Exception {
		addClosure("2025-08-21", "2025-08-20", "Backwards").andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field").value("ends_on"));
		post("/api/v1/admin/clinic/closures", "{\"starts_on\":\"2025-08-20\",\"ends_on\":\"2025-08-20\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		post("/api/v1/admin/clinic/closures", "{\"ends_on\":\"2025-08-20\",\"reason\":\"x\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("starts_on"));
		addClosure("2025-02-30", "2025-03-01", "No such day").andExpect(status().isBadRequest())
			.andExpect(problemJson());
		addClosure(WEDNESDAY, WEDNESDAY, "x".repeat(201)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		assertThat(data.count("clinic_closure")).isEqualTo(baseline.closures.size());
	}

	@Test
	void anImpossibleClosureDateIsRefusedNamingTheField() throws Exception {
		// valid JSON, impossible date: the answer must say which field is wrong, not that
		// the JSON is broken
		addClosure("2025-02-30", "2025-03-01", "No such day").andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.detail", not(containsString("not valid JSON"))))
			.andExpect(jsonPath("$.errors[0].field").value("starts_on"));
		assertThat(data.count("clinic_closure")).isEqualTo(baseline.closures.size());
	}

	// --- providers

	@Test
	void createsAProviderWithWorkingHoursAndAnIdMadeFromTheName() throws Exception {
		post("/api/v1/admin/providers", emilyStone(null)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value("dr-emily-stone"))
			.andExpect(jsonPath("$.name").value("Dr. Emily Stone"))
			.andExpect(jsonPath("$.role").value("DENTIST"))
			.andExpect(jsonPath("$.active").value(true))
			.andExpect(jsonPath("$.working_hours.wednesday[0].start").value("08:00"))
			.andExpect(jsonPath("$.working_hours.wednesday[0].end").value("12:00"))
			.andExpect(jsonPath("$.working_hours.monday", empty()));

		assertThat(data.count("provider")).isEqualTo(5);
		mvc.perform(get("/api/v1/providers")).andExpect(jsonPath("$[*].id", hasItem("dr-emily-stone")));
		// she offers dentists' services on Wednesday mornings only
		slots("filling", WEDNESDAY, "dr-emily-stone").andExpect(status().isOk())
			.andExpect(jsonPath("$.slots", not(empty())))
			.andExpect(jsonPath("$.slots[0].local_time").value("08:00"))
			.andExpect(jsonPath("$.slots[*].provider_id", everyItem(is("dr-emily-stone"))))
			.andExpect(jsonPath("$.slots[*].local_time", hasItem("11:15")))
			.andExpect(jsonPath("$.slots[*].local_time", not(hasItem("11:30"))));
		slots("filling", "2025-08-21", "dr-emily-stone").andExpect(jsonPath("$.slots", empty()));
		book("Ana", "ana@example.com", TEN_AM, "filling", "dr-emily-stone").andExpect(status().isCreated())
			.andExpect(jsonPath("$.provider_id").value("dr-emily-stone"));
	}

	@Test
	void aDuplicateProviderIsRefused() throws Exception {
		post("/api/v1/admin/providers", emilyStone(null)).andExpect(status().isCreated());

		post("/api/v1/admin/providers", emilyStone(null)).andExpect(status().isConflict())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.type", endsWith("/provider-exists")));
		post("/api/v1/admin/providers", emilyStone("dr-maria-lopez")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type", endsWith("/provider-exists")));
		assertThat(data.count("provider")).isEqualTo(5);
		mvc.perform(get("/api/v1/admin/providers/dr-maria-lopez"))
			.andExpect(jsonPath("$.name").value("Dr. Maria Lopez"));
	}

	@Test
	void updatesAProvidersProfileAndHours() throws Exception {
		ObjectNode patel = (ObjectNode) json(mvc.perform(get("/api/v1/admin/providers/dr-aisha-patel")));
		patel.remove("time_off");
		patel.put("title", "DDS, MS");
		patel.put("name", "Dr. Aisha Patel-Khan");
		// Wednesday afternoons only from now on
		((ObjectNode) patel.get("working_hours")).set("wednesday",
				JSON.readTree("[{\"start\":\"13:30\",\"end\":\"16:00\"}]"));
		slots("filling", WEDNESDAY, "dr-aisha-patel").andExpect(jsonPath("$.slots[*].local_time", hasItem("10:00")));

		put("/api/v1/admin/providers/dr-aisha-patel", patel.toString()).andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value("dr-aisha-patel"))
			.andExpect(jsonPath("$.title").value("DDS, MS"))
			.andExpect(jsonPath("$.working_hours.wednesday[0].start").value("13:30"));

		mvc.perform(get("/api/v1/providers"))
			.andExpect(jsonPath("$[?(@.id == 'dr-aisha-patel')].name", hasItem("Dr. Aisha Patel-Khan")));
		slots("filling", WEDNESDAY, "dr-aisha-patel").andExpect(jsonPath("$.slots[0].local_time").value("13:30"))
			.andExpect(jsonPath("$.slots[*].local_time", not(hasItem("10:00"))));
		assertThat(data.jdbc().queryForObject("select title from provider where id = 'dr-aisha-patel'", String.class))
			.isEqualTo("DDS, MS");
	}

	@Test
	void aWholeDayOffEmptiesTheProvidersSlotsUntilItIsRemoved() throws Exception {
		slots("filling", WEDNESDAY, "dr-maria-lopez").andExpect(jsonPath("$.slots", not(empty())));

		// midnight to midnight in New York
		String absence = body(post("/api/v1/admin/providers/dr-maria-lopez/time-off",
				"{\"starts_at\":\"2025-08-20T04:00:00Z\",\"ends_at\":\"2025-08-21T04:00:00Z\",\"reason\":\"Conference\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").isNotEmpty())
			.andExpect(jsonPath("$.starts_at").value("2025-08-20T04:00:00Z"))
			.andExpect(jsonPath("$.reason").value("Conference")));
		String id = JSON.readTree(absence).get("id").asString();

		slots("filling", WEDNESDAY, "dr-maria-lopez").andExpect(status().isOk())
			.andExpect(jsonPath("$.slots", empty()));
		slots("filling", "2025-08-21", "dr-maria-lopez").andExpect(jsonPath("$.slots", not(empty())));
		slots("filling", WEDNESDAY, null).andExpect(jsonPath("$.slots[*].provider_id", not(hasItem("dr-maria-lopez"))))
			.andExpect(jsonPath("$.slots", not(empty())));
		book("Ana", "ana@example.com", TEN_AM, "filling", "dr-maria-lopez").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("provider-away"));
		assertThat(data.count("provider_time_off")).isEqualTo(1);

		delete("/api/v1/admin/providers/dr-maria-lopez/time-off/" + id).andExpect(status().isNoContent());

		slots("filling", WEDNESDAY, "dr-maria-lopez").andExpect(jsonPath("$.slots[*].local_time", hasItem("10:00")));
		assertThat(data.count("provider_time_off")).isZero();
		delete("/api/v1/admin/providers/dr-maria-lopez/time-off/" + id).andExpect(status().isNotFound())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.type", endsWith("/time-off-not-found")));
	}

	@Test
	void timeOffIsRefusedForUnknownProvidersForOthersAndWhenItEndsBeforeItStarts() throws Exception {
		String day = "{\"starts_at\":\"2025-08-20T04:00:00Z\",\"ends_at\":\"2025-08-21T04:00:00Z\"}";
		post("/api/v1/admin/providers/dr-nobody/time-off", day).andExpect(status().isNotFound())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.type", endsWith("/provider-not-found")));
		post("/api/v1/admin/providers/dr-maria-lopez/time-off",
				"{\"starts_at\":\"2025-08-21T04:00:00Z\",\"ends_at\":\"2025-08-20T04:00:00Z\"}")
			.andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field").value("ends_at"));
		post("/api/v1/admin/providers/dr-maria-lopez/time-off", "{\"ends_at\":\"2025-08-21T04:00:00Z\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("starts_at"));
		post("/api/v1/admin/providers/dr-maria-lopez/time-off",
				"{\"starts_at\":\"next week\",\"ends_at\":\"2025-08-21T04:00:00Z\"}")
			.andExpect(status().isBadRequest())
			.andExpect(problemJson());
		assertThat(data.count("provider_time_off")).isZero();

		String id = JSON
			.readTree(
					body(post("/api/v1/admin/providers/dr-maria-lopez/time-off", day).andExpect(status().isCreated())))
			.get("id")
			.asString();
		// another provider cannot remove it
		delete("/api/v1/admin/providers/dr-james-chen/time-off/" + id).andExpect(status().isNotFound())
			.andExpect(problemJson());
		delete("/api/v1/admin/providers/dr-maria-lopez/time-off/not-a-uuid").andExpect(status().isBadRequest())
			.andExpect(problemJson());
		assertThat(data.count("provider_time_off")).isEqualTo(1);
	}

	@Test
	void anUnreadableTimeOffInstantIsRefusedNamingTheField() throws Exception {
		post("/api/v1/admin/providers/dr-maria-lopez/time-off",
				"{\"starts_at\":\"next week\",\"ends_at\":\"2025-08-21T04:00:00Z\"}")
			.andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.detail", not(containsString("not valid JSON"))))
			.andExpect(jsonPath("$.errors[0].field").value("starts_at"));
		assertThat(data.count("provider_time_off")).isZero();
	}

	@Test
	void aProviderWhoIsNoDoctorDoesNotGetADoctorsId() throws Exception {
		post("/api/v1/admin/providers", "{\"name\":\"Ms. Jo Park\",\"role\":\"HYGIENIST\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id", not(startsWith("dr-"))))
			.andExpect(jsonPath("$.id", endsWith("jo-park")));
	}

	@Test
	void unknownProvidersAreNotFound() throws Exception {
		mvc.perform(get("/api/v1/admin/providers/dr-nobody"))
			.andExpect(status().isNotFound())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.type", endsWith("/provider-not-found")));
		put("/api/v1/admin/providers/dr-nobody", emilyStone(null)).andExpect(status().isNotFound())
			.andExpect(problemJson());
		delete("/api/v1/admin/providers/dr-nobody").andExpect(status().isNotFound()).andExpect(problemJson());
		slots("filling", WEDNESDAY, "dr-nobody").andExpect(status().isNotFound()).andExpect(problemJson());
		assertThat(data.count("provider")).isEqualTo(4);
	}

	@Test
	void anInvalidRoleIdOrNameIsRefused() throws Exception {
		post("/api/v1/admin/providers", "{\"name\":\"Dr. Emily Stone\",\"role\":\"SURGEON\"}")
			.andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field").value("role"));
		post("/api/v1/admin/providers", "{\"name\":\"Dr. Emily Stone\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("role"));
		post("/api/v1/admin/providers", "{\"id\":\"Emily Stone\",\"name\":\"Dr. Emily Stone\",\"role\":\"DENTIST\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("id"));
		post("/api/v1/admin/providers", "{\"name\":\"  \",\"role\":\"DENTIST\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		post("/api/v1/admin/providers", "{\"name\":\"!!!\",\"role\":\"DENTIST\"}").andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		post("/api/v1/admin/providers", """
				{"name":"Dr. Emily Stone","role":"DENTIST",
				 "working_hours":{"monday":[{"start":"08:00","end":"12:00"},{"start":"11:00","end":"15:00"}]}}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("working_hours"));
		assertThat(data.count("provider")).isEqualTo(4);

		ObjectNode maria = (ObjectNode) json(mvc.perform(get("/api/v1/admin/providers/dr-maria-lopez")));
		maria.remove("time_off");
		maria.put("role", "SURGEON");
		put("/api/v1/admin/providers/dr-maria-lopez", maria.toString()).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("role"));
		mvc.perform(get("/api/v1/admin/providers/dr-maria-lopez")).andExpect(jsonPath("$.role").value("DENTIST"));
	}

	@Test
	void deletesAProviderWithoutAppointmentsButNotOneWithAppointments() throws Exception {
		post("/api/v1/admin/providers", emilyStone(null)).andExpect(status().isCreated());
		post("/api/v1/admin/providers/dr-emily-stone/time-off",
				"{\"starts_at\":\"2025-08-27T04:00:00Z\",\"ends_at\":\"2025-08-28T04:00:00Z\"}")
			.andExpect(status().isCreated());

		delete("/api/v1/admin/providers/dr-emily-stone").andExpect(status().isNoContent());

		mvc.perform(get("/api/v1/admin/providers/dr-emily-stone")).andExpect(status().isNotFound());
		assertThat(data.count("provider")).isEqualTo(4);
		assertThat(data.count("provider_time_off")).isZero();

		book("Ana", "ana@example.com", TEN_AM, "filling", "dr-maria-lopez").andExpect(status().isCreated());
		delete("/api/v1/admin/providers/dr-maria-lopez").andExpect(status().isConflict()).andExpect(problemJson());
		mvc.perform(get("/api/v1/admin/providers/dr-maria-lopez")).andExpect(status().isOk());
		assertThat(data.count("appointment")).isEqualTo(1);
	}

	// --- services

	@Test
	void createsAServiceThatPatientsCanSeeAndBook() throws Exception {
		post("/api/v1/admin/services", service(null, "Night Guard Fitting", 40, 5, "250.00", "[\"DENTIST\"]", null))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value("night_guard_fitting"))
			.andExpect(jsonPath("$.duration_minutes").value(40))
			.andExpect(jsonPath("$.buffer_minutes").value(5))
			.andExpect(jsonPath("$.provider_roles[0]").value("DENTIST"))
			.andExpect(jsonPath("$.active").value(true));

		assertThat(data.count("dental_service")).isEqualTo(7);
		mvc.perform(get("/api/v1/services"))
			.andExpect(jsonPath("$", hasSize(7)))
			.andExpect(jsonPath("$[?(@.id == 'night_guard_fitting')].duration_minutes", hasItem(40)));
		availabilityFor("night_guard_fitting").andExpect(status().isOk())
			.andExpect(jsonPath("$['" + WEDNESDAY + "']", hasItem("10:00")));
		book("Ana", "ana@example.com", TEN_AM, "Night Guard Fitting", null).andExpect(status().isCreated())
			.andExpect(jsonPath("$.service_id").value("night_guard_fitting"))
			.andExpect(jsonPath("$.duration_minutes").value(40));
	}

	@Test
	void aServiceDurationOrBufferOffTheFiveMinuteGridIsRefused() throws Exception {
		post("/api/v1/admin/services", service("night_guard", "Night Guard", 47, 5, "250.00", "[\"DENTIST\"]", null))
			.andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field").value("duration_minutes"));
		post("/api/v1/admin/services", service("night_guard", "Night Guard", 45, 7, "250.00", "[\"DENTIST\"]", null))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("buffer_minutes"));
		post("/api/v1/admin/services", service("night_guard", "Night Guard", 0, 5, "250.00", "[\"DENTIST\"]", null))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("duration_minutes"));
		put("/api/v1/admin/services/filling", service(null, "Filling", 44, 10, "180.00", "[\"DENTIST\"]", true))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("duration_minutes"));
		assertThat(data.count("dental_service")).isEqualTo(6);
		mvc.perform(get("/api/v1/admin/services/filling")).andExpect(jsonPath("$.duration_minutes").value(45));
	}

	@Test
	void aServiceNoProviderRoleMayPerformIsRefused() throws Exception {
		post("/api/v1/admin/services", service("night_guard", "Night Guard", 45, 5, "250.00", "[]", null))
			.andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field").value("provider_roles"));
		post("/api/v1/admin/services", service("night_guard", "Night Guard", 45, 5, "250.00", null, null))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("provider_roles"));
		post("/api/v1/admin/services", service("night_guard", "Night Guard", 45, 5, "250.00", "[\"NURSE\"]", null))
			.andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field", startsWith("provider_roles")));
		post("/api/v1/admin/services", service("night_guard", "Night Guard", 45, 5, "250.00", "[null]", null))
			.andExpect(status().isBadRequest())
			.andExpect(problemJson());
		post("/api/v1/admin/services", service("night_guard", "Night Guard", 45, 5, "-1.00", "[\"DENTIST\"]", null))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("price"));
		post("/api/v1/admin/services", service("Night Guard", "Night Guard", 45, 5, "1.00", "[\"DENTIST\"]", null))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("id"));
		assertThat(data.count("dental_service")).isEqualTo(6);
	}

	@Test
	void aDuplicateServiceIdOrNameIsRefused() throws Exception {
		post("/api/v1/admin/services", service("filling", "Composite Filling", 45, 10, "180.00", "[\"DENTIST\"]", null))
			.andExpect(status().isConflict())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.type", endsWith("/service-exists")));
		// the id made from the name is taken
		post("/api/v1/admin/services", service(null, "Filling", 45, 10, "180.00", "[\"DENTIST\"]", null))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type", endsWith("/service-exists")));
		// another id, but the name is taken
		post("/api/v1/admin/services", service("filling_2", "Filling", 45, 10, "180.00", "[\"DENTIST\"]", null))
			.andExpect(status().isConflict())
			.andExpect(problemJson());
		put("/api/v1/admin/services/crown_consultation",
				service(null, "Filling", 30, 5, "90.00", "[\"DENTIST\"]", true))
			.andExpect(status().isConflict())
			.andExpect(problemJson());
		assertThat(data.count("dental_service")).isEqualTo(6);
		mvc.perform(get("/api/v1/admin/services/crown_consultation"))
			.andExpect(jsonPath("$.name").value("Crown Consultation"));
	}

	@Test
	void updatesAService() throws Exception {
		slots("crown_consultation", WEDNESDAY, "sam-oneill").andExpect(jsonPath("$.slots", empty()));

		put("/api/v1/admin/services/crown_consultation",
				service(null, "Crown Consultation", 40, 10, "99.50", "[\"DENTIST\",\"HYGIENIST\"]", true))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value("crown_consultation"))
			.andExpect(jsonPath("$.duration_minutes").value(40))
			.andExpect(jsonPath("$.provider_roles", hasSize(2)));

		assertThat(body(mvc.perform(get("/api/v1/services")))).contains("\"price\":99.50");
		mvc.perform(get("/api/v1/services"))
			.andExpect(jsonPath("$[?(@.id == 'crown_consultation')].duration_minutes", hasItem(40)));
		// hygienists may now do it
		slots("crown_consultation", WEDNESDAY, "sam-oneill").andExpect(jsonPath("$.slots", not(empty())));
		assertThat(data.jdbc()
			.queryForObject("select duration_minutes from dental_service where id = 'crown_consultation'",
					Integer.class))
			.isEqualTo(40);
		put("/api/v1/admin/services/root_canal", service(null, "Root Canal", 90, 10, "900.00", "[\"DENTIST\"]", true))
			.andExpect(status().isNotFound())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.type", endsWith("/service-not-found")));
	}

	@Test
	void deletesAnUnusedService() throws Exception {
		post("/api/v1/admin/services", service("night_guard", "Night Guard", 45, 5, "250.00", "[\"DENTIST\"]", null))
			.andExpect(status().isCreated());

		delete("/api/v1/admin/services/night_guard").andExpect(status().isNoContent());

		assertThat(data.count("dental_service")).isEqualTo(6);
		mvc.perform(get("/api/v1/admin/services/night_guard"))
			.andExpect(status().isNotFound())
			.andExpect(problemJson());
		mvc.perform(get("/api/v1/services")).andExpect(jsonPath("$[*].id", not(hasItem("night_guard"))));
		delete("/api/v1/admin/services/night_guard").andExpect(status().isNotFound())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.type", endsWith("/service-not-found")));
	}

	@Test
	void aServiceThatHasAnAppointmentCannotBeDeleted() throws Exception {
		book("Ana", "ana@example.com", TEN_AM, "teeth_whitening", null).andExpect(status().isCreated());

		delete("/api/v1/admin/services/teeth_whitening").andExpect(status().isConflict()).andExpect(problemJson());

		mvc.perform(get("/api/v1/admin/services/teeth_whitening")).andExpect(status().isOk());
		mvc.perform(get("/api/v1/services")).andExpect(jsonPath("$[*].id", hasItem("teeth_whitening")));
		assertThat(data.count("dental_service")).isEqualTo(6);
		assertThat(data.count("dental_service_role")).isEqualTo(baselineRoleCount());
		assertThat(data.count("appointment")).isEqualTo(1);
	}

	// --- operatories

	@Test
	void createsUpdatesAndDeletesAnOperatory() throws Exception {
		post("/api/v1/admin/operatories", "{\"id\":\"op-4\",\"name\":\"Operatory 4\"}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value("op-4"))
			.andExpect(jsonPath("$.active").value(true));
		post("/api/v1/admin/operatories", "{\"name\":\"Surgery Room\",\"active\":false}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value("surgery-room"))
			.andExpect(jsonPath("$.active").value(false));
		assertThat(data.count("operatory")).isEqualTo(5);

		put("/api/v1/admin/operatories/op-4", "{\"name\":\"Operatory 4 (implants)\",\"active\":false}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Operatory 4 (implants)"))
			.andExpect(jsonPath("$.active").value(false));
		mvc.perform(get("/api/v1/admin/operatories"))
			.andExpect(jsonPath("$[?(@.id == 'op-4')].name", hasItem("Operatory 4 (implants)")));

		delete("/api/v1/admin/operatories/op-4").andExpect(status().isNoContent());
		delete("/api/v1/admin/operatories/surgery-room").andExpect(status().isNoContent());
		assertThat(data.count("operatory")).isEqualTo(3);
		mvc.perform(get("/api/v1/admin/operatories")).andExpect(jsonPath("$[*].id", not(hasItem("op-4"))));
	}

	@Test
	void duplicateUnknownOrInvalidOperatoriesAreRefused() throws Exception {
		post("/api/v1/admin/operatories", "{\"id\":\"op-1\",\"name\":\"Another room\"}")
			.andExpect(status().isConflict())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.type", endsWith("/operatory-exists")));
		put("/api/v1/admin/operatories/op-9", "{\"name\":\"Nowhere\"}").andExpect(status().isNotFound())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.type", endsWith("/operatory-not-found")));
		delete("/api/v1/admin/operatories/op-9").andExpect(status().isNotFound()).andExpect(problemJson());
		post("/api/v1/admin/operatories", "{\"id\":\"Op 4\",\"name\":\"Operatory 4\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("id"));
		post("/api/v1/admin/operatories", "{\"id\":\"op-4\"}").andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		put("/api/v1/admin/operatories/op-1", "{\"name\":\"\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		assertThat(data.count("operatory")).isEqualTo(3);
		mvc.perform(get("/api/v1/admin/operatories"))
			.andExpect(jsonPath("$[?(@.id == 'op-1')].name", hasItem("Operatory 1")));
	}

	@Test
	void withASingleActiveOperatoryTwoDentistsCannotBeBookedAtTheSameTime() throws Exception {
		put("/api/v1/admin/operatories/op-1", "{\"name\":\"Operatory 1\",\"active\":false}").andExpect(status().isOk());
		put("/api/v1/admin/operatories/op-2", "{\"name\":\"Operatory 2\",\"active\":false}").andExpect(status().isOk());

		book("Ana", "ana@example.com", TEN_AM, "filling", "dr-maria-lopez").andExpect(status().isCreated())
			.andExpect(jsonPath("$.operatory_id").value("op-3"));

		// Dr. Patel is free at 10:00, but the only room is taken
		book("Bruno", "bruno@example.com", TEN_AM, "filling", "dr-aisha-patel").andExpect(status().isConflict())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.reason").value("no-operatory-free"));
		book("Bruno", "bruno@example.com", TEN_AM, "filling", null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("no-operatory-free"));
		slots("filling", WEDNESDAY, "dr-aisha-patel")
			.andExpect(jsonPath("$.slots[*].local_time", not(hasItem("10:00"))));
		assertThat(data.count("appointment")).isEqualTo(1);

		put("/api/v1/admin/operatories/op-2", "{\"name\":\"Operatory 2\",\"active\":true}").andExpect(status().isOk());

		book("Bruno", "bruno@example.com", TEN_AM, "filling", "dr-aisha-patel").andExpect(status().isCreated())
			.andExpect(jsonPath("$.operatory_id").value("op-2"));
	}

	@Test
	void anOperatoryThatHasAnAppointmentCannotBeDeleted() throws Exception {
		put("/api/v1/admin/operatories/op-2", "{\"name\":\"Operatory 2\",\"active\":false}").andExpect(status().isOk());
		put("/api/v1/admin/operatories/op-3", "{\"name\":\"Operatory 3 (hygiene)\",\"active\":false}")
			.andExpect(status().isOk());
		book("Ana", "ana@example.com", TEN_AM, "filling", "dr-maria-lopez").andExpect(status().isCreated())
			.andExpect(jsonPath("$.operatory_id").value("op-1"));

		delete("/api/v1/admin/operatories/op-1").andExpect(status().isConflict()).andExpect(problemJson());

		assertThat(data.count("operatory")).isEqualTo(3);
		assertThat(data.count("appointment")).isEqualTo(1);
	}

	// --- helpers

	ResultActions book(String name, String email, String date, String service, String provider) throws Exception {
		return post("/api/v1/appointments/book",
				"{" + pair("name", name) + "," + pair("email", email) + "," + pair("appointment_date", date) + ","
						+ pair("service_name", service) + "," + pair("provider_id", provider) + "}");
	}

	ResultActions availabilityFor(String service) throws Exception {
		return mvc.perform(
				get("/api/v1/availability").param("month", "8").param("year", "2025").param("service_id", service));
	}

	ResultActions slots(String service, String day, String provider) throws Exception {
		MockHttpServletRequestBuilder request = get("/api/v1/availability/slots").param("service", service)
			.param("from", day)
			.param("to", day);
		if (provider != null) {
			request.param("provider", provider);
		}
		return mvc.perform(request);
	}

	ResultActions addClosure(String startsOn, String endsOn, String reason) throws Exception {
		return post("/api/v1/admin/clinic/closures",
				"{" + pair("starts_on", startsOn) + "," + pair("ends_on", endsOn) + "," + pair("reason", reason) + "}");
	}

	static String emilyStone(String id) {
		return "{" + pair("id", id) + """
				,"name":"Dr. Emily Stone","role":"DENTIST","title":"DMD","bio":"Implants.",
				 "working_hours":{"wednesday":[{"start":"08:00","end":"12:00"}]}}""";
	}

	static String service(String id, String name, int duration, int buffer, String price, String roles,
			Boolean active) {
		return "{" + pair("id", id) + "," + pair("name", name) + ",\"duration_minutes\":" + duration
				+ ",\"buffer_minutes\":" + buffer + ",\"price\":" + price + ",\"provider_roles\":" + roles
				+ ",\"active\":" + active + "}";
	}

	ObjectNode baselineSettings() {
		return (ObjectNode) JSON.readTree(baseline.settings.toString());
	}

	ResultActions putSettings(ObjectNode settings) throws Exception {
		return put("/api/v1/admin/clinic", settings.toString());
	}

	void assertSettingsUnchanged() throws Exception {
		assertThat(json(mvc.perform(get("/api/v1/admin/clinic")))).isEqualTo(baseline.settings);
	}

	int baselineRoleCount() {
		int roles = 0;
		for (JsonNode service : baseline.services) {
			roles += service.get("provider_roles").size();
		}
		return roles;
	}

	ResultActions post(String path, String json) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	ResultActions put(String path, String json) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.put(path).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	ResultActions delete(String path) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.delete(path));
	}

	static JsonNode json(ResultActions result) throws Exception {
		MockHttpServletResponse response = result.andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return JSON.readTree(response.getContentAsString());
	}

	/**
	 * The clinic as the admin API shows it before a test, and how to put it back
	 * afterwards.
	 */
	record Baseline(JsonNode settings, JsonNode closures, JsonNode providers, JsonNode services, JsonNode operatories) {

		static Baseline capture(ClinicApiIntegrationTests test) throws Exception {
			return new Baseline(test.read("/api/v1/admin/clinic"), test.read("/api/v1/admin/clinic/closures"),
					test.read("/api/v1/admin/providers"), test.read("/api/v1/admin/services"),
					test.read("/api/v1/admin/operatories"));
		}

		void restore(ClinicApiIntegrationTests test) throws Exception {
			if (!test.read("/api/v1/admin/clinic").equals(settings)) {
				test.expectOk(test.put("/api/v1/admin/clinic", settings.toString()));
			}
			Set<String> closureIds = ids(closures);
			for (JsonNode closure : test.read("/api/v1/admin/clinic/closures")) {
				if (!closureIds.contains(id(closure))) {
					test.expectOk(test.delete("/api/v1/admin/clinic/closures/" + id(closure)));
				}
			}
			restoreProviders(test);
			restore(test, "/api/v1/admin/services", services, service -> service);
			restore(test, "/api/v1/admin/operatories", operatories, operatory -> operatory);
			assertThat(test.read("/api/v1/admin/clinic")).as("clinic settings restored").isEqualTo(settings);
			assertThat(test.read("/api/v1/admin/clinic/closures")).as("closures restored").isEqualTo(closures);
			assertThat(test.read("/api/v1/admin/providers")).as("providers restored").isEqualTo(providers);
			assertThat(test.read("/api/v1/admin/services")).as("services restored").isEqualTo(services);
			assertThat(test.read("/api/v1/admin/operatories")).as("operatories restored").isEqualTo(operatories);
		}

		private void restoreProviders(ClinicApiIntegrationTests test) throws Exception {
			Map<String, JsonNode> before = byId(providers);
			for (JsonNode provider : test.read("/api/v1/admin/providers")) {
				Set<String> keep = before.containsKey(id(provider)) ? ids(before.get(id(provider)).get("time_off"))
						: Set.of();
				for (JsonNode absence : provider.get("time_off")) {
					if (!keep.contains(id(absence))) {
						test.expectOk(
								test.delete("/api/v1/admin/providers/" + id(provider) + "/time-off/" + id(absence)));
					}
				}
			}
			restore(test, "/api/v1/admin/providers", providers, provider -> {
				ObjectNode request = (ObjectNode) provider.deepCopy();
				request.remove("time_off");
				return request;
			});
		}

		private static void restore(ClinicApiIntegrationTests test, String path, JsonNode baseline,
				java.util.function.UnaryOperator<JsonNode> asRequest) throws Exception {
			Map<String, JsonNode> before = byId(baseline);
			Map<String, JsonNode> now = byId(test.read(path));
			for (String id : now.keySet()) {
				if (!before.containsKey(id)) {
					test.expectOk(test.delete(path + "/" + id));
				}
			}
			for (Map.Entry<String, JsonNode> entry : before.entrySet()) {
				JsonNode current = now.get(entry.getKey());
				if (current == null) {
					test.expectOk(test.post(path, asRequest.apply(entry.getValue()).toString()));
				}
				else if (!current.equals(entry.getValue())) {
					test.expectOk(test.put(path + "/" + entry.getKey(), asRequest.apply(entry.getValue()).toString()));
				}
			}
		}

		private static Map<String, JsonNode> byId(JsonNode items) {
			Map<String, JsonNode> byId = new HashMap<>();
			items.forEach(item -> byId.put(id(item), item));
			return byId;
		}

		private static Set<String> ids(JsonNode items) {
			Set<String> ids = new HashSet<>();
			items.forEach(item -> ids.add(id(item)));
			return ids;
		}

		private static String id(JsonNode item) {
			return item.get("id").asString();
		}

	}

	JsonNode read(String path) throws Exception {
		return json(mvc.perform(get(path)));
	}

	void expectOk(ResultActions result) throws Exception {
		MockHttpServletResponse response = result.andReturn().getResponse();
		assertThat(response.getStatus()).as("restoring the clinic: %s", response.getContentAsString())
			.isBetween(200, 299);
	}

}
