package io.smiledesk.system;

import java.io.IOException;
import java.security.Principal;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Charges API requests (and the console's sign-in and the staff calendar feeds) to their
 * endpoint group's budget per client IP (per account for staff endpoints) and refuses
 * them with a 429 problem and {@code Retry-After} once it is spent. Registered only when
 * rate limits are enabled.
 */
@Order(RateLimitFilter.ORDER)
class RateLimitFilter extends OncePerRequestFilter {

	/**
	 * Early, before the request size filter and the controllers, but after Spring
	 * Security's filter chain (-100) once there is one, so that staff requests are
	 * counted per signed-in account.
	 */
	static final int ORDER = -50;

	private final RateLimiter limiter;

	private final boolean trustForwardedFor;

	RateLimitFilter(RateLimiter limiter, boolean trustForwardedFor) {
		this.limiter = limiter;
		this.trustForwardedFor = trustForwardedFor;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = path(request);
		return !path.startsWith("/api/") && !under(path, "/login") && !path.startsWith("/calendar/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> group = group(request.getMethod(), path(request));
		if (group.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		RateLimiter.Decision decision = limiter.tryConsume(group.get(), key(group.get(), request));
		if (decision instanceof RateLimiter.Refused refused) {
			if (RateLimiter.CONSOLE_LOGIN_PER_IP.equals(group.get())) {
				refusePage(response, refused);
			}
			else {
				refuse(response, refused);
			}
			return;
		}
		if (decision instanceof RateLimiter.Allowed allowed && allowed.counted()) {
			response.setHeader("X-RateLimit-Remaining", Long.toString(allowed.remaining()));
		}
		chain.doFilter(request, response);
	}

	/**
	 * The group a request is charged to, if any. Chat, payment and login endpoints are
	 * counted before they exist.
	 */
	static Optional<String> group(String method, String path) {
		// message understanding and knowledge search cost what a chat message costs
		if (under(path, "/api/v1/chat") || under(path, "/api/v1/nlu") || under(path, "/api/v1/knowledge")) {
			return Optional.of(RateLimiter.CHAT_PER_IP);
		}
		if ("POST".equals(method) && under(path, "/api/v1/appointments")) {
			return Optional.of(RateLimiter.BOOKING_PER_IP);
		}
		if (under(path, "/api/v1/payments")) {
			return Optional.of(RateLimiter.PAYMENT_PER_IP);
		}
		if (under(path, "/api/v1/admin")) {
			return Optional.of(RateLimiter.ADMIN_PER_ACCOUNT);
		}
		if ("POST".equals(method) && "/api/v1/auth/login".equals(path)) {
			return Optional.of(RateLimiter.LOGIN_PER_IP);
		}
		// the console's sign-in steps (password, code, authenticator set-up): a budget of
		// its own, since a clinic's staff sign in from one address, two or three steps
		// each
		if ("POST".equals(method) && under(path, "/login")) {
			return Optional.of(RateLimiter.CONSOLE_LOGIN_PER_IP);
		}
		// staff phones' calendar feeds (/calendar/{token}.ics): no login, so per IP
		if (path.startsWith("/calendar/")) {
			return Optional.of(RateLimiter.CALENDAR_FEED_PER_IP);
		}
		return Optional.empty();
	}

	/**
	 * Staff are counted per account; an anonymous staff request (no login yet) per IP.
	 * Everything else per IP.
	 */
	private String key(String group, HttpServletRequest request) {
		if (RateLimiter.ADMIN_PER_ACCOUNT.equals(group)) {
			Principal principal = request.getUserPrincipal();
			if (principal != null && principal.getName() != null) {
				return "account:" + principal.getName();
			}
			return "ip:" + clientIp(request, trustForwardedFor);
		}
		return clientIp(request, trustForwardedFor);
	}

	/**
	 * The first {@code X-Forwarded-For} entry when trusted, else the connection's
	 * address. Only trust the header behind a proxy that overwrites it: a proxy that
	 * appends leaves the first entry to the client.
	 */
	static String clientIp(HttpServletRequest request, boolean trustForwardedFor) {
		if (trustForwardedFor) {
			String forwarded = request.getHeader("X-Forwarded-For");
			if (forwarded != null) {
				String first = forwarded.split(",", 2)[0].trim();
				if (!first.isEmpty()) {
					return first;
				}
			}
		}
		return request.getRemoteAddr();
	}

	/**
	 * The path within the dispatcher servlet, as Spring MVC matches it: decoded and
	 * normalised by the container, unlike the raw URI, which encoding ({@code %61dmin})
	 * or path parameters could disguise.
	 */
	private static String path(HttpServletRequest request) {
		String pathInfo = request.getPathInfo();
		return pathInfo != null ? pathInfo : request.getServletPath();
	}

	private static boolean under(String path, String prefix) {
		return path.equals(prefix) || path.startsWith(prefix + "/");
	}

	/** The console's sign-in is a browser form: a page, not problem+json. */
	private static void refusePage(HttpServletResponse response, RateLimiter.Refused refused) throws IOException {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
		response.setContentType("text/html;charset=UTF-8");
		response.getWriter().write("""
				<!DOCTYPE html>
				<html lang="en">
				<head><meta charset="utf-8"><title>Too many sign-in attempts</title>
				<link rel="stylesheet" href="/assets/console.css"></head>
				<body><main><section class="login" role="alert">
				<h1>Too many sign-in attempts</h1>
				<p>Too many sign-in attempts from your network. Please try again in %d seconds.</p>
				<p><a href="/login">Back to sign-in</a></p>
				</section></main></body>
				</html>
				""".formatted(refused.retryAfterSeconds()));
	}

	private static void refuse(HttpServletResponse response, RateLimiter.Refused refused) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
		ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS.value(), "rate-limited", "Too many requests",
				refused.detail());
	}

}
