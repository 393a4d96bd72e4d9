package io.smiledesk.test;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffMember;
import io.smiledesk.staff.StaffPrincipal;
import io.smiledesk.staff.StaffRole;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * Console requests in MockMvc as a real staff account of a given role, signed in the way
 * the console's sign-in leaves the session (the sign-in itself is tested in the staff
 * module). Combine with {@code csrf()} for posts.
 */
public final class ConsoleStaff {

	public static final String PASSWORD = "Correct-Horse-42!";

	private ConsoleStaff() {
	}

	/**
	 * A fresh account of the role, and a request post-processor that is signed in as it.
	 */
	public static RequestPostProcessor signedIn(StaffAccounts accounts, Clock clock, StaffRole role) {
		StaffMember member = accounts.create("Console " + role,
				role.name().toLowerCase().replace('_', '-') + "-" + UUID.randomUUID() + "@test.example", role,
				PASSWORD);
		return as(member, clock);
	}

	public static RequestPostProcessor as(StaffMember member, Clock clock) {
		StaffPrincipal principal = new StaffPrincipal(member.id(), member.name(), member.email(), member.role(),
				clock.instant());
		return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + member.role().name()))));
	}

}
