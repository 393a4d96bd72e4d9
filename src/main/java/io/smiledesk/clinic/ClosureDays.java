package io.smiledesk.clinic;

import java.time.LocalDate;
import java.util.UUID;

public record ClosureDays(UUID id, LocalDate startsOn, LocalDate endsOn, String reason) {

	public boolean includes(LocalDate date) {
		return !date.isBefore(startsOn) && !date.isAfter(endsOn);
	}

}
