package io.smiledesk.billing;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is signed in, for the rows billing writes (the audit trail records more). */
final class StaffName {

	/** As {@code Access.FRONT_OFFICE}. */
	private static final java.util.Set<String> FRONT_OFFICE = java.util.Set.of("ROLE_ADMIN", "ROLE_OFFICE_MANAGER",
			"ROLE_FRONT_DESK");

	private StaffName() {
	}

	/** Whether the signed-in member of staff may post to ledgers (the front office). */
	static boolean frontOffice() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch(granted -> FRONT_OFFICE.contains(granted.getAuthority()));
	}

	static String current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || !authentication.isAuthenticated() ? null : authentication.getName();
	}

}
