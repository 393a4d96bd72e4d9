package io.smiledesk.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.ConsumptionProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Request budgets per client and endpoint group ({@code smiledesk.rate-limits.*}).
 * {@link RateLimitFilter} charges the groups it can tell from the request (client IP,
 * signed-in account); modules charge the keys only they can see, such as the chat session
 * inside a message or the account of a login:
 *
 * <pre>
 * if (rateLimiter.tryConsume(RateLimiter.LOGIN_PER_ACCOUNT, email) instanceof RateLimiter.Refused refused) {
 * 	throw refused.problem();
 * }
 * </pre>
 */
public class RateLimiter {

	public static final String CHAT_PER_SESSION = "chat-per-session";

	public static final String CHAT_PER_IP = "chat-per-ip";

	public static final String BOOKING_PER_IP = "booking-per-ip";

	public static final String PAYMENT_PER_IP = "payment-per-ip";

	public static final String ADMIN_PER_ACCOUNT = "admin-per-account";

	public static final String LOGIN_PER_IP = "login-per-ip";

	public static final String LOGIN_PER_ACCOUNT = "login-per-account";

	public static final String CONSOLE_LOGIN_PER_IP = "console-login-per-ip";

	public static final String CALENDAR_FEED_PER_IP = "calendar-feed-per-ip";

	private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

	private final RateLimitProperties properties;

	private final BucketStore store;

	private final Map<String, Bandwidth> limits;

	private final AtomicBoolean storeFailing = new AtomicBoolean();

	RateLimiter(RateLimitProperties properties, BucketStore store) {
		this.properties = properties;
		this.store = store;
		this.limits = Map.of(CONSOLE_LOGIN_PER_IP, bandwidth(properties.consoleLoginPerIp()), CHAT_PER_SESSION,
				bandwidth(properties.chatPerSession()), CHAT_PER_IP, bandwidth(properties.chatPerIp()), BOOKING_PER_IP,
				bandwidth(properties.bookingPerIp()), PAYMENT_PER_IP, bandwidth(properties.paymentPerIp()),
				ADMIN_PER_ACCOUNT, bandwidth(properties.adminPerAccount()), LOGIN_PER_IP,
				bandwidth(properties.loginPerIp()), LOGIN_PER_ACCOUNT, bandwidth(properties.loginPerAccount()),
				CALENDAR_FEED_PER_IP, bandwidth(properties.calendarFeedPerIp()));
	}

	/**
	 * Charges one request to {@code key} (an IP, a session id, an account) in
	 * {@code group} (one of the constants). Always allowed when rate limits are switched
	 * off.
	 */
	public Decision tryConsume(String group, String key) {
		Bandwidth limit = limits.get(group);
		if (limit == null) {
			throw new IllegalArgumentException("Unknown rate limit group '" + group + "'");
		}
		if (!properties.enabled()) {
			return Allowed.UNLIMITED;
		}
		ConsumptionProbe probe;
		try {
			probe = store.tryConsume(group + ":" + digest(key), limit);
		}
		catch (RuntimeException ex) {
			// Failing open: an unreachable Redis should not take booking down with it.
			if (storeFailing.compareAndSet(false, true)) {
				log.warn("Rate limit store failed ({}); requests pass unlimited until it answers again", ex.toString());
			}
			return Allowed.UNLIMITED;
		}
		if (storeFailing.compareAndSet(true, false)) {
			log.info("Rate limit store answers again");
		}
		if (probe.isConsumed()) {
			return new Allowed(probe.getRemainingTokens());
		}
		long second = TimeUnit.SECONDS.toNanos(1);
		return new Refused(Math.max(1, (probe.getNanosToWaitForRefill() + second - 1) / second));
	}

	private static Bandwidth bandwidth(RateLimitProperties.Limit limit) {
		return Bandwidth.builder().capacity(limit.requests()).refillGreedy(limit.requests(), limit.period()).build();
	}

	/**
	 * Keys are hashed: fixed length whatever the client sent, and no emails or IPs in
	 * Redis.
	 */
	private static String digest(String key) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest(String.valueOf(key).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	/** Whether a request may go ahead: {@link Allowed} or {@link Refused}. */
	public sealed interface Decision permits Allowed, Refused {

		default boolean allowed() {
			return this instanceof Allowed;
		}

	}

	/**
	 * Allowed, with what is left of the budget ({@link Long#MAX_VALUE} when not counted).
	 */
	public record Allowed(long remaining) implements Decision {

		static final Allowed UNLIMITED = new Allowed(Long.MAX_VALUE);

		public boolean counted() {
			return remaining != Long.MAX_VALUE;
		}

	}

	/**
	 * Over budget: the next request may come in {@code retryAfterSeconds} (at least 1).
	 */
	public record Refused(long retryAfterSeconds) implements Decision {

		public String detail() {
			return "Too many requests. Please retry in " + retryAfterSeconds
					+ (retryAfterSeconds == 1 ? " second." : " seconds.");
		}

		/** A 429 problem with {@code Retry-After}, for a controller to throw. */
		public ApiProblem problem() {
			ApiProblem problem = new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
					detail());
			problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
			return problem;
		}

	}

}
