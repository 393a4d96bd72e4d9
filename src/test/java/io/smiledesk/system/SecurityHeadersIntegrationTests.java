package io.smiledesk.system;

import org.junit.jupiter.api.Test;
import io.smiledesk.test.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@TestPropertySource(properties = "smiledesk.cors.allowed-origins=https://www.brightside-dental.example")
class SecurityHeadersIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void everyResponseCarriesTheBrowserProtections() throws Exception {
		for (String path : new String[] { "/api/v1/clinic", "/", "/login" }) {
			mvc.perform(get(path))
				.andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
				.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
				.andExpect(header().string("X-Content-Type-Options", "nosniff"))
				.andExpect(header().string("X-Frame-Options", "DENY"))
				.andExpect(header().exists("Referrer-Policy"));
		}
		mvc.perform(get("/api/v1/clinic")).andExpect(header().string("Referrer-Policy", "no-referrer"));
	}

	@Test
	void sendsHstsOnHttps() throws Exception {
		mvc.perform(get("/api/v1/clinic").secure(true))
			.andExpect(header().string("Strict-Transport-Security", containsString("max-age=")));
		mvc.perform(get("/api/v1/clinic")).andExpect(header().doesNotExist("Strict-Transport-Security"));
	}

	@Test
	void onlyTheClinicsWebsiteMayCallTheApiFromABrowser() throws Exception {
		mvc.perform(
				options("/api/v1/appointments/book").header(HttpHeaders.ORIGIN, "https://www.brightside-dental.example")
					.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST"))
			.andExpect(status().isOk())
			.andExpect(
					header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://www.brightside-dental.example"));
		mvc.perform(options("/api/v1/appointments/book").header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST"))
			.andExpect(status().isForbidden())
			.andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
		mvc.perform(get("/api/v1/clinic").header(HttpHeaders.ORIGIN, "https://evil.example"))
			.andExpect(status().isForbidden());
	}

}
