package io.smiledesk.system;

import java.util.Map;
import java.util.Optional;

import io.smiledesk.test.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitFilterTests {

	final RateLimiter limiter = new RateLimiter(
			RateLimitPropertiesTests.bind(Map.of("smiledesk.rate-limits.admin-per-account", "2/1m",
					"smiledesk.rate-limits.booking-per-ip", "1/1m")),
			new LocalBuckets(new ClockTimeMeter(new MutableClock(MutableClock.DEFAULT)), 100));

	final RateLimitFilter filter = new RateLimitFilter(limiter, false);

	@ParameterizedTest
	@CsvSource(textBlock = """
			POST, /api/v1/appointments/book,            booking-per-ip
			POST, /api/v1/appointments/holds,           booking-per-ip
			POST, /api/v1/appointments/a1/cancel,       booking-per-ip
			POST, /api/v1/appointments,                 booking-per-ip
			GET,  /api/v1/appointments/a1,
			POST, /api/v1/appointmentsx,
			GET,  /api/v1/clinic,
			GET,  /api/v1/availability,
			POST, /api/v1/chat/messages,                chat-per-ip
			GET,  /api/v1/chat,                         chat-per-ip
			POST, /api/v1/nlu/parse,                    chat-per-ip
			POST, /api/v1/nluparse,
			GET,  /api/v1/payments/p1,                  payment-per-ip
			POST, /api/v1/payments/checkout,            payment-per-ip
			GET,  /api/v1/admin/appointments,           admin-per-account
			POST, /api/v1/admin/appointments/a1/cancel, admin-per-account
			POST, /api/v1/auth/login,                   login-per-ip
			GET,  /api/v1/auth/login,
			POST, /api/v1/auth/logout,
			POST, /login,                               console-login-per-ip
			POST, /login/code,                          console-login-per-ip
			POST, /login/setup,                         console-login-per-ip
			GET,  /login,
			POST, /loginx,
			POST, /logout,
			GET,  /calendar/a-feed-token.ics,           calendar-feed-per-ip
			GET,  /console/calendar,
			GET,  /calendarx,
			""")
	void mapsRequestsToTheirGroup(String method, String path, String group) {
		assertThat(RateLimitFilter.group(method, path)).isEqualTo(Optional.ofNullable(group));
	}

	@Test
	void readsForwardedForOnlyWhenTrusted() {
		MockHttpServletRequest request = request("POST", "/api/v1/appointments/book", "10.0.0.1");
		request.addHeader("X-Forwarded-For", " 203.0.113.7 , 10.0.0.9");

		assertThat(RateLimitFilter.clientIp(request, false)).isEqualTo("10.0.0.1");
		assertThat(RateLimitFilter.clientIp(request, true)).isEqualTo("203.0.113.7");
	}

	@Test
	void fallsBackToTheConnectionWithoutAForwardedFor() {
		MockHttpServletRequest request = request("POST", "/api/v1/appointments/book", "10.0.0.1");
		assertThat(RateLimitFilter.clientIp(request, true)).isEqualTo("10.0.0.1");

		request.addHeader("X-Forwarded-For", " ,10.0.0.9");
		assertThat(RateLimitFilter.clientIp(request, true)).isEqualTo("10.0.0.1");
	}

	@Test
	void countsStaffPerAccountWhateverTheirAddress() throws Exception {
		assertThat(run(admin("10.0.0.1", "ana")).getStatus()).isEqualTo(200);
		assertThat(run(admin("10.0.0.2", "ana")).getStatus()).isEqualTo(200);
		assertThat(run(admin("10.0.0.3", "ana")).getStatus()).isEqualTo(429);

		// Another account from the same address, and an anonymous request, have their own
		// budgets
		assertThat(run(admin("10.0.0.1", "ben")).getStatus()).isEqualTo(200);
		assertThat(run(admin("10.0.0.1", null)).getStatus()).isEqualTo(200);
	}

	@Test
	void answersA429ProblemWithRetryAfter() throws Exception {
		MockHttpServletResponse first = run(request("POST", "/api/v1/appointments/book", "10.0.0.1"));
		MockHttpServletResponse second = run(request("POST", "/api/v1/appointments/book", "10.0.0.1"));

		assertThat(first.getStatus()).isEqualTo(200);
		assertThat(first.getHeader("X-RateLimit-Remaining")).isEqualTo("0");
		assertThat(second.getStatus()).isEqualTo(429);
		assertThat(second.getHeader("Retry-After")).isEqualTo("60");
		assertThat(second.getContentType()).startsWith("application/problem+json");
		assertThat(second.getContentAsString()).isEqualTo("{\"type\":\"https://smiledesk.io/problems/rate-limited\","
				+ "\"title\":\"Too many requests\",\"status\":429,"
				+ "\"detail\":\"Too many requests. Please retry in 60 seconds.\"}");
	}

	@Test
	void leavesOtherRequestsAlone() throws Exception {
		for (int i = 0; i < 3; i++) {
			MockHttpServletResponse response = run(request("GET", "/api/v1/clinic", "10.0.0.1"));
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getHeader("X-RateLimit-Remaining")).isNull();
		}
		assertThat(run(request("POST", "/api/v1/appointments/book", "10.0.0.1")).getStatus()).isEqualTo(200);
	}

	private MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		filter.doFilter(request, response, chain);
		assertThat(chain.getRequest() != null).as("passed on").isEqualTo(response.getStatus() != 429);
		return response;
	}

	private static MockHttpServletRequest admin(String ip, String account) {
		MockHttpServletRequest request = request("GET", "/api/v1/admin/appointments", ip);
		if (account != null) {
			request.setUserPrincipal(() -> account);
		}
		return request;
	}

	/** As Tomcat presents a request to the dispatcher servlet mapped at "/". */
	private static MockHttpServletRequest request(String method, String path, String ip) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setServletPath(path);
		request.setRemoteAddr(ip);
		return request;
	}

}
