package io.smiledesk.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;

/**
 * Writes a problem+json answer from a servlet filter, where the MVC error advice cannot
 * reach.
 */
public final class ProblemResponses {

	private ProblemResponses() {
	}

	/**
	 * The detail is the application's own text (no user input), so it needs no JSON
	 * escaping.
	 */
	public static void write(HttpServletResponse response, int status, String type, String title, String detail)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json(status, type, title, detail));
	}

	static String json(int status, String type, String title, String detail) {
		return "{\"type\":\"" + ApiProblem.TYPE_BASE + type + "\",\"title\":\"" + title + "\",\"status\":" + status
				+ ",\"detail\":\"" + detail + "\"}";
	}

}
