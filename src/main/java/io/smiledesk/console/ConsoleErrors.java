package io.smiledesk.console;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import io.smiledesk.system.ConsolePage;
import io.smiledesk.system.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Console pages fail as pages, not as problem documents: the API's error advice answers
 * JSON, which a browser (or an htmx swap) cannot show. Pages beside their own modules
 * ({@link ConsolePage}) too.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class, annotations = ConsolePage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

	private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

	@ExceptionHandler(AccessDeniedException.class)
	String forbidden(HttpServletResponse response, Model model) {
		return error(response, model, 403, "error.forbidden");
	}

	@ExceptionHandler({ NotFound.class, NoResourceFoundException.class })
	String notFound(HttpServletResponse response, Model model) {
		return error(response, model, 404, "error.not-found");
	}

	@ExceptionHandler({ InvalidInputException.class, MethodArgumentTypeMismatchException.class,
			IllegalArgumentException.class })
	String badRequest(Exception ex, HttpServletResponse response, Model model) {
		model.addAttribute("detail", ex instanceof InvalidInputException ? ex.getMessage() : null);
		return error(response, model, 400, "error.bad-request");
	}

	@ExceptionHandler(Exception.class)
	String failed(Exception ex, HttpServletResponse response, Model model) {
		String id = UUID.randomUUID().toString();
		log.error("Console request failed (error id {})", id, ex);
		model.addAttribute("errorId", id);
		return error(response, model, 500, "error.failed");
	}

	private static String error(HttpServletResponse response, Model model, int status, String message) {
		response.setStatus(status);
		model.addAttribute("status", status);
		model.addAttribute("message", message);
		return "console/error";
	}

	/** A console page for something that does not exist (or no longer does). */
	static final class NotFound extends RuntimeException {

		NotFound(String what) {
			super(what + " not found");
		}

	}

}
