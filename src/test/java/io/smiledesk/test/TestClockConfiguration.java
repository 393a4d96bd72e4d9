package io.smiledesk.test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

	@Bean
	@org.springframework.context.annotation.Primary
	MutableClock testClock() {
		return new MutableClock(MutableClock.DEFAULT);
	}

	@Bean
	TestData testData(org.springframework.jdbc.core.JdbcTemplate jdbc, MutableClock clock) {
		return new TestData(jdbc, clock);
	}

}
