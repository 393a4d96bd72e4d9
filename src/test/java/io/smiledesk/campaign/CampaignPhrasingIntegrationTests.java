package io.smiledesk.campaign;

import java.time.Duration;
import java.util.UUID;

import dev.langchain4j.model.openai.OpenAiChatModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import io.smiledesk.assistant.phrasing.ModelReplyPhrasing;
import io.smiledesk.assistant.phrasing.ReplyPhrasing;
import io.smiledesk.test.FakeOpenAiServer;
import io.smiledesk.test.IntegrationTest;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With a language model configured, a follow-up goes out in the model's words when they
 * keep every fact of the template's text, and as the template's text when they change one
 * (a price added) or the model fails.
 */
@IntegrationTest
class CampaignPhrasingIntegrationTests extends CampaignFlows {

	static final FakeOpenAiServer MODEL = FakeOpenAiServer.start();

	@TestConfiguration
	static class Model {

		@Bean
		@Primary
		ReplyPhrasing modelPhrasing() {
			return new ModelReplyPhrasing(OpenAiChatModel.builder()
				.baseUrl(MODEL.baseUrl())
				.apiKey("test-key")
				.modelName("fake-model")
				.timeout(Duration.ofSeconds(5))
				.maxRetries(0)
				.build());
		}

	}

	@AfterAll
	static void stopModel() {
		MODEL.close();
	}

	@Test
	void aRewriteThatKeepsEveryFactIsSentAndOneThatAddsAPriceIsNot() throws Exception {
		clock.set(MORNING);
		UUID campaign = lead();
		String link = links.url(campaign);
		String draft = "Hi Zoe, this is Brightside Dental. You asked us about teeth whitening a while ago. We'd be "
				+ "glad to help; reply with any question, or book a visit here: " + link;
		String rewrite = "Hello Zoe! It's Brightside Dental. A while ago you asked us about teeth whitening, and we'd "
				+ "be glad to help: reply with any question, or book a visit here: " + link;
		MODEL.reply(json(rewrite));
		runNow();
		assertThat(rewrite).isNotEqualTo(draft);
		assertThat(sent()).isEqualTo(rewrite);
		assertThat(MODEL.requests().get(MODEL.requests().size() - 1).messageOf("user")).contains("teeth whitening");

		// three days later, the second follow-up: the model adds a discount nobody
		// offered
		clock.set(MORNING.plus(Duration.ofDays(3)));
		MODEL.reply(json("Hi Zoe! Whitening is 20% off this month at Brightside Dental, book here: " + link));
		runNow();
		assertThat(sent()).doesNotContain("20%").contains(link).startsWith("Hi Zoe");

		// and when the model fails, the template's text
		clock.set(MORNING.plus(Duration.ofDays(10)));
		MODEL.fail(500);
		runNow();
		assertThat(sent()).startsWith("Hi Zoe").contains(link);
		assertThat(data.count("channel_outbound where kind = 'PROACTIVE'")).isEqualTo(3);
	}

	/** A lead staff entered, with the campaign not yet written to. */
	UUID lead() throws Exception {
		String body = mvc
			.perform(post("/api/v1/admin/campaigns/recovery").with(staff("FRONT_DESK"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"patient_name\":\"Zoe Park\",\"patient_phone\":\"" + PHONE
						+ "\",\"preferred_channel\":\"SMS\",\"initial_inquiry\":\"Asked about teeth whitening\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(com.jayway.jsonpath.JsonPath.read(body, "$.campaign_id"));
	}

	/** The last follow-up's text, as it went out on the campaign's thread. */
	String sent() {
		return lastBotMessage(onlyCampaign());
	}

	static String json(String reply) {
		return "{\"reply\":\"" + reply.replace("\"", "\\\"") + "\"}";
	}

}
