package io.smiledesk.channel;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import io.smiledesk.conversation.ConversationChannel;
import io.smiledesk.system.InvalidInputException;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's SMS and WhatsApp webhooks. An incoming message is stored and answered later
 * through the outbox, so the webhook answers an empty TwiML document at once. Payloads
 * Twilio signed but that cannot be read are acknowledged and kept as dead letters:
 * refusing them would only make Twilio retry.
 */
@RestController
class TwilioWebhooks {

	static final String MESSAGING_PATH = "/api/v1/webhooks/twilio/messaging";

	static final String STATUS_PATH = "/api/v1/webhooks/twilio/status";

	private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

	private final TwilioRequests requests;

	private final Inbox inbox;

	private final DeliveryReports reports;

	TwilioWebhooks(TwilioRequests requests, Inbox inbox, DeliveryReports reports) {
		this.requests = requests;
		this.inbox = inbox;
		this.reports = reports;
	}

	@PostMapping(path = MESSAGING_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = MediaType.TEXT_XML_VALUE)
	ResponseEntity<String> message(HttpServletRequest request) {
		Map<String, String> params = requests.verified(request);
		String sid = params.getOrDefault("MessageSid", params.get("SmsMessageSid"));
		String from = params.get("From");
		if (sid == null || sid.isBlank() || from == null || from.isBlank()) {
			inbox.deadLetter("twilio", "MessageSid and From are required", params.toString());
			return twiml();
		}
		ConversationChannel channel = from.toLowerCase(Locale.ROOT).startsWith("whatsapp:")
				? ConversationChannel.WHATSAPP : ConversationChannel.SMS;
		String body = params.getOrDefault("Body", "");
		if (body.isBlank() && !"0".equals(params.getOrDefault("NumMedia", "0"))) {
			body = "[a picture or file was sent]";
		}
		try {
			inbox.accept(new Arrival(channel, "twilio", sid.strip(), null, from, body));
		}
		catch (InvalidInputException ex) {
			inbox.deadLetter("twilio", "From is not a phone number: " + ex.getMessage(), params.toString());
		}
		return twiml();
	}

	/** Delivery reports: sent, delivered, undelivered, failed, read. */
	@PostMapping(path = STATUS_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<Void> status(HttpServletRequest request) {
		Map<String, String> params = requests.verified(request);
		String sid = params.get("MessageSid");
		String status = params.getOrDefault("MessageStatus", params.get("SmsStatus"));
		if (sid == null || status == null) {
			inbox.deadLetter("twilio", "MessageSid and MessageStatus are required", params.toString());
		}
		else {
			reports.report(sid.strip(), status.strip(), params.get("ErrorCode"));
		}
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<String> twiml() {
		return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
	}

}
