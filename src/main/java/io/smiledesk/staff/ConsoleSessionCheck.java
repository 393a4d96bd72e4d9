package io.smiledesk.staff;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a console session as soon as its account is deactivated or signed out everywhere
 * (password change, role change, second factor set up): the same rule that makes API
 * tokens stop working.
 */
class ConsoleSessionCheck extends OncePerRequestFilter {

	private final StaffAuthentication authentication;

	ConsoleSessionCheck(StaffAuthentication authentication) {
		this.authentication = authentication;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current != null && current.getPrincipal() instanceof StaffPrincipal staff
				&& !authentication.accepts(staff.id(), staff.signedInAt())) {
			SecurityContextHolder.clearContext();
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
		}
		chain.doFilter(request, response);
	}

}
