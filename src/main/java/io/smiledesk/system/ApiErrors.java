package io.smiledesk.system;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into an RFC 9457 problem. Client mistakes are 4xx with a message
 * that names the field; anything else is a 500 carrying only an error id (the stack trace
 * stays in the log).
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(
					Map.of("field", snakeCase(error.getField()), "message", String.valueOf(error.getDefaultMessage())));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(error -> errors.add(Map.of("field", "", "message", String.valueOf(error.getDefaultMessage()))));
		return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", describe(errors), errors);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach(result -> result.getResolvableErrors()
				.forEach(error -> errors.add(Map.of("field", snakeCase(result.getMethodParameter().getParameterName()),
						"message", String.valueOf(error.getDefaultMessage())))));
		return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", describe(errors), errors);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = jacksonCause(ex);
		if (cause instanceof RequestTooLargeException tooLarge) {
			return problem(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Request too large",
					tooLarge.getMessage(), null);
		}
		String detail = "The request body is not valid JSON.";
		String field = null;
		if (cause instanceof JacksonException jackson && !(cause instanceof StreamReadException)) {
			field = path(jackson);
			if (cause instanceof InvalidFormatException format) {
				detail = "Field '" + field + "' has an invalid value '" + format.getValue() + "'.";
			}
			else if (cause instanceof MismatchedInputException && !field.isEmpty()) {
				detail = "Field '" + field + "' has the wrong type.";
			}
			else if (!field.isEmpty()) {
				detail = "Field '" + field + "' has an invalid value.";
			}
		}
		else if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
			detail = "A JSON request body is required.";
		}
		List<Map<String, String>> errors = field == null || field.isEmpty() ? null
				: List.of(Map.of("field", field, "message", detail));
		return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail, errors);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
				: ex.getPropertyName();
		String expected = ex.getRequiredType() == null ? "another type" : ex.getRequiredType().getSimpleName();
		String detail = "Parameter '" + name + "' has an invalid value '" + ex.getValue() + "' (expected "
				+ expectedName(expected) + ").";
		return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail,
				List.of(Map.of("field", String.valueOf(name), "message", detail)));
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
		List<Map<String, String>> errors = ex.getConstraintViolations()
			.stream()
			.map(violation -> Map.of("field", snakeCase(lastNode(violation.getPropertyPath().toString())), "message",
					violation.getMessage()))
			.toList();
		return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", describe(errors), errors);
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<Object> invalidInput(InvalidInputException ex) {
		String detail = ex.field() + ": " + ex.getMessage();
		return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail,
				List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
	}

	/**
	 * Method security refuses inside the controller, past the filters: answer it like the
	 * filters do.
	 */
	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> denied(AccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role does not allow this.", null);
	}

	/**
	 * Spring Security's firewall checks a header only when it is read, which can be
	 * inside a controller.
	 */
	@ExceptionHandler(RequestRejectedException.class)
	ResponseEntity<Object> rejected(RequestRejectedException ex) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
				"The request path or headers are not acceptable.", null);
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<Object> unauthenticated(AuthenticationException ex) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(problemDetail(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
					"Sign in to use this endpoint."));
	}

	@ExceptionHandler(ConcurrencyFailureException.class)
	ResponseEntity<Object> concurrentChange(ConcurrencyFailureException ex) {
		log.info("Lock conflict ({})", ex.getMostSpecificCause().getClass().getSimpleName());
		return problem(HttpStatus.CONFLICT, "conflict", "Conflict",
				"Another request changed the same data at the same time. Please retry.", null);
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> integrity(DataIntegrityViolationException ex) {
		// The driver's message can quote the duplicate value (an email, a phone): log the
		// state only.
		log.info("Integrity violation (SQL state {})", sqlState(ex));
		return problem(HttpStatus.CONFLICT, "conflict", "Conflict",
				"The request conflicts with existing data (a duplicate or a record still in use).", null);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request) {
		String errorId = UUID.randomUUID().toString();
		log.error("Unexpected error {} on {} {}", errorId, request.getMethod(), request.getRequestURI(), ex);
		ResponseEntity<Object> response = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
				"Something went wrong on our side. Quote error id " + errorId + " to support.", null);
		((ProblemDetail) response.getBody()).setProperty("error_id", errorId);
		return response;
	}

	private ResponseEntity<Object> problem(HttpStatus status, String type, String title, String detail,
			List<Map<String, String>> errors) {
		ProblemDetail problem = problemDetail(status, type, title, detail);
		if (errors != null && !errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return ResponseEntity.status(status)
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	/** The Jackson error (which knows the field), or else the innermost cause. */
	private static Throwable jacksonCause(HttpMessageNotReadableException ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestTooLargeException) {
				return cause;
			}
		}
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException) {
				return cause;
			}
		}
		return ex.getMostSpecificCause();
	}

	/**
	 * Problems are always problem+json, whatever the Accept header says: a client that
	 * sent an unusable Accept still learns what went wrong.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		HttpHeaders problemHeaders = new HttpHeaders();
		problemHeaders.putAll(headers);
		if (body instanceof ProblemDetail problem) {
			problemHeaders.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
			// the framework's own problems (404, 405, 415...) get a type of ours too, so
			// that clients can tell every problem apart by its type
			if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
				HttpStatus known = HttpStatus.resolve(statusCode.value());
				String slug = known == null ? "error-" + statusCode.value()
						: known.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
				problem.setType(URI.create(ApiProblem.TYPE_BASE + slug));
			}
		}
		return new ResponseEntity<>(body, problemHeaders, statusCode);
	}

	private static ProblemDetail problemDetail(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(ApiProblem.TYPE_BASE + type));
		problem.setTitle(title);
		return problem;
	}

	private static String sqlState(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.sql.SQLException sql) {
				return sql.getSQLState();
			}
		}
		return "unknown";
	}

	private static String describe(List<Map<String, String>> errors) {
		if (errors.isEmpty()) {
			return "The request is invalid.";
		}
		return errors.stream()
			.map(error -> error.get("field").isEmpty() ? error.get("message")
					: error.get("field") + ": " + error.get("message"))
			.collect(Collectors.joining("; "));
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String expectedName(String simpleName) {
		return switch (simpleName) {
			case "int", "Integer", "long", "Long" -> "a whole number";
			case "LocalDate" -> "a date like 2025-08-20";
			case "UUID" -> "an id";
			default -> "a valid " + simpleName;
		};
	}

	private static String lastNode(String path) {
		int dot = path.lastIndexOf('.');
		return dot < 0 ? path : path.substring(dot + 1);
	}

	static String snakeCase(String name) {
		if (name == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(name.length() + 4);
		for (char c : name.toCharArray()) {
			if (Character.isUpperCase(c)) {
				out.append('_').append(Character.toLowerCase(c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
