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
			.andExpect(jsonPath("$.entities.when.from").value("2025-08-12T16:00:00Z"))
			.andExpect(jsonPath("$.entities.when.to").value("2025-08-12T21:00:00Z"))
			.andExpect(jsonPath("$.entities.when.at").doesNotExist())
			.andExpect(jsonPath("$.entities.date_of_birth").doesNotExist())
			.andExpect(jsonPath("$.entities.choice").doesNotExist());
	}

	@Test
	void readsTimesFromTheGivenMomentAndZone() throws Exception {
		parse("""
				{"text": "tomorrow at 3pm", "reference_time": "2025-09-01T10:00:00+01:00", "time_zone": "Europe/Lisbon"}
				""").andExpect(status().isOk())
			.andExpect(jsonPath("$.intent").value("UNKNOWN"))
			.andExpect(jsonPath("$.entities.when.at").value("2025-09-02T14:00:00Z"));
		parse("""
				{"text": "born 3 March 1990", "reference_time": "2025-09-01T09:00:00Z"}
				""").andExpect(status().isOk())
			.andExpect(jsonPath("$.entities.date_of_birth").value("1990-03-03"))
			.andExpect(jsonPath("$.entities.when").doesNotExist());
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
	void refusesWhatIsNotJson() throws Exception {
		mvc.perform(post("/api/v1/nlu/parse").contentType(MediaType.APPLICATION_JSON).content("{\"text\":"))
			.andExpect(status().isBadRequest())
			.andExpect(problemJson());
		mvc.perform(post("/api/v1/nlu/parse").contentType(MediaType.TEXT_PLAIN).content("hello"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(problemJson());
	}

}
