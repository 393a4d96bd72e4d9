package io.smiledesk.staff;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ProductionSafetyTests {

	static final String STRONG = "a-real-secret-from-the-environment-0123456789";

	@Test
	void prodRefusesTheDevelopmentSecretDemoDataAndCheapHashes() {
		assertThatIllegalStateException()
			.isThrownBy(() -> check("prod", settings("demo-only-secret-0123456789abcdefghij", 12), false))
			.withMessageContaining("SMILEDESK_JWT_SECRET");
		assertThatIllegalStateException().isThrownBy(() -> check("prod", settings(STRONG, 12), true))
			.withMessageContaining("demo");
		assertThatIllegalStateException().isThrownBy(() -> check("prod", settings(STRONG, 10), false))
			.withMessageContaining("password-hash-cost");
	}

	@Test
	void prodRefusesTheDemoPatientDataKeys() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.setActiveProfiles("prod");
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("smiledesk.crypto.active-key", "demo",
					"smiledesk.crypto.index-key", "ZGVtby1vbmx5LWxvb2t1cC1pbmRleC1rZXktMDAwMDE=")));
		assertThatIllegalStateException()
			.isThrownBy(() -> new ProductionSafety(environment, settings(STRONG, 12)).afterPropertiesSet())
			.withMessageContaining("patient data key")
			.withMessageContaining("lookup index key");
	}

	@Test
	void prodStartsWithRealSecretsAndOtherProfilesAreNotChecked() {
		assertThatCode(() -> check("prod", settings(STRONG, 12), false)).doesNotThrowAnyException();
		assertThatCode(() -> check("default", settings("demo-only-secret-0123456789abcdefghij", 4), true))
			.doesNotThrowAnyException();
	}

	static SecuritySettings settings(String secret, int cost) {
		return new SecuritySettings(secret, Duration.ofMinutes(15), Duration.ofDays(14), 5, Duration.ofMinutes(15),
				"SmileDesk", cost);
	}

	static void check(String profile, SecuritySettings settings, boolean demo) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.setActiveProfiles(profile);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test",
					Map.of("smiledesk.demo.enabled", String.valueOf(demo), "smiledesk.crypto.active-key", "k1",
							"smiledesk.crypto.index-key", "aW5kZXgta2V5LWZvci10aGUtdGVzdHMtMDAwMDAwMDE=")));
		new ProductionSafety(environment, settings).afterPropertiesSet();
	}

}
