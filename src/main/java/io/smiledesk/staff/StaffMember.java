package io.smiledesk.staff;

import java.time.Instant;
import java.util.UUID;

public record StaffMember(UUID id, String name, String email, StaffRole role, boolean active, boolean totpEnabled,
		Instant lastLoginAt, Instant lockedUntil) {
}
