package io.smiledesk.system;

import org.junit.jupiter.api.Test;
import io.smiledesk.test.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ErrorHandlingIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	io.smiledesk.test.TestData data;

	@org.junit.jupiter.api.BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void anonymousCallersLearnNothingAboutNonPublicPaths() throws Exception {
		mvc.perform(get("/api/v1/nothing-here"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(put("/api/v1/clinic")).andExpect(status().isUnauthorized());
	}

	@Test
	@WithMockUser(roles = "FRONT_DESK")
	void unknownPathsAreProblemDetails() throws Exception {
		mvc.perform(get("/api/v1/nothing-here"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	@WithMockUser(roles = "FRONT_DESK")
	void wrongMethodsAndMediaTypesAreProblemDetails() throws Exception {
		mvc.perform(put("/api/v1/clinic"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(post("/api/v1/appointments/book").contentType(MediaType.APPLICATION_XML).content("<a/>"))
			.andExpect(status().isUnsupportedMediaType());
	}

	@Test
	void invalidUtf8IsABadRequest() throws Exception {
		byte[] body = { '{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' };
		mvc.perform(post("/api/v1/appointments/book").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type", endsWith("/invalid-request")));
	}

	@Test
	void datesOutsideAnyCalendarAreRefusedNotOverflowed() throws Exception {
		mvc.perform(post("/api/v1/appointments/holds").contentType(MediaType.APPLICATION_JSON)
			.content("{\"service_name\":\"filling\",\"appointment_date\":\"-999999999-01-01T00:00:00Z\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("appointment_date"));
		mvc.perform(get("/api/v1/availability/slots").param("service", "filling").param("from", "+99999-01-01"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aRequestThatCannotBeAnsweredInJsonIsRefusedBeforeAnythingIsWritten() throws Exception {
		mvc.perform(post("/api/v1/appointments/book").contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_PLAIN)
			.content("{\"name\":\"A\",\"email\":\"a@example.com\",\"appointment_date\":\"2025-08-20T14:00:00Z\","
					+ "\"service_name\":\"filling\"}"))
			.andExpect(status().isNotAcceptable());
		assertThat(data.count("appointment")).isZero();
		assertThat(data.count("patient")).isZero();
	}

	@Test
	void problemsStayProblemsWhateverTheAcceptHeader() throws Exception {
		mvc.perform(get("/api/v1/availability").header("Accept", "%%%"))
			.andExpect(status().is4xxClientError())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/clinic/.."))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void controlCharactersAreRefused() throws Exception {
		mvc.perform(post("/api/v1/appointments/book").contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"name\":\"A\\u0000B\",\"email\":\"a@example.com\",\"appointment_date\":\"2025-08-20T14:00:00Z\","
							+ "\"service_name\":\"filling\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		mvc.perform(get(java.net.URI.create("/api/v1/availability?month=8&year=2025&service_id=a%00b")))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/appointments/book").header("Idempotency-Key", "a\u0001b")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"A\",\"email\":\"a@example.com\",\"appointment_date\":\"2025-08-20T14:00:00Z\","
					+ "\"service_name\":\"filling\"}"))
			.andExpect(status().isBadRequest());
		assertThat(data.count("patient")).isZero();
	}

	@Test
	void aBodyOverTheLimitWithoutADeclaredLengthIsTooLarge() throws Exception {
		byte[] body = ("{\"name\":\"" + "x".repeat(70_000) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		mvc.perform(post("/api/v1/appointments/book").with(request -> {
			// as if sent chunked: no Content-Length, so only reading the body can tell
			org.springframework.mock.web.MockHttpServletRequest chunked = new org.springframework.mock.web.MockHttpServletRequest(
					request.getServletContext(), "POST", "/api/v1/appointments/book") {
				@Override
				public long getContentLengthLong() {
					return -1;
				}

				@Override
				public int getContentLength() {
					return -1;
				}
			};
			chunked.setContentType(MediaType.APPLICATION_JSON_VALUE);
			chunked.setContent(body);
			return chunked;
		}))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(data.count("patient")).isZero();
	}

	@Test
	void anEncodedPathDoesNotSlipPastTheSizeLimit() throws Exception {
		mvc.perform(post(java.net.URI.create("/%61pi/v1/appointments/book")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + "x".repeat(70_000) + "\"}")).andExpect(status().isPayloadTooLarge());
	}

	@Test
	void errorsCarryNoStackTraceOrInternalNames() throws Exception {
		MvcResult result = mvc
			.perform(post("/api/v1/appointments/book").contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": [\"a\"], \"appointment_date\": 5}"))
			.andExpect(status().isBadRequest())
			.andReturn();

		String body = result.getResponse().getContentAsString();
		assertThat(body).doesNotContain("Exception", "tools.jackson", "at io.smiledesk", "java.");
	}

}
