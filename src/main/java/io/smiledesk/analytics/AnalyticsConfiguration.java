package io.smiledesk.analytics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * One thread for the read model's listeners, so they see events in commit order. The
 * writes are single-row statements: one thread keeps up with the booking benchmark's
 * rate. Boot's own task executor stays the default for every other asynchronous listener
 * ({@code spring.task.execution.mode: force}).
 */
@Configuration(proxyBeanMethods = false)
class AnalyticsConfiguration {

	static final String IN_ORDER = "analyticsInOrder";

	@Bean(IN_ORDER)
	ThreadPoolTaskExecutor analyticsInOrder() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setThreadNamePrefix("analytics-");
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(10);
		return executor;
	}

}
