package io.smiledesk.clinic;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A provider as the rest of the application sees it.
 *
 * @param languages the languages the provider speaks with patients, as staff list them
 * ("English", "Spanish"); empty when staff have not said
 */
public record ProviderInfo(String id, String name, ProviderRole role, String title, String bio, List<String> languages,
		boolean active, WeeklyHours hours, WeeklyHours breaks, List<Absence> timeOff) {

	public ProviderInfo {
		languages = List.copyOf(languages);
	}

	/** A provider whose languages staff have not listed. */
	public ProviderInfo(String id, String name, ProviderRole role, String title, String bio, boolean active,
			WeeklyHours hours, WeeklyHours breaks, List<Absence> timeOff) {
		this(id, name, role, title, bio, List.of(), active, hours, breaks, timeOff);
	}

	public record Absence(UUID id, Instant startsAt, Instant endsAt, String reason) {
	}

}
