package io.smiledesk.channel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicProfile;
import io.smiledesk.conversation.PatientMessages;
import io.smiledesk.conversation.Reply;
import io.smiledesk.conversation.Urgency;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Phone calls through Twilio: the same assistant, spoken. A call is answered with a
 * greeting and a {@code <Gather>}; each thing the caller says (or key they press) is a
 * patient message, answered at once in TwiML. A handoff dials the clinic, an emergency
 * hears the assistant's instructions first. A call is answered in the call, not through
 * the outbox: there is nobody to deliver a reply to once it has ended.
 */
@RestController
class VoiceWebhooks {

	static final String VOICE_PATH = "/api/v1/webhooks/twilio/voice";

	static final String GATHER_PATH = "/api/v1/webhooks/twilio/gather";

	/** After this many silences in a row the caller is put through to the front desk. */
	static final int MAX_SILENCES = 2;

	private final TwilioRequests requests;

	private final Threads threads;

	private final PatientMessages patientMessages;

	private final ClinicCatalog catalog;

	private final TransactionTemplate transaction;

	VoiceWebhooks(TwilioRequests requests, Threads threads, PatientMessages patientMessages, ClinicCatalog catalog,
			PlatformTransactionManager transactions) {
		this.requests = requests;
		this.threads = threads;
		this.patientMessages = patientMessages;
		this.catalog = catalog;
		this.transaction = new TransactionTemplate(transactions);
	}

	@PostMapping(path = VOICE_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = MediaType.TEXT_XML_VALUE)
	ResponseEntity<String> call(HttpServletRequest request) {
		requests.verified(request);
		ClinicProfile clinic = catalog.snapshot().profile();
		String greeting = "Thank you for calling " + clinic.name() + ". If you have a medical emergency, hang up and"
				+ " call 911. How can I help you? You can book, move or cancel an appointment, or ask a question.";
		return twiml(new Twiml().gather(GATHER_PATH, "en-US", greeting).redirect(GATHER_PATH + "?silence=1"));
	}

	@PostMapping(path = GATHER_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = MediaType.TEXT_XML_VALUE)
	ResponseEntity<String> gather(HttpServletRequest request) {
		Map<String, String> params = requests.verified(request);
		ClinicProfile clinic = catalog.snapshot().profile();
		String heard = heard(params, request.getParameter("options"));
		String callSid = params.get("CallSid");
		if (callSid == null || callSid.isBlank()) {
			return twiml(new Twiml().say("Sorry, something went wrong. Please call again.", "en-US").hangup());
		}
		if (heard.isBlank()) {
			int silences = parseInt(request.getParameter("silence"));
			if (silences >= MAX_SILENCES) {
				return twiml(
						new Twiml().say("Let me put you through to the front desk.", "en-US").dial(clinic.phone()));
			}
			return twiml(new Twiml().gather(GATHER_PATH, "en-US", "Sorry, I did not catch that. How can I help?")
				.redirect(GATHER_PATH + "?silence=" + (silences + 1)));
		}
		ChannelThread thread = transaction.execute(tx -> threads.findOrStartCall(callSid, params.get("From")));
		PatientMessages.Exchange exchange = patientMessages.receive(thread.conversationId(), heard, (String) null);
		Reply reply = exchange.reply();
		if (reply == null) {
			// a person took the call's conversation over meanwhile
			return twiml(new Twiml().say("Let me put you through to the front desk.", "en-US").dial(clinic.phone()));
		}
		String language = Speech.voiceLanguage(reply.language());
		Twiml answer = new Twiml();
		if (reply.handoff() != null) {
			String number = reply.handoff().urgency() == Urgency.URGENT && clinic.emergencyPhone() != null
					? clinic.emergencyPhone() : clinic.phone();
			return twiml(answer.say(Speech.of(reply), language).dial(number));
		}
		if (reply.close()) {
			return twiml(answer.say(Speech.of(reply), language).hangup());
		}
		return twiml(answer.gather(action(reply), language, Speech.of(reply)).redirect(GATHER_PATH + "?silence=1"));
	}

	/** Speech as heard, or the choice behind the key pressed. */
	private static String heard(Map<String, String> params, String options) {
		String digits = params.getOrDefault("Digits", "").strip();
		if (!digits.isEmpty()) {
			List<String> values = options(options);
			int index = parseInt(digits) - 1;
			return index >= 0 && index < values.size() ? values.get(index) : digits;
		}
		return params.getOrDefault("SpeechResult", "").strip();
	}

	/**
	 * The next gather's URL carries the values behind its keys; Twilio signs the URL, so
	 * they come back as they were sent.
	 */
	private static String action(Reply reply) {
		List<String> values = reply.options().stream().limit(Speech.MAX_OPTIONS).map(Reply.Option::value).toList();
		if (values.isEmpty()) {
			return GATHER_PATH;
		}
		String packed = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(String.join("\n", values).getBytes(StandardCharsets.UTF_8));
		return UriComponentsBuilder.fromPath(GATHER_PATH).queryParam("options", packed).build().toUriString();
	}

	private static List<String> options(String packed) {
		if (packed == null || packed.isBlank()) {
			return List.of();
		}
		try {
			return new ArrayList<>(
					List.of(new String(Base64.getUrlDecoder().decode(packed), StandardCharsets.UTF_8).split("\n")));
		}
		catch (IllegalArgumentException ex) {
			return List.of();
		}
	}

	private static int parseInt(String value) {
		try {
			return value == null ? 0 : Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static ResponseEntity<String> twiml(Twiml twiml) {
		return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(twiml.xml());
	}

}
