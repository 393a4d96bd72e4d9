package io.smiledesk.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * JSON over HTTP to a Google REST API with a bearer token, on the JDK's HTTP client: the
 * Google client library would add Gson, Guava and its own HTTP stack for a few requests.
 * Shared by the Gmail and Google Calendar integrations; each makes its own exception of a
 * failed call.
 */
public final class GoogleRestClient {

	/** Makes the caller's own exception of a failed call. */
	@FunctionalInterface
	public interface Failures {

		/**
		 * @param status Google's status, or 0 when Google was not reached
		 * @param message what went wrong, prefixed with the API's name
		 * @param error the answer's error object (code, message, status); missing when
		 * Google was not reached
		 * @return the exception to throw
		 */
		RuntimeException failure(int status, String message, JsonNode error);

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String name;

	private final Runnable unauthorized;

	private final Failures failures;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/**
	 * @param name the API's name, which prefixes the failures' messages
	 * @param unauthorized what to do when Google refuses the token (status 401)
	 * @param failures makes the caller's exceptions
	 */
	public GoogleRestClient(String name, Runnable unauthorized, Failures failures) {
		this.name = name;
		this.unauthorized = unauthorized;
		this.failures = failures;
	}

	/** A request to {@code base + path} with the token, asking for JSON. */
	public static HttpRequest.Builder request(String base, String path, String token) {
		String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		return HttpRequest.newBuilder(URI.create(trimmed + path))
			.timeout(Duration.ofSeconds(15))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json");
	}

	/** Sends the JSON body with the method. */
	public JsonNode send(HttpRequest.Builder request, String method, JsonNode body) {
		return call(request.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	/**
	 * The answer's body; an empty object when it is empty or not JSON.
	 * @throws RuntimeException the caller's failure, when Google answers with an error
	 * status or cannot be reached
	 */
	public JsonNode call(HttpRequest.Builder request) {
		HttpResponse<String> response;
		try {
			response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw failures.failure(0, name + "-unreachable: " + ex.getMessage(), MissingNode.getInstance());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw failures.failure(0, "interrupted", MissingNode.getInstance());
		}
		JsonNode body = parse(response.body());
		if (response.statusCode() / 100 == 2) {
			return body;
		}
		if (response.statusCode() == 401) {
			unauthorized.run();
		}
		// Google's errors: {"error":{"code":404,"message":"...","status":"NOT_FOUND"}}
		JsonNode error = body.path("error");
		throw failures.failure(response.statusCode(),
				name + "-" + response.statusCode() + ": " + error.path("message").asString(""), error);
	}

	/** A path or query value, spaces as {@code %20}. */
	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static JsonNode parse(String body) {
		try {
			return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
		}
		catch (JacksonException ex) {
			return JSON.createObjectNode();
		}
	}

}
