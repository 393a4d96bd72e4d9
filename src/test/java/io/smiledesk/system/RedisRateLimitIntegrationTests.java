package io.smiledesk.system;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.smiledesk.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.smiledesk.system.RateLimiter.BOOKING_PER_IP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two limiters with their own Redis connections stand for two application instances; they
 * must share one budget. Skipped when no Redis answers on 127.0.0.1:6379. Keys carry a
 * prefix unique to the run and expire on their own.
 */
class RedisRateLimitIntegrationTests {

	static final String REDIS_URL = "redis://127.0.0.1:6379";

	final MutableClock clock = new MutableClock(MutableClock.DEFAULT);

	final String prefix = "smiledesk-test:" + UUID.randomUUID() + ":";

	RedisBuckets first;

	RedisBuckets second;

	@BeforeAll
	static void redisAnswers() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", 6379), 500);
		}
		catch (IOException ex) {
			assumeTrue(false, "No Redis on 127.0.0.1:6379");
		}
	}

	@BeforeEach
	void instances() {
		first = new RedisBuckets(REDIS_URL, prefix, new ClockTimeMeter(clock));
		second = new RedisBuckets(REDIS_URL, prefix, new ClockTimeMeter(clock));
	}

	@AfterEach
	void close() {
		first.close();
		second.close();
	}

	@Test
	void instancesShareOneBudget() {
		RateLimiter one = limiter(first);
		RateLimiter two = limiter(second);

		assertThat(one.tryConsume(BOOKING_PER_IP, "10.0.0.1")).isEqualTo(new RateLimiter.Allowed(2));
		assertThat(two.tryConsume(BOOKING_PER_IP, "10.0.0.1")).isEqualTo(new RateLimiter.Allowed(1));
		assertThat(one.tryConsume(BOOKING_PER_IP, "10.0.0.1")).isEqualTo(new RateLimiter.Allowed(0));

		assertThat(two.tryConsume(BOOKING_PER_IP, "10.0.0.1")).isEqualTo(new RateLimiter.Refused(20));
		assertThat(one.tryConsume(BOOKING_PER_IP, "10.0.0.1")).isEqualTo(new RateLimiter.Refused(20));
		assertThat(two.tryConsume(BOOKING_PER_IP, "10.0.0.2")).isEqualTo(new RateLimiter.Allowed(2));
	}

	@Test
	void refillsByTheApplicationClock() {
		RateLimiter one = limiter(first);
		RateLimiter two = limiter(second);
		for (int i = 0; i < 3; i++) {
			assertThat(one.tryConsume(BOOKING_PER_IP, "10.0.0.1").allowed()).isTrue();
		}
		assertThat(two.tryConsume(BOOKING_PER_IP, "10.0.0.1").allowed()).isFalse();

		clock.advance(Duration.ofSeconds(20));

		assertThat(two.tryConsume(BOOKING_PER_IP, "10.0.0.1")).isEqualTo(new RateLimiter.Allowed(0));
		assertThat(one.tryConsume(BOOKING_PER_IP, "10.0.0.1").allowed()).isFalse();
	}

	@Test
	void keysExpireAndHoldNoAddresses() {
		limiter(first).tryConsume(BOOKING_PER_IP, "10.0.0.1");

		RedisClient client = RedisClient.create(REDIS_URL);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			List<String> keys = connection.sync().keys(prefix + "*");
			assertThat(keys).hasSize(1);
			assertThat(keys.get(0)).startsWith(prefix + BOOKING_PER_IP + ":").doesNotContain("10.0.0.1");
			// A minute to refill plus a little: the key is gone soon after the client
			// stops
			assertThat(connection.sync().pttl(keys.get(0))).isBetween(1L, Duration.ofSeconds(75).toMillis());
		}
		finally {
			client.shutdown();
		}
	}

	private RateLimiter limiter(RedisBuckets buckets) {
		return new RateLimiter(RateLimitPropertiesTests.bind(Map.of("smiledesk.rate-limits.booking-per-ip", "3/1m")),
				buckets);
	}

}
