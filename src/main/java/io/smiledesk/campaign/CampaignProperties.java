package io.smiledesk.campaign;

import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the daily run goes and how campaigns pace themselves.
 *
 * @param runAt the clinic-local time of the daily run (whether this instance runs it at
 * all is {@code smiledesk.campaigns.scheduler}, read by {@link DailyCampaignRun})
 * @param cadence the wait after each follow-up; the last step repeats
 * @param recoveryCooldown a lead whose recovery campaign ended is not written to again
 * for this long
 * @param publicBaseUrl where patients open booking links (the clinic's SmileDesk address)
 * @param leadQuietFor a lead is written to once it has been quiet this long (a lead still
 * talking to the assistant is not)
 * @param recalls recall types: the service a visit of the type books and how long until
 * the next is due (until a manager edits them, see {@link RecallTypes})
 * @param recoverUnnamedLeads whether leads known only by the address they wrote from (a
 * channel registered them from an unknown sender) get recovery campaigns
 */
@ConfigurationProperties("smiledesk.campaigns")
record CampaignProperties(@DefaultValue("09:00") LocalTime runAt, @DefaultValue("4") int recallMaxAttempts,
		@DefaultValue("4") int recoveryMaxAttempts, @DefaultValue( {
				"P3D", "P7D", "P14D" }) List<Duration> cadence,
		@DefaultValue("P180D") Duration recoveryCooldown, @DefaultValue("http://localhost:8080") String publicBaseUrl,
		@DefaultValue("200") int batch, @DefaultValue("P7D") Duration leadQuietFor, List<RecallType> recalls,
		@DefaultValue("true") boolean recoverUnnamedLeads){

	CampaignProperties {
		if (cadence.isEmpty()) {
			throw new IllegalArgumentException("smiledesk.campaigns.cadence needs at least one step");
		}
		recalls = recalls == null ? List.of() : List.copyOf(recalls);
	}

	int maxAttempts(CampaignType type) {
		return type == CampaignType.RECALL ? recallMaxAttempts : recoveryMaxAttempts;
	}

	/** The wait after follow-up number {@code attempt} (1 for the first). */
	Duration waitAfter(int attempt) {
		return cadence.get(Math.min(attempt, cadence.size()) - 1);
	}

	/**
	 * @param name how staff and patients call it ("check-up and cleaning")
	 * @param services the clinic's services a visit of this type is, by name
	 * @param audience {@code child} for patients under 14, or unset for anyone
	 */
	record RecallType(String code, String name, List<String> services, Period interval, String audience) {

		RecallType {
			services = services == null ? List.of() : List.copyOf(services);
		}

	}

}
