package io.smiledesk.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI smileDeskOpenApi() {
		return new OpenAPI().info(new Info().title("SmileDesk API")
			.version("v1")
			.description("AI front desk for dental clinics: clinic data, availability, booking and administration."));
	}

	/**
	 * The API speaks snake_case (Jackson 3); springdoc models with its own Jackson 2
	 * mapper, so tell it too.
	 */
	@Bean
	ModelConverter snakeCaseModelResolver() {
		return new ModelResolver(new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
	}

}
