package io.smiledesk.channel;

import java.util.HashMap;
import java.util.Map;

import com.twilio.security.RequestValidator;
import jakarta.servlet.http.HttpServletRequest;
import io.smiledesk.system.ApiProblem;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks {@code X-Twilio-Signature} with Twilio's own validator, against the URL Twilio
 * called: {@code SMILEDESK_PUBLIC_BASE_URL} plus the path, because behind a proxy the
 * request's own URL is not the one Twilio signed.
 */
@Component
class TwilioRequests {

	private final ChannelProperties properties;

	TwilioRequests(ChannelProperties properties) {
		this.properties = properties;
	}

	/**
	 * The request's form parameters, once the signature is checked.
	 * @throws ApiProblem 401 when it is missing or wrong, or Twilio is not set up
	 */
	Map<String, String> verified(HttpServletRequest request) {
		String token = properties.twilio().authToken();
		if (!ChannelProperties.present(token)) {
			throw refused("Twilio webhooks are not configured on this server (SMILEDESK_TWILIO_AUTH_TOKEN).");
		}
		String signature = request.getHeader("X-Twilio-Signature");
		if (signature == null || signature.isBlank()) {
			throw refused("X-Twilio-Signature is required.");
		}
		Map<String, String> params = new HashMap<>();
		request.getParameterMap().forEach((name, values) -> params.put(name, values.length == 0 ? "" : values[0]));
		if (!new RequestValidator(token).validate(url(request), formOnly(request, params), signature)) {
			throw refused("The Twilio signature does not match.");
		}
		return params;
	}

	private String url(HttpServletRequest request) {
		String base = ChannelProperties.present(properties.publicBaseUrl()) ? properties.publicBaseUrl()
				: request.getScheme() + "://" + request.getServerName()
						+ (request.getServerPort() == 80 || request.getServerPort() == 443 ? ""
								: ":" + request.getServerPort());
		String query = request.getQueryString();
		return stripSlash(base) + request.getRequestURI() + (query == null ? "" : "?" + query);
	}

	/** Parameters from the query string are part of the signed URL, not of the body. */
	private static Map<String, String> formOnly(HttpServletRequest request, Map<String, String> params) {
		if (request.getQueryString() == null) {
			return params;
		}
		Map<String, String> form = new HashMap<>(params);
		for (String pair : request.getQueryString().split("&")) {
			try {
				form.remove(java.net.URLDecoder.decode(pair.split("=", 2)[0], java.nio.charset.StandardCharsets.UTF_8));
			}
			catch (IllegalArgumentException ex) {
				throw refused("The request's query string is not valid.");
			}
		}
		return form;
	}

	private static String stripSlash(String base) {
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	private static ApiProblem refused(String detail) {
		return new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", detail);
	}

}
