package io.smiledesk.staff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** In the prod profile the service refuses to start with the built-in development secrets or demo data. */
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
		if (environment.getProperty("smiledesk.crypto.keys.demo") != null
				&& "demo".equals(environment.getProperty("smiledesk.crypto.active-key"))) {
			problems.add("the patient data key is the built-in development key");
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Refusing to start in prod: " + String.join("; ", problems));
		}
	}

}
