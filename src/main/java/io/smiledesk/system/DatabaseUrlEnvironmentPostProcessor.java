package io.smiledesk.system;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Accepts the platform-style {@code DATABASE_URL=postgres://user:password@host:5432/db}
 * (Heroku, Render, Fly) and turns it into Spring datasource settings, so PostgreSQL is
 * selected without a profile.
 */
class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String url = environment.getProperty("DATABASE_URL");
		if (url == null || url.isBlank()) {
			return;
		}
		environment.getPropertySources().addFirst(new MapPropertySource("databaseUrl", toDatasource(url)));
	}

	static Map<String, Object> toDatasource(String databaseUrl) {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (databaseUrl.startsWith("jdbc:")) {
			properties.put("spring.datasource.url", databaseUrl);
			return properties;
		}
		URI uri = URI.create(databaseUrl);
		if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
			throw new IllegalArgumentException("DATABASE_URL must be a postgres:// or jdbc: URL");
		}
		int port = uri.getPort() == -1 ? 5432 : uri.getPort();
		String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
		properties.put("spring.datasource.url",
				"jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getPath() + query);
		properties.put("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true");
		String userInfo = uri.getRawUserInfo();
		if (userInfo != null) {
			String[] parts = userInfo.split(":", 2);
			properties.put("spring.datasource.username", URLDecoder.decode(parts[0], StandardCharsets.UTF_8));
			properties.put("spring.datasource.password",
					parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
		}
		return properties;
	}

}
