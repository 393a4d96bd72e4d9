package io.smiledesk.system;

import java.time.Duration;
import java.util.Map;

import io.smiledesk.test.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import static io.smiledesk.system.RateLimiter.BOOKING_PER_IP;
import static io.smiledesk.system.RateLimiter.LOGIN_PER_ACCOUNT;
import static io.smiledesk.system.RateLimiter.LOGIN_PER_IP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimiterTests {

	final MutableClock clock = new MutableClock(MutableClock.DEFAULT);

	@Test
	void refusesOnceTheBudgetIsSpentAndSaysWhenToRetry() {
		RateLimiter limiter = limiter(Map.of());

		for (long left = 4; left >= 0; left--) {
			assertThat(limiter.tryConsume(BOOKING_PER_IP, "10.0.0.1")).isEqualTo(new RateLimiter.Allowed(left));
		}

		// 5 a minute come back one every 12 seconds
		assertThat(limiter.tryConsume(BOOKING_PER_IP, "10.0.0.1")).isEqualTo(new RateLimiter.Refused(12));
	}

	@Test
	void roundsTheRetryUpToWholeSecondsAndAtLeastOne() {
		RateLimiter limiter = limiter(Map.of("smiledesk.rate-limits.booking-per-ip", "7/1m",
				"smiledesk.rate-limits.login-per-ip", "1000/1s"));
		spend(limiter, BOOKING_PER_IP, "a", 7);
		spend(limiter, LOGIN_PER_IP, "a", 1000);

		// 60/7 = 8.57 s; a millisecond is still one second
		assertThat(limiter.tryConsume(BOOKING_PER_IP, "a")).isEqualTo(new RateLimiter.Refused(9));
		assertThat(limiter.tryConsume(LOGIN_PER_IP, "a")).isEqualTo(new RateLimiter.Refused(1));
	}

	@Test
	void allowsAgainAsTheClockMovesOn() {
		RateLimiter limiter = limiter(Map.of());
		spend(limiter, BOOKING_PER_IP, "10.0.0.1", 5);
		assertThat(limiter.tryConsume(BOOKING_PER_IP, "10.0.0.1").allowed()).isFalse();

		clock.advance(Duration.ofSeconds(11));
		assertThat(limiter.tryConsume(BOOKING_PER_IP, "10.0.0.1")).isEqualTo(new RateLimiter.Refused(1));

		clock.advance(Duration.ofSeconds(1));
		assertThat(limiter.tryConsume(BOOKING_PER_IP, "10.0.0.1")).isEqualTo(new RateLimiter.Allowed(0));
		assertThat(limiter.tryConsume(BOOKING_PER_IP, "10.0.0.1").allowed()).isFalse();

		clock.advance(Duration.ofMinutes(1));
		spend(limiter, BOOKING_PER_IP, "10.0.0.1", 5);
	}

	@Test
	void keysAndGroupsHaveTheirOwnBudgets() {
		RateLimiter limiter = limiter(Map.of());
		spend(limiter, BOOKING_PER_IP, "10.0.0.1", 5);

		assertThat(limiter.tryConsume(BOOKING_PER_IP, "10.0.0.2")).isEqualTo(new RateLimiter.Allowed(4));
		assertThat(limiter.tryConsume(LOGIN_PER_IP, "10.0.0.1")).isEqualTo(new RateLimiter.Allowed(4));
		assertThat(limiter.tryConsume(BOOKING_PER_IP, "10.0.0.1").allowed()).isFalse();
	}

	@Test
	void switchedOffAllowsEverythingAndKeepsNoBuckets() {
		LocalBuckets buckets = new LocalBuckets(new ClockTimeMeter(clock), 100);
		RateLimiter limiter = new RateLimiter(
				RateLimitPropertiesTests.bind(Map.of("smiledesk.rate-limits.enabled", "false")), buckets);

		for (int i = 0; i < 100; i++) {
			assertThat(limiter.tryConsume(BOOKING_PER_IP, "10.0.0.1")).isEqualTo(RateLimiter.Allowed.UNLIMITED);
		}
		assertThat(buckets.size()).isZero();
	}

	@Test
	void unknownGroupsAreABug() {
		assertThatThrownBy(() -> limiter(Map.of()).tryConsume("bookings", "10.0.0.1"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void letsRequestsThroughWhenTheStoreFails() {
		RateLimiter limiter = new RateLimiter(RateLimitPropertiesTests.bind(Map.of()), (id, limit) -> {
			throw new IllegalStateException("Redis is down");
		});

		RateLimiter.Decision decision = limiter.tryConsume(LOGIN_PER_ACCOUNT, "ana@example.com");

		assertThat(decision).isEqualTo(RateLimiter.Allowed.UNLIMITED);
		assertThat(((RateLimiter.Allowed) decision).counted()).isFalse();
	}

	@Test
	void aRefusalBecomesA429ProblemWithRetryAfter() {
		ApiProblem problem = new RateLimiter.Refused(12).problem();

		assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(problem.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("12");
		assertThat(problem.getBody().getType()).hasToString("https://smiledesk.io/problems/rate-limited");
		assertThat(problem.getBody().getDetail()).isEqualTo("Too many requests. Please retry in 12 seconds.");
	}

	@Test
	void manyClientsDoNotGrowTheMapBeyondItsBound() {
		LocalBuckets buckets = new LocalBuckets(new ClockTimeMeter(clock), 50);
		RateLimiter limiter = new RateLimiter(RateLimitPropertiesTests.bind(Map.of()), buckets);

		for (int i = 0; i < 10_000; i++) {
			assertThat(limiter.tryConsume(BOOKING_PER_IP, "10.1." + (i / 256) + "." + (i % 256)).allowed()).isTrue();
		}

		assertThat(buckets.size()).isBetween(1, 50);
	}

	@Test
	void refilledBucketsGoBeforeOnesStillCounting() {
		LocalBuckets buckets = new LocalBuckets(new ClockTimeMeter(clock), 4);
		RateLimiter limiter = new RateLimiter(RateLimitPropertiesTests.bind(Map
			.of("smiledesk.rate-limits.login-per-account", "1/1h", "smiledesk.rate-limits.booking-per-ip", "1/1m")),
				buckets);
		// The oldest, least recently used bucket is still counting for an hour
		spend(limiter, LOGIN_PER_ACCOUNT, "guessed@example.com", 1);
		spend(limiter, BOOKING_PER_IP, "a", 1);
		spend(limiter, BOOKING_PER_IP, "b", 1);
		spend(limiter, BOOKING_PER_IP, "c", 1);
		clock.advance(Duration.ofMinutes(1));

		spend(limiter, BOOKING_PER_IP, "d", 1);

		assertThat(buckets.size()).isEqualTo(2);
		assertThat(limiter.tryConsume(LOGIN_PER_ACCOUNT, "guessed@example.com").allowed()).isFalse();
	}

	private RateLimiter limiter(Map<String, String> values) {
		return new RateLimiter(RateLimitPropertiesTests.bind(values),
				new LocalBuckets(new ClockTimeMeter(clock), 1000));
	}

	private static void spend(RateLimiter limiter, String group, String key, int times) {
		for (int i = 0; i < times; i++) {
			assertThat(limiter.tryConsume(group, key).allowed()).as("request %d of %s", i + 1, key).isTrue();
		}
	}

}
