package io.smiledesk.test;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Channels as every integration test sees them: secrets set, Twilio's API at the shared
 * {@link FakeTwilioServer}, Gmail's (and Google's keys for Pub/Sub's tokens) at the
 * shared {@link FakeGmailServer}, and no background workers (tests drain the inbox and
 * the outbox themselves, at a moment they choose).
 */
public class TestChannels implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String WEBHOOK_SECRET = "test-webhook-secret";

	public static final String PUBLIC_BASE_URL = "https://desk.example.test";

	public static final String SMS_FROM = "+15005550006";

	public static final String WHATSAPP_FROM = "+14155238886";

	public static final String GMAIL_PUSH_AUDIENCE = PUBLIC_BASE_URL + "/api/v1/webhooks/gmail";

	public static final String GMAIL_PUSH_SERVICE_ACCOUNT = "gmail-push@smiledesk-test.iam.gserviceaccount.com";

	public static final String GMAIL_PUSH_TOKEN = "test-gmail-push-token";

	public static final String GMAIL_TOPIC = "projects/smiledesk-test/topics/gmail";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues
			.of("smiledesk.channels.workers=false", "smiledesk.handoffs.watch=false",
					"smiledesk.campaigns.scheduler=false", "smiledesk.reminders.scheduler=false",
					"smiledesk.waitlist.scheduler=false", "smiledesk.channels.webhook-secret=" + WEBHOOK_SECRET,
					"smiledesk.channels.public-base-url=" + PUBLIC_BASE_URL,
					"smiledesk.channels.twilio.account-sid=" + FakeTwilioServer.ACCOUNT_SID,
					"smiledesk.channels.twilio.auth-token=" + FakeTwilioServer.AUTH_TOKEN,
					"smiledesk.channels.twilio.sms-from=" + SMS_FROM,
					"smiledesk.channels.twilio.whatsapp-from=" + WHATSAPP_FROM,
					"smiledesk.channels.twilio.api-base-url=" + FakeTwilioServer.shared().baseUrl(),
					"smiledesk.channels.gmail.email-address=" + FakeGmailServer.MAILBOX,
					"smiledesk.channels.gmail.access-token=" + FakeGmailServer.ACCESS_TOKEN,
					"smiledesk.channels.gmail.api-base-url=" + FakeGmailServer.shared().baseUrl(),
					"smiledesk.channels.gmail.topic-name=" + GMAIL_TOPIC,
					"smiledesk.channels.gmail.push.audience=" + GMAIL_PUSH_AUDIENCE,
					"smiledesk.channels.gmail.push.service-account-email=" + GMAIL_PUSH_SERVICE_ACCOUNT,
					"smiledesk.channels.gmail.push.jwk-set-uri=" + FakeGmailServer.shared().jwkSetUri(),
					"smiledesk.channels.gmail.push.token=" + GMAIL_PUSH_TOKEN)
			.applyTo(context);
	}

}
