package io.smiledesk.system;

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

/**
 * OAuth access tokens for a Google API: the static one configured, or one obtained with a
 * refresh token (Google's token endpoint, grant_type=refresh_token) and kept until a
 * minute before it expires. Shared by the Gmail and Google Calendar integrations, each
 * with its own credentials.
 */
public final class GoogleOAuthTokens {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration EARLY = Duration.ofMinutes(1);

	private final Credentials credentials;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private String token;

	private Instant expiresAt = Instant.MIN;

	/**
	 * Where and how tokens come: a static access token wins over the refresh token.
	 *
	 * @param accessToken a static token, or blank
	 * @param tokenUrl Google's token endpoint
	 */
	public record Credentials(String accessToken, String clientId, String clientSecret, String refreshToken,
			String tokenUrl) {

		public boolean canRefresh() {
			return present(refreshToken) && present(clientId) && present(clientSecret);
		}

		public boolean configured() {
			return present(accessToken) || canRefresh();
		}

		static boolean present(String value) {
			return value != null && !value.isBlank();
		}

	}

	public GoogleOAuthTokens(Credentials credentials, Clock clock) {
		this.credentials = credentials;
		this.clock = clock;
	}

	/**
	 * A token good for the next minute at least.
	 * @throws Refused when the token endpoint refuses or cannot be reached
	 */
	public synchronized String current() {
		if (Credentials.present(credentials.accessToken())) {
			return credentials.accessToken();
		}
		if (token == null || !clock.instant().isBefore(expiresAt.minus(EARLY))) {
			refresh();
		}
		return token;
	}

	/** Forgets a token the API refused, so that the next call fetches another. */
	public synchronized void refused() {
		token = null;
	}

	private void refresh() {
		String form = "grant_type=refresh_token&client_id=" + encode(credentials.clientId()) + "&client_secret="
				+ encode(credentials.clientSecret()) + "&refresh_token=" + encode(credentials.refreshToken());
		HttpRequest request = HttpRequest.newBuilder(URI.create(credentials.tokenUrl()))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		HttpResponse<String> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new Refused(0, "token endpoint unreachable: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Refused(0, "interrupted");
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
			throw new Refused(response.statusCode(),
					"token refresh refused: " + body.path("error").asString("no error code"));
		}
		token = body.path("access_token").asString();
		expiresAt = clock.instant().plusSeconds(body.path("expires_in").asLong(3600));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** The token endpoint refused (its status) or could not be reached (status 0). */
	public static class Refused extends RuntimeException {

		private final int status;

		public Refused(int status, String message) {
			super(message);
			this.status = status;
		}

		public int status() {
			return status;
		}

	}

}
