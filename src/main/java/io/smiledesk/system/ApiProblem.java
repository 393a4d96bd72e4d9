package io.smiledesk.system;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An RFC 9457 problem a controller raises to answer with a 4xx. The type is a stable slug
 * integrators can switch on.
 */
public class ApiProblem extends ErrorResponseException {

	public static final String TYPE_BASE = "https://smiledesk.io/problems/";

	public ApiProblem(HttpStatus status, String type, String title, String detail) {
		this(status, type, title, detail, Map.of());
	}

	public ApiProblem(HttpStatus status, String type, String title, String detail, Map<String, ?> properties) {
		super(status, problem(status, type, title, detail, properties), null);
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail,
			Map<String, ?> properties) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(title);
		properties.forEach(problem::setProperty);
		return problem;
	}

	public static ApiProblem notFound(String what, String detail) {
		return new ApiProblem(HttpStatus.NOT_FOUND, what + "-not-found", "Not found", detail);
	}

	public static ApiProblem invalidField(String field, String detail) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail,
				Map.of("errors", List.of(Map.of("field", field, "message", detail))));
	}

	public static ApiProblem conflict(String type, String detail) {
		return new ApiProblem(HttpStatus.CONFLICT, type, "Conflict", detail);
	}

}
