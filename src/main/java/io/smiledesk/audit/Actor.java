package io.smiledesk.audit;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who acted and from where. A staff member is their account id and role; a patient using
 * a public endpoint is "public"; work without a request (start-up, commands, jobs) is
 * "system".
 */
public record Actor(String id, String role, String ip, String userAgent) {

	public static Actor current() {
		HttpServletRequest request = request();
		String ip = request == null ? null : request.getRemoteAddr();
		String agent = request == null ? null : request.getHeader("User-Agent");
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return new Actor(request == null ? "system" : "public", null, ip, agent);
		}
		return new Actor(authentication.getName(), role(authentication), ip, agent);
	}

	/**
	 * A named account acting in the current request (a sign-in, before any security
	 * context exists).
	 */
	public static Actor account(String id, String role) {
		Actor current = current();
		return new Actor(id == null ? "unknown" : id, role, current.ip(), current.userAgent());
	}

	private static String role(Authentication authentication) {
		if (authentication instanceof JwtAuthenticationToken jwt && jwt.getToken().getClaimAsString("role") != null) {
			return jwt.getToken().getClaimAsString("role");
		}
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority.startsWith("ROLE_"))
			.map(authority -> authority.substring(5))
			.findFirst()
			.orElse(null);
	}

	private static HttpServletRequest request() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest() : null;
	}

}
