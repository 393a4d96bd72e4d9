package io.smiledesk.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.smiledesk.test.FakeTwilioServer;
import io.smiledesk.test.TestChannels;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Requests as the providers sign them, written from their documentation (the fuzz test
 * signs with it too).
 */
public final class Webhooks {

	private Webhooks() {
	}

	/** The generic webhook, signed with the shared secret at {@code epochSeconds}. */
	static MockHttpServletRequestBuilder incoming(String json, long epochSeconds) {
		String timestamp = Long.toString(epochSeconds);
		return post(IncomingMessageWebhook.PATH).contentType(MediaType.APPLICATION_JSON)
			.header("X-SmileDesk-Timestamp", timestamp)
			.header("X-SmileDesk-Signature",
					"sha256=" + WebhookSignatures.sign(TestChannels.WEBHOOK_SECRET, timestamp,
							json.getBytes(StandardCharsets.UTF_8)))
			.content(json);
	}

	static String incomingJson(String channel, String thread, String text, String from, String messageId) {
		return "{\"channel\":\"" + channel + "\",\"thread_id\":" + (thread == null ? "null" : "\"" + thread + "\"")
				+ ",\"message_content\":\"" + text + "\",\"from\":\"" + from + "\",\"message_id\":\"" + messageId
				+ "\"}";
	}

	/** An SMS from {@code from} to the clinic's number, as Twilio posts it. */
	public static MockHttpServletRequestBuilder twilioSms(String from, String body, String messageSid) {
		return twilio(TwilioWebhooks.MESSAGING_PATH, Map.of("MessageSid", messageSid, "From", from, "To",
				TestChannels.SMS_FROM, "Body", body, "NumMedia", "0"));
	}

	/**
	 * A Twilio webhook: form parameters, and X-Twilio-Signature as Twilio computes it
	 * (Base64 HMAC-SHA1 of the full URL followed by each parameter name and value, sorted
	 * by name).
	 */
	static MockHttpServletRequestBuilder twilio(String path, Map<String, String> params) {
		return twilio(path, params, twilioSignature(TestChannels.PUBLIC_BASE_URL + path, params));
	}

	static MockHttpServletRequestBuilder twilio(String path, Map<String, String> params, String signature) {
		MockHttpServletRequestBuilder request = post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("X-Twilio-Signature", signature);
		params.forEach(request::param);
		return request;
	}

	/** The generic webhook's {@code X-SmileDesk-Signature} for a body. */
	public static String incomingSignature(String timestamp, byte[] body) {
		return "sha256=" + WebhookSignatures.sign(TestChannels.WEBHOOK_SECRET, timestamp, body);
	}

	public static String twilioSignature(String url, Map<String, String> params) {
		StringBuilder data = new StringBuilder(url);
		new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(FakeTwilioServer.AUTH_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
