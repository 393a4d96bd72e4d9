package io.smiledesk.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Decodes the query string and form body up front. Tomcat decodes them only when a
 * parameter is first read, and throws on broken percent-encoding ({@code ?month=%~d}):
 * wherever that happens (the security firewall, a controller, a template) it would end as
 * a 500. Here it is a 400 (or a 413 for too many parameters) before anything else runs.
 * After {@link RequestSizeLimitFilter}, so a declared oversize body is refused before a
 * form body is read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ParameterDecodingFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParameterMap();
		}
		catch (InvalidParameterException ex) {
			if (ex.getErrorCode() == 413) {
				ProblemResponses.write(response, 413, "request-too-large", "Request too large",
						"The request has too many parameters or too large a form body.");
			}
			else {
				ProblemResponses.write(response, 400, "invalid-request", "Invalid request",
						"The query string or form body is not valid percent-encoded UTF-8.");
			}
			return;
		}
		chain.doFilter(request, response);
	}

}
