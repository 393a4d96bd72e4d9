package io.smiledesk.clinic;

import java.time.Instant;
import java.util.UUID;

/** A provider's time off taken away: the provider works those hours after all. */
public record TimeOffRemoved(UUID timeOffId, String providerId, Instant startsAt, Instant endsAt) {
}
