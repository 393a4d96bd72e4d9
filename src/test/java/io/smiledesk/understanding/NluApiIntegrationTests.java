package io.smiledesk.understanding;

import org.junit.jupiter.api.Test;
import io.smiledesk.test.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.smiledesk.test.Json.problemJson;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class NluApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	ResultActions parse(String json) throws Exception {
		return mvc.perform(post("/api/v1/nlu/parse").contentType(MediaType.APPLICATION_JSON).content(json));
	}

	@Test
	void readsAMessageWithoutALogin() throws Exception {
		// the test clock: Monday 4 August 2025, 08:00 in New York; next Tuesday is the
		// 12th
		parse("""
				{"text": "need a cleaning next tue afternoon with dr lopez, im Ana Silva ana@x.com 973-555-0101"}
				""").andExpect(status().isOk())
			.andExpect(jsonPath("$.intent").value("BOOK"))
			.andExpect(jsonPath("$.confidence", greaterThan(0.35)))
			.andExpect(jsonPath("$.ranking[0].intent").value("BOOK"))
			.andExpect(jsonPath("$.language").value("en"))
			.andExpect(jsonPath("$.engine").value("offline"))
			.andExpect(jsonPath("$.fallback").doesNotExist())
			.andExpect(jsonPath("$.entities.service.id").value("annual_cleaning"))
			.andExpect(jsonPath("$.entities.service.name").value("Annual Cleaning"))
			.andExpect(jsonPath("$.entities.provider.id").value("dr-maria-lopez"))
			.andExpect(jsonPath("$.entities.provider.name").value("Dr. Maria Lopez"))
			.andExpect(jsonPath("$.entities.name").value("Ana Silva"))
			.andExpect(jsonPath("$.entities.email").value("ana@x.com"))
			.andExpect(jsonPath("$.entities.phone").value("973-555-0101"))
			.andExpect(jsonPath("$.entities.when.text").value("next tue afternoon"))
			.andExpect(jsonPath("$.entities.when.from").value("2025-08-12T12:00:00-04:00"))
			.andExpect(jsonPath("$.entities.when.to").value("2025-08-12T19:00:00-04:00"))
			.andExpect(jsonPath("$.entities.when.grain").value("hour"))
			.andExpect(jsonPath("$.entities.when.at").doesNotExist())
			.andExpect(jsonPath("$.entities.when.value").doesNotExist())
			// the demo clinic closes at 17:00 on Tuesdays
			.andExpect(jsonPath("$.entities.when.window.from").value("2025-08-12T12:00:00-04:00"))
			.andExpect(jsonPath("$.entities.when.window.to").value("2025-08-12T17:00:00-04:00"))
			.andExpect(jsonPath("$.entities.times.length()").value(1))
			.andExpect(jsonPath("$.entities.times[0].text").value("next tue afternoon"))
			.andExpect(jsonPath("$.entities.times[0].refused").doesNotExist())
			.andExpect(jsonPath("$.entities.date_of_birth").doesNotExist())
			.andExpect(jsonPath("$.entities.choice").doesNotExist());
	}

	@Test
	void readsTimesFromTheGivenMomentAndZone() throws Exception {
		parse("""
				{"text": "tomorrow at 3pm", "reference_time": "2025-09-01T10:00:00+01:00", "time_zone": "Europe/Lisbon"}
				""").andExpect(status().isOk())
			.andExpect(jsonPath("$.intent").value("UNKNOWN"))
			.andExpect(jsonPath("$.entities.when.at").value("2025-09-02T15:00:00+01:00"))
			.andExpect(jsonPath("$.entities.when.value").value("2025-09-02T15:00:00+01:00"))
			.andExpect(jsonPath("$.entities.when.grain").value("hour"))
			.andExpect(jsonPath("$.entities.when.window.from").value("2025-09-02T15:00:00+01:00"))
			.andExpect(jsonPath("$.entities.when.window.to").value("2025-09-02T15:01:00+01:00"));
		parse("""
				{"text": "born 3 March 1990", "reference_time": "2025-09-01T09:00:00Z"}
				""").andExpect(status().isOk())
			.andExpect(jsonPath("$.entities.date_of_birth").value("1990-03-03"))
			.andExpect(jsonPath("$.entities.when").doesNotExist())
			.andExpect(jsonPath("$.entities.times.length()").value(0));
	}

	@Test
	void resolvesInTheZoneAcrossAChangeOfClocks() throws Exception {
		// New York springs forward at 2:00 on 8 March 2026: two hours after 1:30 EST is
		// 4:30 EDT
		parse("""
				{"text": "in 2 hours", "reference_time": "2026-03-08T01:30:00-05:00", "time_zone": "America/New_York"}
				""").andExpect(status().isOk())
			.andExpect(jsonPath("$.entities.when.value").value("2026-03-08T04:30:00-04:00"))
			.andExpect(jsonPath("$.entities.when.grain").value("minute"));
		parse("""
				{"text": "tomorrow", "reference_time": "2026-03-08T01:30:00-05:00", "time_zone": "Europe/Paris"}
				""").andExpect(status().isOk())
			.andExpect(jsonPath("$.entities.when.value").value("2026-03-09T00:00:00+01:00"))
			.andExpect(jsonPath("$.entities.when.grain").value("day"));
	}

	@Test
	void listsEveryTimeAndWhichAreRefused() throws Exception {
		parse("""
				{"text": "not monday, tuesday or wednesday at 10"}
				""").andExpect(status().isOk())
			.andExpect(jsonPath("$.entities.times.length()").value(3))
			.andExpect(jsonPath("$.entities.times[0].text").value("monday"))
			.andExpect(jsonPath("$.entities.times[0].refused").value(true))
			.andExpect(jsonPath("$.entities.times[1].refused").doesNotExist())
			.andExpect(jsonPath("$.entities.when.text").value("tuesday"))
			.andExpect(jsonPath("$.entities.when.value").value("2025-08-05T00:00:00-04:00"))
			.andExpect(jsonPath("$.entities.when.window.from").value("2025-08-05T08:00:00-04:00"))
			.andExpect(jsonPath("$.entities.when.window.to").value("2025-08-05T17:00:00-04:00"));
	}

	@Test
	void givesNoWindowWhenTheClinicIsClosed() throws Exception {
		// the demo clinic is closed on Sundays
		parse("""
				{"text": "sunday at 10am"}
				""").andExpect(status().isOk())
			.andExpect(jsonPath("$.entities.when.value").value("2025-08-10T10:00:00-04:00"))
			.andExpect(jsonPath("$.entities.when.window").doesNotExist());
		parse("""
				{"text": "after 5pm on friday"}
				""").andExpect(status().isOk())
			.andExpect(jsonPath("$.entities.when.from").value("2025-08-08T17:00:00-04:00"))
			.andExpect(jsonPath("$.entities.when.to").doesNotExist())
			.andExpect(jsonPath("$.entities.when.window").doesNotExist());
	}

	@Test
	void shiftsFromTheAnchorTime() throws Exception {
		parse("""
				{"text": "could we make it an hour later?", "anchor_time": "2025-08-06T14:00:00Z"}
				""").andExpect(status().isOk())
			.andExpect(jsonPath("$.entities.when.value").value("2025-08-06T11:00:00-04:00"))
			.andExpect(jsonPath("$.entities.when.grain").value("minute"));
		parse("""
				{"text": "an hour later"}
				""").andExpect(status().isOk())
			.andExpect(jsonPath("$.entities.when.value").value("2025-08-04T09:00:00-04:00"));
	}

	@Test
	void readsSpanishAndFrenchTimes() throws Exception {
		parse("""
				{"text": "el próximo lunes por la mañana"}
				""").andExpect(status().isOk())
			.andExpect(jsonPath("$.language").value("es"))
			.andExpect(jsonPath("$.entities.when.from").value("2025-08-11T04:00:00-04:00"))
			.andExpect(jsonPath("$.entities.when.to").value("2025-08-11T12:00:00-04:00"));
		parse("""
				{"text": "mardi prochain à 15h"}
				""").andExpect(status().isOk())
			.andExpect(jsonPath("$.language").value("fr"))
			.andExpect(jsonPath("$.entities.when.at").value("2025-08-05T15:00:00-04:00"));
	}

	@Test
	void readsABareAnswerToWhatWasAsked() throws Exception {
		parse("""
				{"text": "sure", "awaiting": "confirm"}
				""").andExpect(status().isOk()).andExpect(jsonPath("$.intent").value("CONFIRM"));
		parse("""
				{"text": "2", "awaiting": "slot"}
				""").andExpect(status().isOk()).andExpect(jsonPath("$.entities.choice").value(2));
	}

	@Test
	void recognisesAnotherLanguage() throws Exception {
		parse("""
				{"text": "Hola, quiero una cita para limpieza"}
				""").andExpect(status().isOk()).andExpect(jsonPath("$.language").value("es"));
	}

	@Test
	void refusesAMissingOrBlankText() throws Exception {
		parse("{}").andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field").value("text"));
		parse("""
				{"text": "   "}
				""").andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field").value("text"));
		mvc.perform(post("/api/v1/nlu/parse").contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isBadRequest())
			.andExpect(problemJson());
	}

	@Test
	void refusesTooLongAText() throws Exception {
		parse("{\"text\": \"" + "a".repeat(2_001) + "\"}").andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field").value("text"));
		parse("{\"text\": \"" + "a".repeat(2_000) + "\"}").andExpect(status().isOk());
	}

	@Test
	void refusesAnUnknownTimeZone() throws Exception {
		parse("""
				{"text": "tomorrow", "time_zone": "Mars/Olympus_Mons"}
				""").andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field").value("time_zone"))
			.andExpect(jsonPath("$.detail", containsString("time zone")));
	}

	@Test
	void refusesAnUnreadableReferenceTime() throws Exception {
		for (String bad : new String[] { "yesterday", "2025-08-04T12:00:00", "2025-13-04T12:00:00Z", "1" }) {
			parse("{\"text\": \"tomorrow\", \"reference_time\": \"" + bad + "\"}").andExpect(status().isBadRequest())
				.andExpect(problemJson())
				.andExpect(jsonPath("$.errors[0].field").value("reference_time"));
		}
	}

	@Test
	void refusesAnUnreadableAnchorTime() throws Exception {
		parse("""
				{"text": "an hour later", "anchor_time": "after lunch"}
				""").andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field").value("anchor_time"));
	}

	@Test
	void refusesTooLongATimeZone() throws Exception {
		parse("{\"text\": \"tomorrow\", \"time_zone\": \"" + "A".repeat(65) + "\"}").andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field").value("time_zone"));
	}

	@Test
	void refusesWhatIsNotJson() throws Exception {
		mvc.perform(post("/api/v1/nlu/parse").contentType(MediaType.APPLICATION_JSON).content("{\"text\":"))
			.andExpect(status().isBadRequest())
			.andExpect(problemJson());
		mvc.perform(post("/api/v1/nlu/parse").contentType(MediaType.TEXT_PLAIN).content("hello"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(problemJson());
	}

}
