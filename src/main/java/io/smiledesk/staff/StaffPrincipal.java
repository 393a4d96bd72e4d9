package io.smiledesk.staff;

import java.security.Principal;
import java.time.Instant;
import java.util.UUID;

/**
 * The signed-in member of staff in a console session; its name is the account id, as in
 * API tokens.
 */
public record StaffPrincipal(UUID id, String displayName, String email, StaffRole role,
		Instant signedInAt) implements Principal {

	@Override
	public String getName() {
		return id.toString();
	}

}
