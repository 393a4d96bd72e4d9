package io.smiledesk.campaign;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import io.smiledesk.patient.PatientId;
import io.smiledesk.test.IntegrationTest;

import org.springframework.http.MediaType;

import static io.smiledesk.test.Json.problemJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each kind of reply ends where the design says: a yes gets times and the booking link, a
 * no ends the campaign politely, a question is answered with the link, something else or
 * a clinical problem goes to staff, and staff answering on the thread silence the
 * assistant.
 */
@IntegrationTest
class CampaignRepliesIntegrationTests extends CampaignFlows {

	@Test
	void aQuietLeadIsWrittenToOnceAndAYesLeadsToTimesAndTheLink() throws Exception {
		PatientId lead = lead("Nina Torres", PHONE, null);
		clock.set(MORNING);

		runNow().andExpect(jsonPath("$.campaigns_created").value(1))
			.andExpect(jsonPath("$.messages_queued").value(1))
			.andExpect(jsonPath("$.campaigns_failed").value(0));
		// the same clinic day again: nothing new
		runNow().andExpect(jsonPath("$.campaigns_created").value(0)).andExpect(jsonPath("$.messages_queued").value(0));
		assertThat(data.count("channel_outbound where kind = 'PROACTIVE'")).isEqualTo(1);
		UUID campaign = onlyCampaign();
		assertThat(statusOf(campaign)).isEqualTo("ATTEMPTING_RECOVERY");

		reply("Yes please!");
		assertThat(statusOf(campaign)).isEqualTo("RE_ENGAGED");
		String answer = lastBotMessage(campaign);
		assertThat(answer).contains("/book.html?campaign=" + campaign);
		mvc.perform(get("/api/v1/admin/campaigns/" + campaign).with(staff("FRONT_DESK")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.campaign_details.status").value("RE_ENGAGED"))
			.andExpect(jsonPath("$.campaign_details.patient_name").value("Nina Torres"))
			.andExpect(jsonPath("$.campaign_details.channel.type").value("sms"))
			.andExpect(jsonPath("$.campaign_details.follow_up_details.attempts_made").value(1))
			.andExpect(jsonPath("$.campaign_details.booking_funnel.status").value("FORM_SENT"))
			.andExpect(jsonPath("$.conversation_history.length()").value(3))
			.andExpect(jsonPath("$.conversation_history[0].direction").value("outgoing"))
			.andExpect(jsonPath("$.conversation_history[1].direction").value("incoming"))
			.andExpect(jsonPath("$.conversation_history[1].content").value("Yes please!"));
		mvc.perform(get("/api/v1/admin/interactions/" + campaign).with(staff("FRONT_DESK")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.interactions[1].ai_analysis.intent").value("booking_request"))
			.andExpect(jsonPath("$.interactions[1].ai_analysis.sentiment").value("POSITIVE"));
		assertThat(lead).isNotNull();
	}

	@Test
	void aNoEndsTheCampaignPolitelyAndForGood() throws Exception {
		lead("Grace Kim", PHONE, null);
		clock.set(MORNING);
		runNow();
		UUID campaign = onlyCampaign();
		reply("No thanks, I found another dentist closer to home");
		assertThat(statusOf(campaign)).isEqualTo("RECOVERY_DECLINED");
		assertThat(lastBotMessage(campaign)).startsWith("Thank you for letting us know, Grace.");
		mvc.perform(get("/api/v1/admin/interactions/" + campaign).with(staff("FRONT_DESK")))
			.andExpect(jsonPath("$.interactions[1].ai_analysis.intent").value("service_denial"));
		for (int day = 1; day <= 40; day += 3) {
			clock.set(MORNING.plus(Duration.ofDays(day)));
			runNow().andExpect(jsonPath("$.campaigns_created").value(0))
				.andExpect(jsonPath("$.messages_queued").value(0));
		}
	}

	@Test
	void anAnsweredQuestionGetsTheLinkAndSomethingOffTopicGoesToStaff() throws Exception {
		lead("Ivan Petrov", PHONE, null);
		clock.set(MORNING);
		runNow();
		UUID campaign = onlyCampaign();
		reply("What are your opening hours on Saturday?");
		assertThat(statusOf(campaign)).isEqualTo("RE_ENGAGED");
		assertThat(lastBotMessage(campaign)).contains("/book.html?campaign=");

		clock.advance(Duration.ofMinutes(5));
		reply("my neighbour's cat keeps getting into my garden");
		assertThat(statusOf(campaign)).isEqualTo("HANDOFF_REQUIRED");
		assertThat(lastBotMessage(campaign)).contains("A member of our team will reply");
		mvc.perform(get("/api/v1/admin/campaigns/" + campaign).with(staff("FRONT_DESK")))
			.andExpect(jsonPath("$.campaign_details.handoff_details.reason").value(containsString("campaign_reply")))
			.andExpect(jsonPath("$.campaign_details.handoff_details.summary").value(containsString("cat")));
		mvc.perform(get("/api/v1/admin/dashboard-stats").with(staff("FRONT_DESK")))
			.andExpect(jsonPath("$.kpis.handoffs_requiring_action").value(1));
		// in the same queue as chat handoffs
		mvc.perform(get("/api/v1/admin/conversations").with(staff("FRONT_DESK")))
			.andExpect(jsonPath("$..status", org.hamcrest.Matchers.hasItem("HANDOFF_REQUIRED")));

		mvc.perform(patch("/api/v1/admin/campaigns/" + campaign + "/status").with(staff("FRONT_DESK"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"MANUAL_FOLLOWUP_COMPLETE\"}")).andExpect(status().isOk());
		assertThat(statusOf(campaign)).isEqualTo("MANUAL_FOLLOWUP_COMPLETE");
		assertThat(data.jdbc().queryForObject("select status from conversation", String.class)).isEqualTo("CLOSED");
		// a final campaign stays final
		mvc.perform(patch("/api/v1/admin/campaigns/" + campaign + "/status").with(staff("FRONT_DESK"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"RE_ENGAGED\"}"))
			.andExpect(status().isConflict())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.current_status").value("MANUAL_FOLLOWUP_COMPLETE"))
			.andExpect(jsonPath("$.requested_status").value("RE_ENGAGED"));
	}

	@Test
	void aClinicalProblemInAReplyGoesToStaffByTheSafetyRules() throws Exception {
		lead("Lena Fischer", PHONE, null);
		clock.set(MORNING);
		runNow();
		UUID campaign = onlyCampaign();
		reply("my gum is really swollen and bleeding since yesterday, what should I take?");
		assertThat(statusOf(campaign)).isEqualTo("HANDOFF_REQUIRED");
		assertThat(data.jdbc().queryForObject("select status from conversation", String.class))
			.isEqualTo("HANDOFF_REQUIRED");
		mvc.perform(get("/api/v1/admin/interactions/" + campaign).with(staff("FRONT_DESK")))
			.andExpect(jsonPath("$.interactions[1].ai_analysis.sentiment").value("NEGATIVE"));
	}

	@Test
	void staffAnswerOnTheThreadAndTheAssistantStaysSilent() throws Exception {
		lead("Hugo Brandt", PHONE, null);
		clock.set(MORNING);
		runNow();
		UUID campaign = onlyCampaign();
		mvc.perform(post("/api/v1/admin/campaigns/" + campaign + "/respond").with(staff("FRONT_DESK"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"message\":\"Hi Hugo, Dr Chen asked me to check in personally.\",\"new_status\":\"RE_ENGAGED\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.message").value("Response sent successfully."));
		assertThat(statusOf(campaign)).isEqualTo("RE_ENGAGED");
		assertThat(data.jdbc().queryForObject("select status from conversation", String.class))
			.isEqualTo("HUMAN_ACTIVE");
		int before = data.count("conversation_message where sender = 'BOT'");
		reply("thanks, I'll call you tomorrow");
		assertThat(data.count("conversation_message where sender = 'BOT'")).isEqualTo(before);
		mvc.perform(get("/api/v1/admin/campaigns/" + campaign).with(staff("FRONT_DESK")))
			.andExpect(jsonPath("$.conversation_history.length()").value(3))
			.andExpect(jsonPath("$.conversation_history[1].content").value(containsString("personally")));
	}

}
