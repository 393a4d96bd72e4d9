package io.smiledesk.test;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Channels as every integration test sees them: secrets set, Twilio's API at the shared
 * {@link FakeTwilioServer}, and no background workers (tests drain the inbox and the
 * outbox themselves, at a moment they choose).
 */
public class TestChannels implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String WEBHOOK_SECRET = "test-webhook-secret";

	public static final String PUBLIC_BASE_URL = "https://desk.example.test";

	public static final String SMS_FROM = "+15005550006";

	public static final String WHATSAPP_FROM = "+14155238886";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues
			.of("smiledesk.channels.workers=false", "smiledesk.channels.webhook-secret=" + WEBHOOK_SECRET,
					"smiledesk.channels.public-base-url=" + PUBLIC_BASE_URL,
					"smiledesk.channels.twilio.account-sid=" + FakeTwilioServer.ACCOUNT_SID,
					"smiledesk.channels.twilio.auth-token=" + FakeTwilioServer.AUTH_TOKEN,
					"smiledesk.channels.twilio.sms-from=" + SMS_FROM,
					"smiledesk.channels.twilio.whatsapp-from=" + WHATSAPP_FROM,
					"smiledesk.channels.twilio.api-base-url=" + FakeTwilioServer.shared().baseUrl())
			.applyTo(context);
	}

}
