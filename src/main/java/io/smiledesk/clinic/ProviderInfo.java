package io.smiledesk.clinic;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A provider as the rest of the application sees it. */
public record ProviderInfo(String id, String name, ProviderRole role, String title, String bio, boolean active,
		WeeklyHours hours, WeeklyHours breaks, List<Absence> timeOff) {

	public record Absence(UUID id, Instant startsAt, Instant endsAt, String reason) {
	}

}
