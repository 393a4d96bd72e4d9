package io.smiledesk.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import io.smiledesk.channel.InboundMessages;
import io.smiledesk.conversation.Conversations;
import io.smiledesk.conversation.MessageView;
import io.smiledesk.conversation.Sender;
import io.smiledesk.patient.Channel;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientType;
import io.smiledesk.patient.Patients;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.smiledesk.channel.Webhooks.twilioSms;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the campaign integration tests share: a fixed morning, one lead's phone, the run,
 * the lead's SMS replies through Twilio's webhook, and reads of the campaign's state.
 */
abstract class CampaignFlows {

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

	@Autowired
	CampaignLinks links;

	int sid;

	@BeforeEach
	void reset() {
		data.reset();
	}

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

	org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder book(String name, String email,
			String token) {
		return post("/api/v1/appointments/book").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + name + "\",\"email\":\"" + email
					+ "\",\"service_name\":\"Annual Cleaning\",\"appointment_date\":\"2025-08-12T14:00:00Z\","
					+ "\"provider_id\":\"sam-oneill\",\"campaign_token\":\"" + token + "\"}");
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
