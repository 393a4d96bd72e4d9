package io.smiledesk.insurance;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InsuranceConfiguration {

	@Bean
	BenefitEstimator benefitEstimator() {
		return new BenefitEstimator(new ProcedureCategories(Map.of()));
	}

}
