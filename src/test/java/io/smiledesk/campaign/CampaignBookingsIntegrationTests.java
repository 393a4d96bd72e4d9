package io.smiledesk.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import io.smiledesk.test.IntegrationTest;

import org.springframework.http.MediaType;

import static io.smiledesk.test.Json.problemJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bookings through a campaign's link are credited to it and the visit recovers it; the
 * staff API speaks the original design's shapes and refuses bad input.
 */
@IntegrationTest
class CampaignBookingsIntegrationTests extends CampaignFlows {

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

}
