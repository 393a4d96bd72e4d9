package io.smiledesk.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import io.smiledesk.test.IntegrationTest;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's logging configuration masks what the code logs, messages and stack
 * traces alike.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingIntegrationTests {

	@Test
	void theConsoleLogNeverShowsContactDetailsOrTokens(CapturedOutput output) {
		LoggerFactory.getLogger("io.smiledesk.test")
			.warn("Patient ana.silva@example.com at +19735550101 sent Bearer abcdef0123456789",
					new IllegalStateException("duplicate key (email)=(ben@example.com)"));

		assertThat(output.getOut()).contains("a***@example.com", "***01", "Bearer [token]", "b***@example.com")
			.doesNotContain("ana.silva@example.com", "+19735550101", "abcdef0123456789", "ben@example.com");
	}

}
