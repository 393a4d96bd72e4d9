package io.smiledesk.system;

import org.junit.jupiter.api.Test;
import io.smiledesk.test.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The chat widget's script loads on any clinic website and revalidates cheaply; the chat
 * API it calls answers only the configured clinic origin.
 */
@IntegrationTest
@TestPropertySource(properties = "smiledesk.cors.allowed-origins=https://www.brightside-dental.example")
class WidgetAssetIntegrationTests {

	private static final String SCRIPT = "/widget/smiledesk-chat.js";

	private static final String CLINIC = "https://www.brightside-dental.example";

	@Autowired
	MockMvc mvc;

	@Test
	void theScriptIsPublicCacheableJavaScriptForEveryOrigin() throws Exception {
		mvc.perform(get(SCRIPT))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CONTENT_TYPE, startsWith("text/javascript")))
			.andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("max-age=3600")))
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("public")))
			.andExpect(header().exists(HttpHeaders.ETAG))
			.andExpect(header().exists(HttpHeaders.LAST_MODIFIED))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
		mvc.perform(get(SCRIPT).header(HttpHeaders.ORIGIN, "https://any-clinic.example"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*"));
	}

	@Test
	void revalidationIsANotModifiedWithoutABody() throws Exception {
		MvcResult first = mvc.perform(get(SCRIPT)).andExpect(status().isOk()).andReturn();
		String etag = first.getResponse().getHeader(HttpHeaders.ETAG);
		assertThat(first.getResponse().getContentAsString()).contains("customElements.define");

		MvcResult again = mvc.perform(get(SCRIPT).header(HttpHeaders.IF_NONE_MATCH, etag))
			.andExpect(status().isNotModified())
			.andReturn();
		assertThat(again.getResponse().getContentAsString()).isEmpty();
		mvc.perform(get(SCRIPT).header(HttpHeaders.IF_NONE_MATCH, "\"something-else\"")).andExpect(status().isOk());
	}

	@Test
	void theClinicsWebsiteMayChatFromTheBrowserAndOtherSitesMayNot() throws Exception {
		mvc.perform(options("/api/v1/chat/messages").header(HttpHeaders.ORIGIN, CLINIC)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, CLINIC));
		mvc.perform(post("/api/v1/chat/messages").header(HttpHeaders.ORIGIN, CLINIC)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"message\":\"Hello\"}"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, CLINIC));

		mvc.perform(options("/api/v1/chat/messages").header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type"))
			.andExpect(status().isForbidden())
			.andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
		mvc.perform(post("/api/v1/chat/messages").header(HttpHeaders.ORIGIN, "https://evil.example")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"message\":\"Hello\"}")).andExpect(status().isForbidden());
	}

}
