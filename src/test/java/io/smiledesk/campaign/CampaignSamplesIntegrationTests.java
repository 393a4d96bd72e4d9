package io.smiledesk.campaign;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo clinic's sample campaigns: every status, each with its thread, nothing due
 * now.
 */
@IntegrationTest
class CampaignSamplesIntegrationTests {

	@Autowired
	CampaignSamples samples;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	CampaignRun run;

	@BeforeEach
	void reset() {
		data.reset();
		clock.set(CampaignFlows.MORNING);
	}

	@Test
	void theDemoHasCampaignsInEveryStatusWithTheirThreadsAndNoneIsDueToday() throws Exception {
		assertThat(samples.seed()).isEqualTo(11);

		List<String> statuses = data.jdbc().queryForList("select distinct status from campaign", String.class);
		assertThat(statuses)
			.containsExactlyInAnyOrderElementsOf(Arrays.stream(CampaignStatus.values()).map(Enum::name).toList());
		assertThat(data.jdbc().queryForObject("""
				select count(*) from campaign c where not exists
				  (select 1 from campaign_interaction i where i.campaign_id = c.id)""", Integer.class)).isZero();
		assertThat(data.jdbc().queryForObject("select max(updated_at) from campaign", Instant.class))
			.isBeforeOrEqualTo(clock.instant());
		mvc.perform(get("/api/v1/admin/dashboard-stats").with(CampaignFlows.staff("FRONT_DESK")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kpis.handoffs_requiring_action").value(1))
			.andExpect(jsonPath("$.recoveries").value(2))
			.andExpect(jsonPath("$.pipeline_value_recovered").value(1070.00));
		// history, not work: the run today sends nothing and starts nothing for them
		CampaignRun.Result result = run.runNow().orElseThrow();
		assertThat(result.campaignsCreated()).isZero();
		assertThat(result.messagesQueued()).isZero();
		// a second seeding adds nothing
		assertThat(samples.seed()).isZero();
	}

}
