package io.smiledesk.staff;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Console sign-in through the same rules as the API: lockout, second factor, no account
 * enumeration.
 */
@Component
class ConsoleAuthenticationProvider implements AuthenticationProvider {

	private final StaffAuthentication authentication;

	private final java.time.Clock clock;

	ConsoleAuthenticationProvider(StaffAuthentication authentication, java.time.Clock clock) {
		this.authentication = authentication;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication request) {
		String totp = request.getDetails() instanceof SecurityConfiguration.ConsoleLoginDetails details ? details.totp()
				: null;
		StaffAuthentication.LoginOutcome outcome = authentication.login(request.getName(),
				String.valueOf(request.getCredentials()), totp, "console", true);
		if (outcome instanceof StaffAuthentication.SignedIn signedIn) {
			StaffMember member = signedIn.member();
			// the console keeps its own session: the API tokens issued on the way are not
			// handed out
			authentication.logout(signedIn.tokens().refreshToken());
			UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(
					new StaffPrincipal(member.id(), member.name(), member.email(), member.role(), clock.instant()),
					null, List.of(new SimpleGrantedAuthority("ROLE_" + member.role().name())));
			result.setDetails(request.getDetails());
			return result;
		}
		throw new BadCredentialsException("Sign-in refused");
	}

	@Override
	public boolean supports(Class<?> type) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
	}

}
