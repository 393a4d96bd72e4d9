package io.smiledesk.channel;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.smiledesk.conversation.ConversationChannel;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * SMS and WhatsApp through Twilio's Messages API ({@code POST
 * /2010-04-01/Accounts/{sid}/Messages.json}, form-encoded, basic auth), with a status
 * callback so delivery reports come back. 4xx answers other than 429 are final (a bad
 * number does not get better); anything else is tried again.
 */
@Component
class TwilioSender implements ChannelSender {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ChannelProperties properties;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	TwilioSender(ChannelProperties properties) {
		this.properties = properties;
	}

	@Override
	public boolean sends(ConversationChannel channel) {
		ChannelProperties.Twilio twilio = properties.twilio();
		return twilio.canSend() && switch (channel) {
			case SMS -> ChannelProperties.present(twilio.smsFrom());
			case WHATSAPP -> ChannelProperties.present(twilio.whatsappFrom());
			default -> false;
		};
	}

	@Override
	public String send(Outgoing message) {
		ChannelProperties.Twilio twilio = properties.twilio();
		boolean whatsApp = message.channel() == ConversationChannel.WHATSAPP;
		Map<String, String> form = new LinkedHashMap<>();
		form.put("To", (whatsApp ? "whatsapp:" : "") + message.recipient());
		form.put("From", whatsApp ? "whatsapp:" + twilio.whatsappFrom() : twilio.smsFrom());
		form.put("Body", message.body());
		if (ChannelProperties.present(properties.publicBaseUrl())) {
			form.put("StatusCallback", properties.publicBaseUrl() + TwilioWebhooks.STATUS_PATH);
		}
		HttpRequest request = HttpRequest
			.newBuilder(
					URI.create(twilio.apiBaseUrl() + "/2010-04-01/Accounts/" + twilio.accountSid() + "/Messages.json"))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((twilio.accountSid() + ":" + twilio.authToken()).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(form)))
			.build();
		HttpResponse<String> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new SendFailure("twilio-unreachable: " + ex.getMessage(), false);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SendFailure("interrupted", false);
		}
		JsonNode body = parse(response.body());
		int status = response.statusCode();
		if (status / 100 == 2 && body.path("sid").isString()) {
			return body.path("sid").asString();
		}
		String error = "twilio-" + status + (body.has("code") ? " code " + body.path("code").asString() : "") + ": "
				+ body.path("message").asString("no message");
		throw new SendFailure(error, status / 100 == 4 && status != 429);
	}

	private static JsonNode parse(String body) {
		try {
			return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
		}
		catch (JacksonException ex) {
			return JSON.createObjectNode();
		}
	}

	private static String encode(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
