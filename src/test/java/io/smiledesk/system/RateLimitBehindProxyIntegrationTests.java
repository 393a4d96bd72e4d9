package io.smiledesk.system;

import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.smiledesk.system.RateLimitIntegrationTests.FREE_SLOTS;
import static io.smiledesk.system.RateLimitIntegrationTests.from;
import static io.smiledesk.test.Json.booking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Behind a proxy that sets X-Forwarded-For, clients are told apart by the header, not by
 * the proxy's address.
 */
@IntegrationTest
@TestPropertySource(properties = { "smiledesk.rate-limits.enabled=true", "smiledesk.rate-limits.booking-per-ip=2/1m",
		"smiledesk.rate-limits.trust-forwarded-for=true" })
class RateLimitBehindProxyIntegrationTests {

	static final String PROXY = "10.0.0.254";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	int bookings;

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void countsEachForwardedClientOnItsOwn() throws Exception {
		book("203.0.113.1").andExpect(status().isCreated());
		book("203.0.113.1, 10.0.0.7").andExpect(status().isCreated());
		book("203.0.113.1").andExpect(status().isTooManyRequests());

		book("203.0.113.2").andExpect(status().isCreated());
		assertThat(data.count("appointment")).isEqualTo(3);
	}

	private ResultActions book(String forwardedFor) throws Exception {
		int n = bookings++;
		return mvc.perform(from(PROXY,
				post("/api/v1/appointments/book").contentType(MediaType.APPLICATION_JSON)
					.header("X-Forwarded-For", forwardedFor)
					.content(booking("Patient " + n, "patient" + n + "@example.com", null,
							FREE_SLOTS[n % FREE_SLOTS.length], "teeth_whitening"))));
	}

}
