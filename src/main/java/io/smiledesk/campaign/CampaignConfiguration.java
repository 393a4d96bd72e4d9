package io.smiledesk.campaign;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CampaignProperties.class)
class CampaignConfiguration {

	static final String IN_ORDER = "campaignsInOrder";

	/**
	 * One thread for the campaigns' listeners: a reply and the booking it leads to reach
	 * the campaign in the order they committed.
	 */
	@Bean(IN_ORDER)
	ThreadPoolTaskExecutor campaignsInOrder() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setThreadNamePrefix("campaigns-");
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(10);
		return executor;
	}

}
