package io.smiledesk.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.channel.InboundMessages;
import io.smiledesk.conversation.ConversationChannel;
import io.smiledesk.conversation.PatientMessages;
import io.smiledesk.patient.Channel;
import io.smiledesk.patient.PatientType;
import io.smiledesk.patient.Patients;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static io.smiledesk.channel.Webhooks.twilioSms;
import static io.smiledesk.test.Json.body;
import static io.smiledesk.test.Json.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The funnel of journeys towards a booking: what the recorder notes from real chats and
 * campaign threads, and how the query counts it.
 */
@IntegrationTest
class ConversationFunnelIntegrationTests {

	/**
	 * Monday 4 August 2025, 08:30 in New York: inside the clinic's sending hours, before
	 * the daily run's 09:00 (its scheduler ticks in tests too).
	 */
	static final Instant MORNING = Instant.parse("2025-08-04T12:30:00Z");

	static final String PHONE = "+12015550166";

	@Autowired
	ConversationFunnel funnel;

	@Autowired
	PatientMessages chat;

	@Autowired
	Patients patients;

	@Autowired
	CampaignRun run;

	@Autowired
	CampaignLinks links;

	@Autowired
	InboundMessages inbox;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void aJourneyCountsAtEveryStageUpToTheFurthestItReachedWithinThePeriod() {
		Instant now = clock.instant();
		journey(null, now, null, null, null, null);
		journey(null, now, now, null, null, null);
		// held without a recorded offer: the patient named the time, which counts as
		// offered
		journey(null, now, now, null, now, null);
		journey(null, now, null, null, null, now);
		journey(null, now.minus(Duration.ofDays(100)), now, now, now, now);
		journey(UUID.randomUUID(), now, null, null, null, null);
		journey(UUID.randomUUID(), now, null, null, null, now);

		ConversationFunnel.Funnel counted = funnel.since(now.minus(Duration.ofDays(90)));

		assertThat(counted.chat()).isEqualTo(new ConversationFunnel.Counts(4, 3, 2, 2, 1));
		assertThat(counted.campaign()).isEqualTo(new ConversationFunnel.Counts(2, 1, 1, 1, 1));
		assertThat(counted.chat().conversionPercent()).isEqualTo(25.0);
		assertThat(funnel.since(now.plusSeconds(1)).chat()).isEqualTo(ConversationFunnel.Counts.NONE);
	}

	@Test
	void aChatIsRecordedStageByStageUntilItBooks() {
		UUID conversation = chat.receive(null, "Hello, what are your opening hours?", ConversationChannel.WEB)
			.conversationId();
		data.awaitEvents();
		assertThat(stages(conversation)).containsEntry("started", true).containsEntry("service_known", false);

		chat.receive(conversation, "Book me a cleaning on Wednesday at 2pm please. Tom Becker, tom.becker@example.com",
				ConversationChannel.WEB);
		data.awaitEvents();
		assertThat(stages(conversation)).containsEntry("held", true).containsEntry("booked", false);

		chat.receive(conversation, "yes", ConversationChannel.WEB);
		data.awaitEvents();
		assertThat(stages(conversation)).containsEntry("booked", true);
		assertThat(funnel.since(clock.instant().minus(Duration.ofDays(1))).chat())
			.isEqualTo(new ConversationFunnel.Counts(1, 1, 1, 1, 1));
	}

	@Test
	void aCampaignThreadCountsForTheCampaignFromItsFirstMessageToTheBookingThroughItsLink() throws Exception {
		clock.set(MORNING.minus(Duration.ofDays(20)));
		patients.register(new Patients.NewPatient("Nina Torres", patients.contact(null, PHONE), null,
				PatientType.COLD_LEAD, Channel.SMS));
		clock.set(MORNING);
		assertThat(run.runNow().orElseThrow().messagesQueued()).isEqualTo(1);
		data.awaitEvents();
		UUID campaign = data.jdbc().queryForObject("select id from campaign", UUID.class);
		assertThat(stages(campaign)).containsEntry("started", true).containsEntry("service_known", false);

		mvc.perform(twilioSms(PHONE, "Yes please!", "SM_funnel_1")).andExpect(status().isOk());
		inbox.answerWaiting();
		data.awaitEvents();
		// the assistant asks what for: still at the start
		assertThat(stages(campaign)).containsEntry("started", true).containsEntry("service_known", false);
		mvc.perform(twilioSms(PHONE, "A cleaning please", "SM_funnel_2")).andExpect(status().isOk());
		inbox.answerWaiting();
		data.awaitEvents();
		// the service named, times come at once
		assertThat(stages(campaign)).containsEntry("times_offered", true).containsEntry("booked", false);
		// the thread is the campaign's: no second journey for the same conversation
		assertThat(data.count("conversation_funnel")).isEqualTo(1);

		String slots = body(mvc.perform(get("/api/v1/availability/slots").param("service", "annual_cleaning")));
		String start = field(slots, "start");
		mvc.perform(post("/api/v1/appointments/book").contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.content("""
					{"name": "Nina Torres", "phone": "%s", "service_name": "annual_cleaning",
					 "appointment_date": "%s", "campaign_token": "%s"}""".formatted(PHONE, start,
					links.token(campaign))))
			.andExpect(status().isCreated());
		data.awaitEvents();
		assertThat(stages(campaign)).containsEntry("booked", true);
		assertThat(funnel.since(MORNING.minus(Duration.ofDays(1))).campaign())
			.isEqualTo(new ConversationFunnel.Counts(1, 1, 1, 1, 1));
	}

	// --- helpers

	void journey(UUID campaign, Instant started, Instant serviceKnown, Instant offered, Instant held, Instant booked) {
		data.jdbc()
			.update("""
					insert into conversation_funnel (journey_id, clinic_id, conversation_id, campaign_id, started_at,
					    service_known_at, times_offered_at, held_at, booked_at) values (?, 1, ?, ?, ?, ?, ?, ?, ?)""",
					campaign != null ? campaign : UUID.randomUUID(), UUID.randomUUID(), campaign, ts(started),
					ts(serviceKnown), ts(offered), ts(held), ts(booked));
	}

	Map<String, Boolean> stages(UUID journey) {
		return data.jdbc()
			.queryForList("select * from conversation_funnel where journey_id = ?", journey)
			.stream()
			.findFirst()
			.map(row -> Map.of("started", row.get("started_at") != null, "service_known",
					row.get("service_known_at") != null, "times_offered", row.get("times_offered_at") != null, "held",
					row.get("held_at") != null, "booked", row.get("booked_at") != null))
			.orElse(Map.of());
	}

	static java.sql.Timestamp ts(Instant instant) {
		return instant == null ? null : java.sql.Timestamp.from(instant);
	}

}
