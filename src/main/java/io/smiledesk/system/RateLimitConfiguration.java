package io.smiledesk.system;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

	/**
	 * Redis only when configured and enabled: a switched-off limiter opens no connection.
	 */
	@Bean
	BucketStore rateLimitBuckets(RateLimitProperties properties, Clock clock) {
		ClockTimeMeter time = new ClockTimeMeter(clock);
		if (properties.enabled() && properties.redis().isPresent()) {
			return new RedisBuckets(properties.redis().get(), properties.redisKeyPrefix(), time);
		}
		return new LocalBuckets(time, properties.maxLocalBuckets());
	}

	/** Always present, so modules can call it; switched off it allows everything. */
	@Bean
	RateLimiter rateLimiter(RateLimitProperties properties, BucketStore rateLimitBuckets) {
		return new RateLimiter(properties, rateLimitBuckets);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "smiledesk.rate-limits.enabled", matchIfMissing = true)
	RateLimitFilter rateLimitFilter(RateLimiter rateLimiter, RateLimitProperties properties) {
		return new RateLimitFilter(rateLimiter, properties.trustForwardedFor());
	}

}
