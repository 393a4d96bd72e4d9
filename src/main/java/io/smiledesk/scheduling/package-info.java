/**
 * Scheduling: availability, appointments and their lifecycle, holds, booking rules and
 * idempotent booking. Overlaps are made impossible by the database (see
 * {@code slot_claim}), not by checks alone.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scheduling")
package io.smiledesk.scheduling;
