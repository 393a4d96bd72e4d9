package io.smiledesk.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import io.smiledesk.patient.Channel;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientType;
import io.smiledesk.patient.Patients;
import io.smiledesk.test.IntegrationTest;

import static io.smiledesk.channel.Webhooks.twilioSms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The proactive run: the cadence to the last attempt, quiet hours and opt-outs, recalls
 * for patients due who have not booked, and the daily job running once across instances.
 */
@IntegrationTest
class CampaignCadenceIntegrationTests extends CampaignFlows {

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
	void aLeadKnownOnlyByTheNumberTheyTextedFromIsGreetedWithoutIt() throws Exception {
		clock.set(MORNING.minus(Duration.ofDays(20)));
		mvc.perform(twilioSms(PHONE, "hi, how much is a crown?", "SM_unknown")).andExpect(status().isOk());
		inbox.answerWaiting();
		data.awaitEvents();
		assertThat(data.jdbc().queryForObject("select patient_type from patient", String.class)).isEqualTo("COLD_LEAD");

		clock.set(MORNING);
		runNow().andExpect(jsonPath("$.campaigns_created").value(1)).andExpect(jsonPath("$.messages_queued").value(1));
		UUID conversation = data.jdbc().queryForObject("select conversation_id from campaign", UUID.class);
		String text = conversations.messages(conversation, 0, 10)
			.getContent()
			.stream()
			.reduce((first, second) -> second)
			.orElseThrow()
			.text();
		assertThat(text).startsWith("Hi, this is Brightside Dental.").doesNotContain(PHONE);
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

}
