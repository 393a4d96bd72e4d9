package io.smiledesk.campaign;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import io.smiledesk.test.IntegrationTest;

import org.springframework.test.context.TestPropertySource;

import static io.smiledesk.channel.Webhooks.twilioSms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A clinic that does not want strangers who texted once written to again switches the
 * recovery of unnamed leads off; leads with a name are still recovered.
 */
@IntegrationTest
@TestPropertySource(properties = "smiledesk.campaigns.recover-unnamed-leads=false")
class UnnamedLeadsIntegrationTests extends CampaignFlows {

	@Test
	void withTheSwitchOffOnlyNamedLeadsGetARecoveryCampaign() throws Exception {
		clock.set(MORNING.minus(Duration.ofDays(20)));
		mvc.perform(twilioSms("+12015550166", "wrong number sorry", "SM_stranger")).andExpect(status().isOk());
		inbox.answerWaiting();
		data.awaitEvents();
		java.util.UUID tom = lead("Tom Baker", PHONE, null).value();

		clock.set(MORNING);
		runNow().andExpect(jsonPath("$.campaigns_created").value(1));
		assertThat(data.jdbc().queryForObject("select patient_id from campaign", java.util.UUID.class)).isEqualTo(tom);
		assertThat(data.count("patient where patient_type = 'COLD_LEAD'")).isEqualTo(2);
	}

}
