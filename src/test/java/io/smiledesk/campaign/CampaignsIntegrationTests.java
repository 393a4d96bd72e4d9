package io.smiledesk.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.channel.InboundMessages;
import io.smiledesk.conversation.Conversations;
import io.smiledesk.conversation.MessageView;
import io.smiledesk.conversation.Sender;
import io.smiledesk.patient.Channel;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientType;
import io.smiledesk.patient.Patients;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.smiledesk.channel.Webhooks.twilioSms;
import static io.smiledesk.test.Json.problemJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The engagement loop on a fixed clock: the run writes to a lead, the lead replies by SMS
 * through Twilio's webhook, and each kind of reply ends where the design says; bookings,
 * visits and the staff API move campaigns too.
 */
@IntegrationTest
class CampaignsIntegrationTests {

	/** Monday 4 August 2025, 09:30 in New York: inside the clinic's sending hours. */
	static final Instant MORNING = Instant.parse("2025-08-04T13:30:00Z");

	static final String PHONE = "+12015550188";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Autowired
	Patients patients;

	@Autowired
	InboundMessages inbox;

	@Autowired
	CampaignRun run;

	@Autowired
	Conversations conversations;

	int sid;

	@BeforeEach
	void reset() {
		data.reset();
	}

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

	// --- helpers

	PatientId lead(String name, String phone, String email) {
		Instant created = clock.instant();
		clock.set(MORNING.minus(Duration.ofDays(20)));
		PatientId id = patients
			.register(new Patients.NewPatient(name, patients.contact(email, phone), null, PatientType.COLD_LEAD,
					phone == null ? Channel.EMAIL : Channel.SMS))
			.id();
		clock.set(created);
		return id;
	}

	org.springframework.test.web.servlet.ResultActions runNow() throws Exception {
		return mvc.perform(post("/api/v1/admin/campaigns/run").with(staff("OFFICE_MANAGER")))
			.andExpect(status().isOk());
	}

	void reply(String text) throws Exception {
		mvc.perform(twilioSms(PHONE, text, "SM_reply_" + (++sid))).andExpect(status().isOk());
		inbox.answerWaiting();
		data.awaitEvents();
	}

	UUID onlyCampaign() {
		return data.jdbc().queryForObject("select id from campaign", UUID.class);
	}

	String statusOf(UUID campaign) {
		return data.jdbc().queryForObject("select status from campaign where id = ?", String.class, campaign);
	}

	String lastBotMessage(UUID campaign) {
		UUID conversation = data.jdbc()
			.queryForObject("select conversation_id from campaign where id = ?", UUID.class, campaign);
		List<MessageView> messages = conversations.messages(conversation, 0, 200).getContent();
		return messages.stream()
			.filter(message -> message.sender() == Sender.BOT)
			.reduce((first, second) -> second)
			.map(MessageView::text)
			.orElse(null);
	}

	static RequestPostProcessor staff(String role) {
		return jwt().jwt(token -> token.subject(UUID.randomUUID().toString()))
			.authorities(new SimpleGrantedAuthority("ROLE_" + role));
	}

}
