package io.smiledesk.system;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitPropertiesTests {

	@Test
	void defaultsAreTheIssuesLimits() {
		RateLimitProperties properties = bind(Map.of());

		assertThat(properties.enabled()).isTrue();
		assertThat(properties.trustForwardedFor()).isFalse();
		assertThat(properties.redis()).isEmpty();
		assertThat(properties.chatPerSession()).hasToString("10/1m");
		assertThat(properties.chatPerIp()).hasToString("60/1m");
		assertThat(properties.bookingPerIp()).hasToString("5/1m");
		assertThat(properties.paymentPerIp()).hasToString("3/1m");
		assertThat(properties.adminPerAccount()).hasToString("60/1m");
		assertThat(properties.loginPerIp()).hasToString("5/1m");
		assertThat(properties.loginPerAccount()).hasToString("5/1m");
	}

	@Test
	void bindsRequestsPerPeriod() {
		RateLimitProperties properties = bind(Map.of("smiledesk.rate-limits.booking-per-ip", "2/30s",
				"smiledesk.rate-limits.login-per-account", "20/1h", "smiledesk.rate-limits.redis-url",
				" redis://cache:6379 ", "smiledesk.rate-limits.enabled", "false"));

		assertThat(properties.bookingPerIp()).isEqualTo(new RateLimitProperties.Limit(2, Duration.ofSeconds(30)))
			.hasToString("2/30s");
		assertThat(properties.limit(RateLimiter.LOGIN_PER_ACCOUNT))
			.isEqualTo(new RateLimitProperties.Limit(20, Duration.ofHours(1)));
		assertThat(properties.redis()).contains("redis://cache:6379");
		assertThat(properties.enabled()).isFalse();
	}

	@Test
	void refusesLimitsThatAreNotRequestsPerPeriod() {
		assertThatThrownBy(() -> bind(Map.of("smiledesk.rate-limits.booking-per-ip", "5")))
			.isInstanceOf(BindException.class);
		assertThatThrownBy(() -> bind(Map.of("smiledesk.rate-limits.booking-per-ip", "0/1m")))
			.isInstanceOf(BindException.class);
		assertThatThrownBy(() -> bind(Map.of("smiledesk.rate-limits.booking-per-ip", "5/0s")))
			.isInstanceOf(BindException.class);
	}

	@Test
	void blankRedisUrlMeansMemory() {
		assertThat(bind(Map.of("smiledesk.rate-limits.redis-url", "")).redis()).isEmpty();
	}

	static RateLimitProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("smiledesk.rate-limits",
				RateLimitProperties.class);
	}

}
