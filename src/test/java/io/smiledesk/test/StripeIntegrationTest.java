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
 * An {@link IntegrationTest} that collects deposits through the {@link FakeStripeServer}
 * ({@link TestStripe}). Its own context, shared by every test that collects deposits: the
 * other integration tests keep the default, deposits not collected.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PostgresAvailability.class)
@SpringBootTest(properties = { "smiledesk.demo.fake-patients=0", "smiledesk.security.password-hash-cost=4" })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = { TestDatabase.class, TestChannels.class, TestStripe.class })
@TestPropertySource(properties = "smiledesk.rate-limits.enabled=false")
@Import(TestClockConfiguration.class)
public @interface StripeIntegrationTest {

}
