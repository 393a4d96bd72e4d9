package io.smiledesk.staff;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ContextConfiguration;

import io.smiledesk.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without the test suite's cheap setting, passwords are hashed with bcrypt at cost 12.
 */
@SpringBootTest(properties = "smiledesk.demo.enabled=false")
@ContextConfiguration(initializers = TestDatabase.class)
@org.junit.jupiter.api.extension.ExtendWith(io.smiledesk.test.PostgresAvailability.class)
class PasswordHashingIntegrationTests {

	@Autowired
	PasswordEncoder passwords;

	@Test
	void hashesWithBcryptCostTwelve() {
		String hash = passwords.encode("Correct-Horse-42!");

		assertThat(hash).startsWith("$2a$12$");
		assertThat(passwords.matches("Correct-Horse-42!", hash)).isTrue();
	}

}
