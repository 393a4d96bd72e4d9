package io.smiledesk.system;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitConfigurationTests {

	final ApplicationContextRunner context = new ApplicationContextRunner().withBean(Clock.class, Clock::systemUTC)
		.withUserConfiguration(RateLimitConfiguration.class);

	@Test
	void enabledByDefaultWithBucketsInMemory() {
		context.run(application -> {
			assertThat(application).hasSingleBean(RateLimitFilter.class).hasSingleBean(RateLimiter.class);
			assertThat(application.getBean(BucketStore.class)).isInstanceOf(LocalBuckets.class);
		});
	}

	@Test
	void switchedOffThereIsNoFilterAndNoRedisConnection() {
		// Nothing listens on port 1: a connection attempt would fail the context
		context
			.withPropertyValues("smiledesk.rate-limits.enabled=false",
					"smiledesk.rate-limits.redis-url=redis://127.0.0.1:1")
			.run(application -> {
				assertThat(application).hasNotFailed().doesNotHaveBean(RateLimitFilter.class);
				assertThat(application.getBean(RateLimiter.class).tryConsume(RateLimiter.BOOKING_PER_IP, "10.0.0.1"))
					.isEqualTo(RateLimiter.Allowed.UNLIMITED);
			});
	}

	/**
	 * A configured Redis is connected at startup: a wrong URL shows at once, not on the
	 * first request.
	 */
	@Test
	void withARedisUrlConnectsAtStartup() {
		context.withPropertyValues("smiledesk.rate-limits.redis-url=redis://127.0.0.1:1")
			.run(application -> assertThat(application.getStartupFailure())
				.hasStackTraceContaining("Unable to connect to 127.0.0.1"));
	}

}
