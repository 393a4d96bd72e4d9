package io.smiledesk.staff;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In the prod profile the service refuses to start with the built-in development secrets
 * or demo data.
 */
@Component
class ProductionSafety implements InitializingBean {

	private final Environment environment;

	private final SecuritySettings settings;

	ProductionSafety(Environment environment, SecuritySettings settings) {
		this.environment = environment;
		this.settings = settings;
	}

	@Override
	public void afterPropertiesSet() {
		if (!Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
			return;
		}
		List<String> problems = new ArrayList<>();
		if (settings.usesDemoSecret()) {
			problems.add("SMILEDESK_JWT_SECRET is the built-in development secret");
		}
		if (settings.passwordHashCost() < 12) {
			problems.add("smiledesk.security.password-hash-cost is below 12");
		}
		if (environment.getProperty("smiledesk.demo.enabled", Boolean.class, false)) {
			problems.add("smiledesk.demo.enabled is true");
		}
		if ("demo".equals(environment.getProperty("smiledesk.crypto.active-key"))) {
			problems.add("the patient data key is the built-in development key (set SMILEDESK_CRYPTO_ACTIVE_KEY)");
		}
		if (decodesToDemoKey(environment.getProperty("smiledesk.crypto.index-key", ""))) {
			problems.add("the lookup index key is the built-in development key (set SMILEDESK_CRYPTO_INDEX_KEY)");
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Refusing to start in prod: " + String.join("; ", problems));
		}
	}

	private static boolean decodesToDemoKey(String base64) {
		try {
			return new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8)
				.startsWith("demo-only");
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
