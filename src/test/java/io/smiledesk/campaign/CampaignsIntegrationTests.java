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

	@Autowired
	CampaignLinks links;

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

	@Test
	void aBookingThroughTheLinkIsCreditedAndTheVisitRecoversTheCampaign() throws Exception {
		lead("Omar Haddad", PHONE, "omar@example.com");
		clock.set(MORNING);
		runNow();
		UUID campaign = onlyCampaign();
		reply("yes, any weekday morning works");
		assertThat(statusOf(campaign)).isEqualTo("RE_ENGAGED");

		// a tampered link books nothing
		mvc.perform(book("Omar Haddad", "omar@example.com", campaign + ".0000"))
			.andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field").value("campaign_token"));
		assertThat(data.count("appointment")).isZero();

		String body = mvc.perform(book("Omar Haddad", "omar@example.com", links.token(campaign)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID appointment = UUID.fromString(com.jayway.jsonpath.JsonPath.read(body, "$.appointment_id"));
		data.awaitEvents();
		assertThat(data.jdbc().queryForObject("select campaign_id from appointment", String.class))
			.isEqualTo(campaign.toString());
		assertThat(statusOf(campaign)).isEqualTo("BOOKING_INITIATED");
		assertThat(data.jdbc().queryForObject("select funnel_status from campaign", String.class))
			.isEqualTo("FORM_SUBMITTED");
		// booked: no more follow-ups
		clock.set(MORNING.plus(Duration.ofDays(5)));
		runNow().andExpect(jsonPath("$.messages_queued").value(0));

		clock.set(Instant.parse("2025-08-12T15:00:00Z"));
		mvc.perform(post("/api/v1/admin/appointments/" + appointment + "/complete").with(staff("FRONT_DESK"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isOk());
		data.awaitEvents();
		assertThat(statusOf(campaign)).isEqualTo("RECOVERED");
		// a cleaning is a recall type: the next is due six months and a day later
		assertThat(data.jdbc().queryForObject("select next_follow_up_date from patient", LocalDate.class))
			.isEqualTo(LocalDate.of(2026, 2, 13));
		mvc.perform(get("/api/v1/admin/dashboard-stats").with(staff("DENTIST")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kpis.appointments_booked_month").value(1))
			.andExpect(jsonPath("$.kpis.active_recovery_campaigns").value(0))
			.andExpect(jsonPath("$.conversion_rates.recovery_rate_percent").value(100.0))
			.andExpect(jsonPath("$.recoveries").value(1))
			.andExpect(jsonPath("$.pipeline_value_recovered").value(120.00));
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
	void silenceRunsTheCadenceToTheLastAttemptAndThenFails() throws Exception {
		lead("Tom Baker", PHONE, null);
		clock.set(MORNING);
		int sent = 0;
		int failed = 0;
		for (int day = 0; day <= 40; day++) {
			clock.set(MORNING.plus(Duration.ofDays(day)));
			String body = runNow().andReturn().getResponse().getContentAsString();
			sent += (Integer) com.jayway.jsonpath.JsonPath.read(body, "$.messages_queued");
			failed += (Integer) com.jayway.jsonpath.JsonPath.read(body, "$.campaigns_failed");
		}
		assertThat(sent).isEqualTo(4);
		assertThat(failed).isEqualTo(1);
		assertThat(data.jdbc()
			.queryForList("select created_at from channel_outbound where kind = 'PROACTIVE' order by created_at",
					Instant.class))
			.extracting(at -> Duration.between(MORNING, at).toDays())
			.containsExactly(0L, 3L, 10L, 24L);
		assertThat(statusOf(onlyCampaign())).isEqualTo("RECOVERY_FAILED");
	}

	@Test
	void quietHoursDeferAndAnOptOutMovesToAnotherChannelOrFails() throws Exception {
		lead("Ada Lovelace", PHONE, "ada@example.com");
		// 22:30 in New York: nothing goes out, the campaign waits for the morning
		clock.set(Instant.parse("2025-08-05T02:30:00Z"));
		runNow().andExpect(jsonPath("$.campaigns_created").value(1)).andExpect(jsonPath("$.messages_queued").value(0));
		assertThat(data.jdbc().queryForObject("select next_attempt_at from campaign", Instant.class))
			.isEqualTo(Instant.parse("2025-08-05T12:00:00Z"));

		// she texted STOP meanwhile: email instead
		mvc.perform(twilioSms(PHONE, "STOP", "SM_stop")).andExpect(status().isOk());
		inbox.answerWaiting();
		clock.set(MORNING.plus(Duration.ofDays(1)));
		runNow().andExpect(jsonPath("$.messages_queued").value(1));
		assertThat(data.jdbc()
			.queryForObject("select channel from channel_outbound where kind = 'PROACTIVE'", String.class))
			.isEqualTo("EMAIL");
	}

	@Test
	void recallGoesToPatientsDueWhoHaveNotBooked() throws Exception {
		clock.set(MORNING.minus(Duration.ofDays(200)));
		PatientId due = patients
			.register(new Patients.NewPatient("Maria Lopez", patients.contact(null, PHONE), null, PatientType.EXISTING,
					Channel.SMS))
			.id();
		patients.recordTreatment(due, new io.smiledesk.patient.TreatmentRecord(null, "Annual Cleaning",
				LocalDate.of(2025, 1, 20), null, LocalDate.of(2025, 7, 21), null));
		PatientId booked = patients
			.register(new Patients.NewPatient("Ben Ode", patients.contact(null, "+12015550199"), null,
					PatientType.EXISTING, Channel.SMS))
			.id();
		patients.recordTreatment(booked, new io.smiledesk.patient.TreatmentRecord(null, "Annual Cleaning",
				LocalDate.of(2025, 1, 20), null, LocalDate.of(2025, 7, 21), null));
		clock.set(MORNING);
		mvc.perform(book("Ben Ode", null, null).content("""
				{"name":"Ben Ode","phone":"+12015550199","service_name":"Annual Cleaning",
				 "appointment_date":"2025-08-12T14:00:00Z","provider_id":"sam-oneill"}"""))
			.andExpect(status().isCreated());

		runNow().andExpect(jsonPath("$.campaigns_created").value(1)).andExpect(jsonPath("$.messages_queued").value(1));
		assertThat(data.jdbc().queryForObject("select patient_id from campaign", UUID.class)).isEqualTo(due.value());
		assertThat(data.jdbc().queryForObject("select campaign_type from campaign", String.class)).isEqualTo("RECALL");
		UUID conversation = data.jdbc().queryForObject("select conversation_id from campaign", UUID.class);
		String text = conversations.messages(conversation, 0, 10).getContent().get(0).text();
		assertThat(text).startsWith("Hi Maria,").contains("annual cleaning").contains("January 20, 2025");
		mvc.perform(get("/api/v1/admin/recalls").with(staff("FRONT_DESK")))
			.andExpect(jsonPath("$.recalls.length()").value(2))
			.andExpect(jsonPath("$.recalls[?(@.patient_name == 'Ben Ode')].state").value("SCHEDULED"))
			.andExpect(jsonPath("$.recalls[?(@.patient_name == 'Maria Lopez')].state").value("OVERDUE"));
	}

	@Test
	void twoInstancesRunTheDailyJobOnce() throws Exception {
		lead("Sara Ali", PHONE, null);
		clock.set(MORNING);
		java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var first = two.submit(() -> run.runDaily(java.time.LocalTime.of(9, 0)));
			var second = two.submit(() -> run.runDaily(java.time.LocalTime.of(9, 0)));
			assertThat(java.util.stream.Stream.of(first.get(), second.get()).filter(java.util.Optional::isPresent))
				.hasSize(1);
		}
		finally {
			two.shutdown();
		}
		assertThat(run.runDaily(java.time.LocalTime.of(9, 0))).isEmpty();
		assertThat(data.count("campaign")).isEqualTo(1);
		assertThat(data.count("channel_outbound where kind = 'PROACTIVE'")).isEqualTo(1);
		assertThat(data.jdbc().queryForObject("select messages_queued from campaign_run", Integer.class)).isEqualTo(1);
		// before its time, the daily run waits
		clock.set(MORNING.plus(Duration.ofDays(1)).minus(Duration.ofHours(1)));
		assertThat(run.runDaily(java.time.LocalTime.of(9, 0))).isEmpty();
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

	@Test
	void theStaffApiSpeaksTheOriginalShapesAndRefusesBadInput() throws Exception {
		clock.set(MORNING);
		String created = mvc
			.perform(post("/api/v1/admin/campaigns/recovery").with(staff("FRONT_DESK"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"patient_name":"Zoe Park","patient_email":"zoe@example.com",
						 "initial_inquiry":"Asked about teeth whitening before her wedding","estimated_value":350}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.message").value("Recovery campaign created successfully."))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = com.jayway.jsonpath.JsonPath.read(created, "$.campaign_id");
		assertThat(data.jdbc().queryForObject("select patient_type from patient", String.class)).isEqualTo("COLD_LEAD");
		assertThat(data.jdbc().queryForObject("select due_service from campaign", String.class))
			.isEqualTo("Teeth Whitening");
		// one active campaign per patient
		mvc.perform(post("/api/v1/admin/campaigns/recovery").with(staff("FRONT_DESK"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"patient_name\":\"Zoe Park\",\"patient_email\":\"zoe@example.com\"}"))
			.andExpect(status().isConflict())
			.andExpect(problemJson());
		mvc.perform(post("/api/v1/admin/campaigns/recovery").with(staff("FRONT_DESK"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"patient_name\":\"No Contact\"}")).andExpect(status().isBadRequest()).andExpect(problemJson());

		mvc.perform(get("/api/v1/admin/campaigns?status=ATTEMPTING_RECOVERY&type=RECOVERY&page=1&limit=25")
			.with(staff("FRONT_DESK")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.pagination.total_items").value(1))
			.andExpect(jsonPath("$.pagination.total_pages").value(1))
			.andExpect(jsonPath("$.pagination.current_page").value(1))
			.andExpect(jsonPath("$.campaigns[0].campaign_id").value(id))
			.andExpect(jsonPath("$.campaigns[0].patient_name").value("Zoe Park"))
			.andExpect(jsonPath("$.campaigns[0].campaign_type").value("RECOVERY"))
			.andExpect(jsonPath("$.campaigns[0].last_updated").exists());
		mvc.perform(get("/api/v1/admin/campaigns?status=RECOVERED").with(staff("FRONT_DESK")))
			.andExpect(jsonPath("$.pagination.total_items").value(0));
		mvc.perform(get("/api/v1/admin/campaigns?status=SLEEPING").with(staff("FRONT_DESK")))
			.andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		mvc.perform(get("/api/v1/admin/campaigns?limit=1000").with(staff("FRONT_DESK")))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/admin/campaigns/" + UUID.randomUUID()).with(staff("FRONT_DESK")))
			.andExpect(status().isNotFound())
			.andExpect(problemJson());
		// nothing sent yet: no thread to answer on
		mvc.perform(post("/api/v1/admin/campaigns/" + id + "/respond").with(staff("FRONT_DESK"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"message\":\"Hello\"}")).andExpect(status().isConflict()).andExpect(problemJson());

		mvc.perform(post("/api/v1/admin/interactions").with(staff("FRONT_DESK"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"campaign_id\":\"" + id
					+ "\",\"direction\":\"incoming\",\"content\":\"Called back: wants a quote first, annoyed about the wait last time\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.message").value("Interaction created successfully."))
			.andExpect(jsonPath("$.interaction_id").exists());
		mvc.perform(post("/api/v1/admin/interactions").with(staff("FRONT_DESK"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"campaign_id\":\"" + id + "\",\"direction\":\"sideways\",\"content\":\"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("direction"));
		mvc.perform(post("/api/v1/admin/interactions").with(staff("FRONT_DESK"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"campaign_id\":\"" + UUID.randomUUID() + "\",\"direction\":\"incoming\",\"content\":\"x\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/admin/interactions/" + id).with(staff("FRONT_DESK")))
			.andExpect(jsonPath("$.interactions[0].interaction_id").exists())
			.andExpect(jsonPath("$.interactions[0].campaign_id").value(id))
			.andExpect(jsonPath("$.interactions[0].direction").value("incoming"))
			.andExpect(jsonPath("$.interactions[0].ai_analysis.sentiment").value("NEGATIVE"))
			.andExpect(jsonPath("$.interactions[0].timestamp").exists());
		// the trail is written shortly after the request
		String audited = "audit_entry where action = 'campaign.interaction-recorded' and resource_id = '" + id + "'";
		for (int wait = 0; wait < 100 && data.count(audited) == 0; wait++) {
			Thread.sleep(50);
		}
		assertThat(data.count(audited)).isEqualTo(1);
		// the front desk works campaigns, only managers run the job
		mvc.perform(post("/api/v1/admin/campaigns/run").with(staff("FRONT_DESK"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/admin/campaigns").with(staff("DENTIST"))).andExpect(status().isForbidden());
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
