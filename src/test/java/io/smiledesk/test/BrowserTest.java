package io.smiledesk.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The application on a random port (H2, demo clinic, {@link MutableClock}) driven by a
 * real headless Chromium through Playwright: inject a {@link Browser.Session} parameter.
 * Skipped when no Chromium is installed, unless {@code smiledesk.browser=required} (CI).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "smiledesk.demo.fake-patients=0", "smiledesk.security.password-hash-cost=4" })
@ContextConfiguration(initializers = TestDatabase.class)
@TestPropertySource(properties = "smiledesk.rate-limits.enabled=false")
@Import(TestClockConfiguration.class)
@ExtendWith(Browser.class)
public @interface BrowserTest {

}
