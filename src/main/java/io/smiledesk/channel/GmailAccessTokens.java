package io.smiledesk.channel;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * OAuth access tokens for the Gmail API: the static one configured, or one obtained with
 * the mailbox's refresh token (Google's token endpoint, grant_type=refresh_token) and
 * kept until a minute before it expires. Access tokens last an hour, so a long-running
 * server needs the refresh token.
 */
@Component
class GmailAccessTokens {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration EARLY = Duration.ofMinutes(1);

	private final GmailProperties properties;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private String token;

	private Instant expiresAt = Instant.MIN;

	GmailAccessTokens(GmailProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * A token good for the next minute at least.
	 * @throws GmailApi.Failure when the token endpoint refuses or cannot be reached
	 */
	synchronized String current() {
		if (ChannelProperties.present(properties.accessToken())) {
			return properties.accessToken();
		}
		if (token == null || !clock.instant().isBefore(expiresAt.minus(EARLY))) {
			refresh();
		}
		return token;
	}

	/** Forgets a token Gmail refused, so that the next call fetches another. */
	synchronized void refused() {
		token = null;
	}

	private void refresh() {
		String form = "grant_type=refresh_token&client_id=" + encode(properties.clientId()) + "&client_secret="
				+ encode(properties.clientSecret()) + "&refresh_token=" + encode(properties.refreshToken());
		HttpRequest request = HttpRequest.newBuilder(URI.create(properties.tokenUrl()))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		HttpResponse<String> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new GmailApi.Failure(0, "token endpoint unreachable: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new GmailApi.Failure(0, "interrupted");
		}
		JsonNode body;
		try {
			body = JSON.readTree(response.body());
		}
		catch (JacksonException ex) {
			body = JSON.createObjectNode();
		}
		if (response.statusCode() != 200 || !body.path("access_token").isString()) {
			// Google's token errors: {"error":"invalid_grant","error_description":"..."}
			throw new GmailApi.Failure(response.statusCode(),
					"token refresh refused: " + body.path("error").asString("no error code"));
		}
		token = body.path("access_token").asString();
		expiresAt = clock.instant().plusSeconds(body.path("expires_in").asLong(3600));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
