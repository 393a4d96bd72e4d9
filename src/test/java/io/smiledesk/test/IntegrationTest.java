package io.smiledesk.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * A full application against its own database (H2, or PostgreSQL in the PostgreSQL pass),
 * the demo clinic seeded, no fake patients, rate limits off, and a {@link MutableClock}
 * set to {@link MutableClock#DEFAULT}.
 * <p>
 * Tests book many times from one address, hence no rate limits. The switch is a
 * {@code @TestPropertySource} so that it holds in tests that declare their own
 * {@code @SpringBootTest}; rate limit tests turn limits on with their own
 * {@code @TestPropertySource}, which takes precedence.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PostgresAvailability.class)
// a cheap password hash keeps sign-in tests fast; PasswordHashingTests pins the
// production cost
@SpringBootTest(properties = { "smiledesk.demo.fake-patients=0", "smiledesk.security.password-hash-cost=4" })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = { TestDatabase.class, TestChannels.class })
@TestPropertySource(properties = "smiledesk.rate-limits.enabled=false")
@Import(TestClockConfiguration.class)
public @interface IntegrationTest {

}
