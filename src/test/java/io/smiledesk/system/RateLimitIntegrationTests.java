package io.smiledesk.system;

import java.time.Duration;

import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.smiledesk.test.Json.booking;
import static io.smiledesk.test.Json.problemJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two bookings a minute per address; each test books from its own addresses, since
 * buckets outlive a test.
 */
@IntegrationTest
@TestPropertySource(properties = { "smiledesk.rate-limits.enabled=true", "smiledesk.rate-limits.booking-per-ip=2/1m",
		"smiledesk.rate-limits.console-login-per-ip=5/1m", "smiledesk.rate-limits.calendar-feed-per-ip=3/1m" })
class RateLimitIntegrationTests {

	static final String[] FREE_SLOTS = { "2025-08-20T14:00:00Z", "2025-08-21T14:00:00Z", "2025-08-22T14:00:00Z",
			"2025-08-25T14:00:00Z" };

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	int bookings;

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void refusesTheThirdBookingFromOneAddressWithinAMinute() throws Exception {
		book("10.0.0.1").andExpect(status().isCreated()).andExpect(header().string("X-RateLimit-Remaining", "1"));
		book("10.0.0.1").andExpect(status().isCreated()).andExpect(header().string("X-RateLimit-Remaining", "0"));

		book("10.0.0.1").andExpect(status().isTooManyRequests())
			.andExpect(problemJson())
			.andExpect(header().string("Retry-After", "30"))
			.andExpect(jsonPath("$.type").value("https://smiledesk.io/problems/rate-limited"))
			.andExpect(jsonPath("$.title").value("Too many requests"))
			.andExpect(jsonPath("$.status").value(429))
			.andExpect(jsonPath("$.detail").value("Too many requests. Please retry in 30 seconds."));

		assertThat(data.count("appointment")).isEqualTo(2);
		assertThat(data.count("patient")).isEqualTo(2);
	}

	@Test
	void limitsSignInAttemptsPerAccountWhateverAddressTheyComeFrom() throws Exception {
		String body = "{\"email\":\"target-account@example.com\",\"password\":\"guess-number-one\"}";
		for (int i = 1; i <= 5; i++) {
			mvc.perform(from("10.2.0." + i,
					post("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON).content(body)))
				.andExpect(status().isUnauthorized());
		}

		mvc.perform(from("10.2.0.6", post("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON).content(body)))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"));
		mvc.perform(from("10.2.0.6",
				post("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
					.content("{\"email\":\"another-account@example.com\",\"password\":\"guess-number-one\"}")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void limitsConsoleSignInAttemptsPerAddressWithAPage() throws Exception {
		for (int i = 1; i <= 5; i++) {
			mvc.perform(from("10.4.0.1",
					post("/login").param("email", "guess" + i + "@example.com")
						.param("password", "guess-number-" + i)
						.with(csrf())))
				.andExpect(result -> assertThat(result.getResponse().getStatus()).isNotEqualTo(429));
		}

		mvc.perform(from("10.4.0.1",
				post("/login").param("email", "guess6@example.com").param("password", "guess-number-6").with(csrf())))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("Too many sign-in attempts from your network")));
		mvc.perform(from("10.4.0.1", post("/login/code").param("code", "123456").with(csrf())))
			.andExpect(status().isTooManyRequests());
		// another address, and reading the sign-in page, are not held back
		mvc.perform(from("10.4.0.2",
				post("/login").param("email", "guess7@example.com").param("password", "guess-number-7").with(csrf())))
			.andExpect(result -> assertThat(result.getResponse().getStatus()).isNotEqualTo(429));
		mvc.perform(from("10.4.0.1", get("/login"))).andExpect(status().isOk());
	}

	@Test
	void limitsCalendarFeedReadsPerAddressWithAProblem() throws Exception {
		// wrong tokens count too: the budget is what keeps guessing slow
		String feed = "/calendar/" + "x".repeat(43) + ".ics";
		for (int i = 0; i < 3; i++) {
			mvc.perform(from("10.5.0.1", get(feed))).andExpect(status().isNotFound());
		}

		mvc.perform(from("10.5.0.1", get(feed)))
			.andExpect(status().isTooManyRequests())
			.andExpect(problemJson())
			.andExpect(header().string("Retry-After", "20"))
			.andExpect(jsonPath("$.type").value("https://smiledesk.io/problems/rate-limited"));
		mvc.perform(from("10.5.0.2", get(feed))).andExpect(status().isNotFound());

		clock.advance(Duration.ofMinutes(1));
		mvc.perform(from("10.5.0.1", get(feed))).andExpect(status().isNotFound());
	}

	@Test
	void readingIsNotChargedToTheBookingBudget() throws Exception {
		book("10.0.0.3").andExpect(status().isCreated());
		book("10.0.0.3").andExpect(status().isCreated());
		book("10.0.0.3").andExpect(status().isTooManyRequests());

		for (int i = 0; i < 3; i++) {
			mvc.perform(from("10.0.0.3", get("/api/v1/clinic")))
				.andExpect(status().isOk())
				.andExpect(header().doesNotExist("X-RateLimit-Remaining"));
		}
		mvc.perform(from("10.0.0.3",
				get("/api/v1/availability").param("month", "8")
					.param("year", "2025")
					.param("service_id", "teeth_whitening")))
			.andExpect(status().isOk());
	}

	@Test
	void anotherAddressHasItsOwnBudget() throws Exception {
		book("10.0.0.4").andExpect(status().isCreated());
		book("10.0.0.4").andExpect(status().isCreated());
		book("10.0.0.4").andExpect(status().isTooManyRequests());

		book("10.0.0.2").andExpect(status().isCreated());
	}

	@Test
	void ignoresForwardedForFromClients() throws Exception {
		book("10.0.0.5", "203.0.113.1").andExpect(status().isCreated());
		book("10.0.0.5", "203.0.113.2").andExpect(status().isCreated());

		book("10.0.0.5", "203.0.113.3").andExpect(status().isTooManyRequests());
		assertThat(data.count("appointment")).isEqualTo(2);
	}

	@Test
	void mayBookAgainAMinuteLater() throws Exception {
		book("10.0.0.6").andExpect(status().isCreated());
		book("10.0.0.6").andExpect(status().isCreated());
		book("10.0.0.6").andExpect(status().isTooManyRequests());

		clock.advance(Duration.ofMinutes(1));

		book("10.0.0.6").andExpect(status().isCreated());
		assertThat(data.count("appointment")).isEqualTo(3);
	}

	/**
	 * A booking that would succeed (a free slot, a new patient) but for the rate limit.
	 */
	private ResultActions book(String ip, String... forwardedFor) throws Exception {
		int n = bookings++;
		MockHttpServletRequestBuilder request = post("/api/v1/appointments/book")
			.contentType(MediaType.APPLICATION_JSON)
			.content(booking("Patient " + n, "patient" + n + "@example.com", null, FREE_SLOTS[n % FREE_SLOTS.length],
					"teeth_whitening"));
		for (String address : forwardedFor) {
			request.header("X-Forwarded-For", address);
		}
		return mvc.perform(from(ip, request));
	}

	static MockHttpServletRequestBuilder from(String ip, MockHttpServletRequestBuilder request) {
		return request.with(r -> {
			r.setRemoteAddr(ip);
			return r;
		});
	}

}
