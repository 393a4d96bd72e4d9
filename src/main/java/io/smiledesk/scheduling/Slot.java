package io.smiledesk.scheduling;

import java.time.Instant;

/** A bookable start for a service with the provider and operatory it would use. */
public record Slot(Instant start, Instant end, String providerId, String operatoryId) {
}
