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

/**
 * A full application against its own database (H2, or PostgreSQL in the PostgreSQL pass), the demo clinic seeded, no
 * fake patients, and a {@link MutableClock} set to {@link MutableClock#DEFAULT}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PostgresAvailability.class)
// a cheap password hash keeps sign-in tests fast; PasswordHashingTests pins the production cost
@SpringBootTest(properties = { "smiledesk.demo.fake-patients=0", "smiledesk.security.password-hash-cost=4" })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabase.class)
@Import(TestClockConfiguration.class)
public @interface IntegrationTest {

}
