package io.smiledesk.understanding;

import java.time.LocalDateTime;
import java.util.List;

import io.smiledesk.clinic.ClinicSnapshot;

/**
 * What the reader of a message knows besides its text: the clinic-local moment it was
 * written, the clinic (services, providers), what the assistant last asked for (e.g.
 * "confirm", "email", "slot"; may be null) and the last few turns, oldest first.
 */
public record MessageContext(LocalDateTime now, ClinicSnapshot clinic, String awaiting, List<Turn> recent) {

	public record Turn(boolean fromPatient, String text) {
	}

}
