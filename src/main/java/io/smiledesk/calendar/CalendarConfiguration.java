package io.smiledesk.calendar;

import java.time.Clock;

import io.smiledesk.system.GoogleOAuthTokens;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
class CalendarConfiguration {

	/**
	 * The calendar integration's own Google credentials, through the shared mechanism.
	 */
	@Bean
	GoogleOAuthTokens calendarAccessTokens(CalendarProperties properties, Clock clock) {
		return new GoogleOAuthTokens(properties.google().credentials(), clock);
	}

}
