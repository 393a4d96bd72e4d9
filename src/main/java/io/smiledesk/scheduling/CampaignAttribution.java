package io.smiledesk.scheduling;

import java.util.Optional;
import java.util.UUID;

/**
 * Which campaign brought a booking about, so that the appointment carries it. The
 * campaigns module answers; without it no booking is attributed.
 */
public interface CampaignAttribution {

	/** The campaign a signed booking link names, if the token is genuine. */
	Optional<String> fromLink(String token);

	/** The patient's campaign a booking by any route counts for, if any. */
	Optional<String> forPatient(UUID patientId);

}
