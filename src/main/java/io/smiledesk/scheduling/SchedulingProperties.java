package io.smiledesk.scheduling;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param allowNewPatients whether a public booking may register an unknown patient (false
 * answers 404)
 * @param recallServices services patients may book beyond the clinic's horizon, up to
 * {@code recallHorizon} (the next check-up, booked at the end of a visit)
 */
@ConfigurationProperties("smiledesk.booking")
record SchedulingProperties(@DefaultValue("true") boolean allowNewPatients, @DefaultValue( {
		"Annual Cleaning", "Periodontal Maintenance" }) List<String> recallServices,
		@DefaultValue("400d") Duration recallHorizon){

	RecallHorizon horizon() {
		return RecallHorizon.of(recallServices, recallHorizon);
	}

}
