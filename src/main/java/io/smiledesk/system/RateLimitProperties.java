package io.smiledesk.system;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;

/**
 * Request budgets per client, one per endpoint group, each written
 * {@code requests/period} ({@code 5/1m}, {@code 100/1h}).
 *
 * @param enabled off (for load tests) skips the filter and lets every {@link RateLimiter}
 * call through
 * @param redisUrl {@code redis://host:6379} keeps the buckets in Redis so all instances
 * share them; empty keeps them in this instance's memory
 * @param redisKeyPrefix prefix of the bucket keys in Redis
 * @param trustForwardedFor read the client IP from {@code X-Forwarded-For}: only behind a
 * proxy that sets it, since clients can write the header themselves
 * @param maxLocalBuckets how many in-memory buckets to keep at most (one per client and
 * group)
 * @param calendarFeedPerIp staff phones reading their calendar feeds: a phone polls every
 * quarter of an hour or so; a stolen or guessed address must not become a fast oracle
 */
@ConfigurationProperties("smiledesk.rate-limits")
record RateLimitProperties(@DefaultValue("true") boolean enabled, String redisUrl,
		@DefaultValue("smiledesk:rate-limit:") String redisKeyPrefix, boolean trustForwardedFor,
		@DefaultValue("100000") int maxLocalBuckets, @DefaultValue("10/1m") Limit chatPerSession,
		@DefaultValue("60/1m") Limit chatPerIp, @DefaultValue("5/1m") Limit bookingPerIp,
		@DefaultValue("3/1m") Limit paymentPerIp, @DefaultValue("60/1m") Limit adminPerAccount,
		@DefaultValue("5/1m") Limit loginPerIp, @DefaultValue("5/1m") Limit loginPerAccount,
		@DefaultValue("20/1m") Limit consoleLoginPerIp, @DefaultValue("30/1m") Limit calendarFeedPerIp) {

	RateLimitProperties {
		if (maxLocalBuckets < 1) {
			throw new IllegalArgumentException("smiledesk.rate-limits.max-local-buckets must be at least 1");
		}
	}

	Optional<String> redis() {
		return redisUrl == null || redisUrl.isBlank() ? Optional.empty() : Optional.of(redisUrl.trim());
	}

	/** The limit of a group named in {@link RateLimiter}; an unknown name is a bug. */
	Limit limit(String group) {
		return switch (group) {
			case RateLimiter.CHAT_PER_SESSION -> chatPerSession;
			case RateLimiter.CHAT_PER_IP -> chatPerIp;
			case RateLimiter.BOOKING_PER_IP -> bookingPerIp;
			case RateLimiter.PAYMENT_PER_IP -> paymentPerIp;
			case RateLimiter.ADMIN_PER_ACCOUNT -> adminPerAccount;
			case RateLimiter.LOGIN_PER_IP -> loginPerIp;
			case RateLimiter.LOGIN_PER_ACCOUNT -> loginPerAccount;
			case RateLimiter.CONSOLE_LOGIN_PER_IP -> consoleLoginPerIp;
			case RateLimiter.CALENDAR_FEED_PER_IP -> calendarFeedPerIp;
			default -> throw new IllegalArgumentException("Unknown rate limit group '" + group + "'");
		};
	}

	/**
	 * At most {@code requests} per {@code period}; spent requests come back evenly over
	 * the period.
	 */
	record Limit(long requests, Duration period) {

		Limit {
			if (requests < 1 || period == null || period.isNegative() || period.isZero()) {
				throw new IllegalArgumentException("A rate limit needs at least 1 request per positive period");
			}
		}

		/** Binds {@code 5/1m}; public because the configuration binder calls it. */
		public static Limit valueOf(String text) {
			int slash = text.indexOf('/');
			if (slash < 0) {
				throw new IllegalArgumentException("A rate limit reads requests/period, like 5/1m, not '" + text + "'");
			}
			return new Limit(Long.parseLong(text.substring(0, slash).trim()),
					DurationStyle.detectAndParse(text.substring(slash + 1).trim()));
		}

		/** The form it was written in: {@code 5/1m}, not {@code 5/60000ms}. */
		@Override
		public String toString() {
			for (ChronoUnit unit : new ChronoUnit[] { ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES,
					ChronoUnit.SECONDS }) {
				if (period.dividedBy(unit.getDuration()) > 0 && period.truncatedTo(unit).equals(period)) {
					return requests + "/" + DurationStyle.SIMPLE.print(period, unit);
				}
			}
			return requests + "/" + DurationStyle.SIMPLE.print(period);
		}

	}

}
