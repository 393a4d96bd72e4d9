package io.smiledesk.channel;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.TestChannels;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponentsBuilder;

import static io.smiledesk.channel.Webhooks.twilio;
import static io.smiledesk.channel.Webhooks.twilioSignature;
import static io.smiledesk.test.Json.problemJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Calls as Twilio makes them: TwiML back, the same assistant behind it. */
@IntegrationTest
class VoiceIntegrationTests {

	static final Pattern GATHER_ACTION = Pattern.compile("<Gather [^>]*action=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	io.smiledesk.system.FieldCipher cipher;

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void aCallIsGreetedAndListenedTo() throws Exception {
		String twiml = call(VoiceWebhooks.VOICE_PATH, Map.of("CallSid", "CA1", "From", "+12015550188"));
		assertThat(twiml).contains("<Gather input=\"speech dtmf\"", "Thank you for calling Brightside Dental", "911");
		mvc.perform(twilio(VoiceWebhooks.VOICE_PATH, Map.of("CallSid", "CA1"), "forged"))
			.andExpect(status().isUnauthorized())
			.andExpect(problemJson());
	}

	@Test
	void aQuestionIsAnsweredAloudAndTheCallGoesOn() throws Exception {
		String twiml = call(VoiceWebhooks.GATHER_PATH,
				Map.of("CallSid", "CA2", "From", "+12015550188", "SpeechResult", "What are your opening hours?"));
		assertThat(twiml).contains("<Say language=\"en-US\">", "<Gather").doesNotContain("http", "<Dial>");
		assertThat(data.count("conversation_message")).isEqualTo(2);
		assertThat(data.jdbc().queryForObject("select channel from conversation", String.class)).isEqualTo("VOICE");
		// nothing goes through the outbox: the call itself carried the answer
		assertThat(data.count("channel_outbound")).isZero();
	}

	@Test
	void anEmergencyHearsTheInstructionsThenIsPutThrough() throws Exception {
		String twiml = call(VoiceWebhooks.GATHER_PATH, Map.of("CallSid", "CA3", "From", "+12015550188", "SpeechResult",
				"my face is swelling up and I can hardly breathe"));
		assertThat(twiml).containsPattern("<Say[^>]*>[^<]+</Say><Dial>[^<]+</Dial>");
		assertThat(data.jdbc().queryForObject("select status from conversation", String.class))
			.isEqualTo("HANDOFF_REQUIRED");
	}

	@Test
	void aKeyPressPicksTheChoiceReadOutLoud() throws Exception {
		String twiml = call(VoiceWebhooks.GATHER_PATH,
				Map.of("CallSid", "CA4", "From", "+12015550188", "SpeechResult", "I'd like to book an appointment"));
		assertThat(twiml).contains("Press 1 for");
		Matcher action = GATHER_ACTION.matcher(twiml);
		assertThat(action.find()).isTrue();
		URI next = URI.create(action.group(1).replace("&amp;", "&"));
		String options = UriComponentsBuilder.fromUri(next).build().getQueryParams().getFirst("options");
		assertThat(options).isNotBlank();

		call(next.toString(), Map.of("CallSid", "CA4", "From", "+12015550188", "Digits", "1"));
		List<String> texts = data.jdbc()
			.queryForList("select id from conversation_message where sender = 'PATIENT' order by position", UUID.class)
			.stream()
			.map(id -> data.jdbc()
				.queryForObject("select text from conversation_message where id = ?", String.class, id))
			// stored encrypted, like every message
			.map(cipher::decrypt)
			.toList();
		String firstChoice = new String(java.util.Base64.getUrlDecoder().decode(options),
				java.nio.charset.StandardCharsets.UTF_8)
			.split("\n")[0];
		assertThat(texts).hasSize(2);
		assertThat(texts.get(1)).isEqualTo(firstChoice).isNotEqualTo("1");
	}

	@Test
	void silenceTwiceIsPutThroughToTheFrontDesk() throws Exception {
		assertThat(call(VoiceWebhooks.GATHER_PATH + "?silence=1", Map.of("CallSid", "CA5", "From", "+12015550188")))
			.contains("did not catch that", "silence=2");
		assertThat(call(VoiceWebhooks.GATHER_PATH + "?silence=2", Map.of("CallSid", "CA5", "From", "+12015550188")))
			.contains("<Dial>");
	}

	@Test
	void aWithheldNumberIsStillAnswered() throws Exception {
		assertThat(call(VoiceWebhooks.GATHER_PATH,
				Map.of("CallSid", "CA6", "From", "anonymous", "SpeechResult", "Do you take walk-ins?")))
			.contains("<Say");
		assertThat(data.count("patient")).isZero();
	}

	private String call(String pathAndQuery, Map<String, String> params) throws Exception {
		URI uri = URI.create(pathAndQuery);
		Map<String, String> form = new HashMap<>(params);
		var request = post(uri).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("X-Twilio-Signature", twilioSignature(TestChannels.PUBLIC_BASE_URL + pathAndQuery, form));
		form.forEach(request::param);
		return mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
