package io.smiledesk.clinic;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;

/** A bookable service as the rest of the application sees it. */
public record ServiceInfo(String id, String name, String description, int durationMinutes, int bufferMinutes,
		BigDecimal price, Set<ProviderRole> roles, boolean active) {

	public ServiceInfo {
		roles = Set.copyOf(roles);
	}

	public Duration duration() {
		return Duration.ofMinutes(durationMinutes);
	}

	public Duration buffer() {
		return Duration.ofMinutes(bufferMinutes);
	}

	public boolean canBeDoneBy(ProviderRole role) {
		return roles.contains(role);
	}

}
